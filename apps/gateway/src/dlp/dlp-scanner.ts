import type { DlpAction, DlpFinding, DlpResult, DlpType } from '../message/dlp.types';
import { DLP_DETECTORS } from './detectors';
import type { DlpDetector } from './dlp-detector.interfaces';
import { DlpScanBudgetError } from './dlp.errors';
import { shapeHint } from './dlp-structure';
import { DlpTextScanner } from './dlp-text-scanner';

export { normaliseKey } from './dlp-text-scanner';

/** Limits of one scan; over any of them the message is refused as too large to scan. */
export interface DlpBudget {
  maxMs: number;
  /** Strings, numbers, keys and containers visited. */
  maxNodes: number;
  /** Characters of all strings scanned. */
  maxChars: number;
}

/** Generous limits for offline use (the gateway passes its configured ones). */
export const UNLIMITED_BUDGET: DlpBudget = { maxMs: Number.POSITIVE_INFINITY, maxNodes: Number.POSITIVE_INFINITY, maxChars: Number.POSITIVE_INFINITY };

/** Types worth looking for in a split array (a card number or SSN cut into parts). */
const SPLIT_TYPES: ReadonlySet<DlpType> = new Set<DlpType>(['credit_card', 'ssn']);
/** Top-level envelope fields never scanned: the sender's and the gateway's signature blocks. */
const UNSCANNED = new Set(['signature', 'gateway_signature']);

interface Frame {
  value: unknown;
  path: string;
  keys: string[];
  /** Path inside `data` (for redaction); undefined outside it. */
  dataPath?: Array<string | number>;
  hint?: DlpType;
}

/**
 * Scans a whole envelope — every string and number of every field (type, ids, meta, extra fields,
 * data) and every object key — with an explicit stack (no recursion: any depth), each value with its
 * keys in view, within a time and size budget. Returns the findings and `data` with REDACT findings
 * masked (a copy; the input is never changed). A REDACT finding outside `data` (a key, the type, a
 * meta field, an array split) cannot be masked and counts as BLOCK. Values are never kept.
 */
export class DlpScanner {
  private readonly text: DlpTextScanner;

  constructor(
    private readonly actionOf: (type: DlpType) => DlpAction,
    detectors: readonly DlpDetector[] = DLP_DETECTORS,
    private readonly budget: DlpBudget = UNLIMITED_BUDGET,
  ) {
    this.text = new DlpTextScanner(actionOf, detectors);
  }

  /** Scans a payload alone (paths start at `data`). */
  scan(data: Record<string, unknown>): DlpResult {
    return this.scanEnvelope({ data });
  }

  /**
   * Scans an envelope (its wire JSON object).
   * @throws DlpScanBudgetError when it is too large to scan within the budget.
   */
  scanEnvelope(envelope: Record<string, unknown>): DlpResult {
    const started = performance.now();
    const findings: DlpFinding[] = [];
    const redactions: Array<{ path: Array<string | number>; value: string }> = [];
    const data = envelope.data as Record<string, unknown> | undefined;
    const stack: Frame[] = Object.entries(envelope)
      .filter(([key]) => !UNSCANNED.has(key))
      .reverse()
      .map(([key, value]) => ({ value, path: key, keys: [key], dataPath: key === 'data' ? [] : undefined }));
    let nodes = 0;
    let chars = 0;
    const record = (path: string, types: DlpType[], masked: boolean, encodings?: Map<DlpType, string>) => {
      for (const type of types) {
        const configured = this.actionOf(type);
        const action = configured === 'REDACT' && !masked ? 'BLOCK' : configured;
        const encoding = encodings?.get(type);
        findings.push({ type, action, path: encoding ? `${path}(${encoding})` : path });
      }
    };
    while (stack.length) {
      const frame = stack.pop()!;
      nodes += 1;
      if (nodes > this.budget.maxNodes || ((nodes & 255) === 0 && performance.now() - started > this.budget.maxMs)) {
        throw new DlpScanBudgetError(nodes > this.budget.maxNodes ? `more than ${this.budget.maxNodes} values` : `more than ${this.budget.maxMs} ms`);
      }
      const { value, path, keys, dataPath } = frame;
      if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
        const text = String(value);
        chars += text.length;
        if (chars > this.budget.maxChars) throw new DlpScanBudgetError(`more than ${this.budget.maxChars} characters`);
        const result = this.text.scan(text, keys, frame.hint);
        if (!result.types.length) continue;
        const maskable = dataPath !== undefined && result.redacted !== undefined;
        if (maskable) redactions.push({ path: dataPath, value: result.redacted! });
        record(path, result.types, dataPath !== undefined, result.encodings);
        if (performance.now() - started > this.budget.maxMs) throw new DlpScanBudgetError(`more than ${this.budget.maxMs} ms`);
      } else if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], path: `${path}[${i}]`, keys, dataPath: dataPath && [...dataPath, i] });
        this.scanSplit(value, path, keys, record);
      } else if (value && typeof value === 'object') {
        const entries = Object.entries(value as Record<string, unknown>);
        const hint = shapeHint(value as Record<string, unknown>);
        for (let i = entries.length - 1; i >= 0; i -= 1) {
          const [key, item] = entries[i];
          chars += key.length;
          const found = this.text.scan(key, keys);
          // A key that carries sensitive data is named by its position, never by itself (paths go to the audit trail).
          const named = found.types.length ? `{key ${i}}` : key;
          if (found.types.length) record(`${path}${named}`, found.types, false, found.encodings);
          stack.push({ value: item, path: `${path}.${named}`, keys: [...keys, key], dataPath: dataPath && [...dataPath, key], hint: hint?.key === key ? hint.type : undefined });
        }
        nodes += entries.length;
      }
    }
    return { findings, data: applyRedactions(data ?? {}, redactions), blocked: findings.some((f) => f.action === 'BLOCK') };
  }

  /** A card number or SSN split over the short items of an array, read joined. */
  private scanSplit(items: unknown[], path: string, keys: string[], record: (path: string, types: DlpType[], masked: boolean) => void): void {
    if (items.length < 2 || items.length > 64) return;
    const parts = items.map((item) => (typeof item === 'string' || typeof item === 'number' ? String(item) : undefined));
    if (parts.some((part) => part === undefined || part.length > 8)) return;
    const joined = this.text.scan(parts.join(' '), keys, undefined, SPLIT_TYPES);
    const alone = new Set(parts.flatMap((part) => this.text.scan(part!, keys, undefined, SPLIT_TYPES).types));
    const split = joined.types.filter((type) => !alone.has(type));
    if (split.length) record(`${path}[*]`, split, false);
  }
}

/** `data` with the masked strings at their paths (a copy), or `data` itself when nothing was masked. */
function applyRedactions(data: Record<string, unknown>, redactions: Array<{ path: Array<string | number>; value: string }>): Record<string, unknown> {
  if (!redactions.length) return data;
  const copy = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  for (const { path, value } of redactions) {
    let target: any = copy;
    for (const step of path.slice(0, -1)) target = target[step];
    target[path[path.length - 1]] = value;
  }
  return copy;
}
