import type { DlpAction, DlpFinding, DlpResult, DlpType } from '../message/dlp.types';
import { DLP_DETECTORS } from './detectors';
import type { DlpDetector } from './dlp-detector.interfaces';

interface Span {
  start: number;
  end: number;
  detector: DlpDetector;
  rank: number;
}

const DEFAULT_WINDOW = { before: 40, after: 25 };
const SPLIT_KEY = /([a-z0-9])([A-Z])|[_\-.\s]+/g;

/**
 * Scans a payload for sensitive data, with each value's keys in view: walks nested objects and
 * arrays, checks every string (and number) against the detectors, and returns the findings and the
 * payload with REDACT findings masked (a copy; the input is never changed). Values are never kept.
 */
export class DlpScanner {
  constructor(
    private readonly actionOf: (type: DlpType) => DlpAction,
    private readonly detectors: readonly DlpDetector[] = DLP_DETECTORS,
  ) {}

  scan(data: Record<string, unknown>): DlpResult {
    const findings: DlpFinding[] = [];
    const redacted = this.walk(data, 'data', [], findings) as Record<string, unknown>;
    return { findings, data: redacted, blocked: findings.some((f) => f.action === 'BLOCK') };
  }

  private walk(value: unknown, path: string, keys: string[], findings: DlpFinding[]): unknown {
    if (typeof value === 'string') return this.scanText(value, path, keys, findings);
    if (typeof value === 'number' && Number.isFinite(value)) {
      const text = String(value);
      const scanned = this.scanText(text, path, keys, findings);
      return scanned === text ? value : scanned;
    }
    if (Array.isArray(value)) {
      let changed = false;
      const out = value.map((item, i) => {
        const next = this.walk(item, `${path}[${i}]`, keys, findings);
        changed ||= next !== item;
        return next;
      });
      return changed ? out : value;
    }
    if (value && typeof value === 'object') {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const next = this.walk(item, `${path}.${key}`, [...keys, key], findings);
        changed ||= next !== item;
        out[key] = next;
      }
      return changed ? out : value;
    }
    return value;
  }

  /** Findings in one value; returns the value with REDACT spans masked. */
  private scanText(text: string, path: string, keys: string[], findings: DlpFinding[]): string {
    if (!text.trim()) return text;
    const nearestKey = normaliseKey(keys[keys.length - 1] ?? '');
    const keyPath = keys.join(' ').replace(SPLIT_KEY, (_m, a?: string, b?: string) => (a ? `${a} ${b}` : ' '));
    const spans: Span[] = [];
    this.detectors.forEach((detector, rank) => {
      if (this.actionOf(detector.type) === 'OFF') return;
      if (detector.key?.test(nearestKey) && (detector.keyValue ?? /\S/).test(text)) {
        spans.push({ start: 0, end: text.length, detector, rank });
        return;
      }
      if (!detector.pattern) return;
      for (const match of text.matchAll(detector.pattern)) {
        const groups = match.groups ?? {};
        const part = groups.v ?? groups.v2 ?? groups.v3 ?? groups.v4 ?? groups.v5 ?? match[0];
        const start = match.index + (part === match[0] ? 0 : match[0].lastIndexOf(part));
        if (!part || (detector.validate && !detector.validate(part, text, start, keyPath))) continue;
        if (detector.context && !hasContext(detector, text, start, start + part.length, keyPath)) continue;
        spans.push({ start, end: start + part.length, detector, rank });
      }
    });
    if (!spans.length) return text;
    const kept = keepMostSpecific(spans);
    const seen = new Set<DlpType>();
    for (const span of kept) {
      if (seen.has(span.detector.type)) continue;
      seen.add(span.detector.type);
      findings.push({ type: span.detector.type, action: this.actionOf(span.detector.type), path });
    }
    let out = text;
    for (const span of [...kept].sort((a, b) => b.start - a.start)) {
      if (this.actionOf(span.detector.type) !== 'REDACT') continue;
      const value = text.slice(span.start, span.end);
      const mask = span.detector.mask?.(value) ?? `[REDACTED:${span.detector.type}]`;
      out = out.slice(0, span.start) + mask + out.slice(span.end);
    }
    return out;
  }
}

/** `db_Password` → `dbpassword`: how key-based detectors see a key. */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function hasContext(detector: DlpDetector, text: string, start: number, end: number, keyPath: string): boolean {
  const context = detector.context!;
  if (context.test(keyPath)) return true;
  const window = detector.contextWindow ?? DEFAULT_WINDOW;
  const around = `${text.slice(Math.max(0, start - window.before), start)} ${text.slice(end, end + window.after)}`;
  return context.test(around);
}

/** Drops spans overlapping a span of a more specific (earlier) detector; O(n log n) in matches. */
function keepMostSpecific(spans: Span[]): Span[] {
  const kept: Span[] = []; // sorted by start, never overlapping
  for (const span of [...spans].sort((a, b) => a.rank - b.rank || a.start - b.start)) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (kept[mid].start < span.start) low = mid + 1;
      else high = mid;
    }
    const before = kept[low - 1];
    const after = kept[low];
    if ((before && before.end > span.start) || (after && after.start < span.end)) continue;
    kept.splice(low, 0, span);
  }
  return kept;
}
