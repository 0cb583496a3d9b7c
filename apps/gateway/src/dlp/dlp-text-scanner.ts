import type { DlpAction, DlpType } from '../message/dlp.types';
import { decodedRuns } from './dlp-decoders';
import type { DlpDetector } from './dlp-detector.interfaces';
import { normaliseText } from './dlp-normalise';
import { csvCells, embeddedPairs, hl7Spans, x12Spans, xmlSpans, xmlTexts } from './dlp-structure';

/** A match in a (normalised) text. */
export interface Span {
  start: number;
  end: number;
  type: DlpType;
  rank: number;
  mask?: string;
  /** Found in a decoded run (`base64`, `hex`, `percent`). */
  encoding?: string;
  /** Other types found in the same decoded run (a run is one span, whatever it carries). */
  also?: DlpType[];
}

/** One text scanned: its findings' types (each once) and the text with REDACT spans masked. */
export interface TextResult {
  types: DlpType[];
  /** Undefined when nothing was redacted (the text stays as it is). */
  redacted?: string;
  /** Types found only in a decoded run. */
  encodings: Map<DlpType, string>;
}

const DEFAULT_WINDOW = { before: 40, after: 25 };
/**
 * What a value inside text (`key: value`) must look like for a key alone to make it sensitive: not
 * a plain word (`password: required`), not a placeholder or prose (`(min 8 chars)`, `<token>`).
 */
const EMBEDDED_VALUE = /^(?![a-z]+$|[A-Z][a-z]+$|[A-Z_]+$|[([<{$*])\S+$/;
const SPLIT_KEY = /([a-z0-9])([A-Z])|[_\-.\s]+/g;
/** Credential types whose values are often placeholders in configs, templates and docs. */
const SECRET_TYPES: ReadonlySet<DlpType> = new Set<DlpType>(['password', 'api_key', 'aws_access_key']);
/**
 * A secret's value that is a reference or a mask, not the secret: template and variable references
 * (`{{ vault_pw }}`, `${{ secrets.X }}`, `${DB_PASS}`, `$DB_PASS`, `%(pw)s`, Terraform `var.x` /
 * `local.x`), `<your-key>`, `YOUR_API_KEY`, and masks (`********`, `••••`, `[REDACTED]`).
 */
const PLACEHOLDER =
  /^\s*["'\\]*(?:\{\{|\{%|\$\{|\$\(|<%|%\(|<[\w -]+>|\[(?:REDACTED|HIDDEN|MASKED|FILTERED)[^\]]*\]|\$[A-Z_][A-Z0-9_]*["'\\]*\s*$|(?:var|local|module|data|secrets|vars|env)\.[A-Za-z_][\w.-]*["'\\]*\s*$|[Yy]our[_-][\w-]+$|YOUR[_-][A-Z0-9_-]+|[*•xX]{4,}["'\\]*\s*$)/;

/** True when a secret-type value is a placeholder or a mask (see {@link PLACEHOLDER}). */
function placeholder(type: DlpType, value: string): boolean {
  return SECRET_TYPES.has(type) && PLACEHOLDER.test(value);
}

/** `db_Password` → `dbpassword`: how key-based detectors see a key. */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Scans one string with its keys in view: the detectors over its normalised form, the values of its
 * `key=value` pairs, CSV cells and XML element texts under their own keys, HL7 v2 fields, XML
 * attributes (HL7 v3 / CDA identifiers and codes) and X12 segments by meaning, and the base64 / hex /
 * percent-encoded runs decoded once. Values are never kept.
 */
export class DlpTextScanner {
  constructor(
    private readonly actionOf: (type: DlpType) => DlpAction,
    private readonly detectors: readonly DlpDetector[],
  ) {}

  /**
   * Scans `text` (found under `keys`; `hint`: its type as the surrounding JSON's shape says; `lead`: the
   * previous turn of a conversation, context for what this one starts with).
   */
  scan(text: string, keys: readonly string[], hint?: DlpType, only?: ReadonlySet<DlpType>, lead?: string): TextResult {
    const encodings = new Map<DlpType, string>();
    if (!text.trim()) return { types: [], encodings };
    const normal = normaliseText(text);
    const spans = this.spansOf(normal, keys, 0, true, only, false, lead && normaliseText(lead.slice(-LEAD_CHARS)));
    if (hint && this.actionOf(hint) !== 'OFF') spans.push({ start: 0, end: normal.length, type: hint, rank: -1 });
    if (!spans.length) return { types: [], encodings };
    const kept = keepMostSpecific(spans);
    const types = [...new Set(kept.flatMap((s) => [s.type, ...(s.also ?? [])]))];
    for (const span of kept) {
      for (const type of [span.type, ...(span.also ?? [])]) if (span.encoding && !encodings.has(type)) encodings.set(type, span.encoding);
    }
    const redacting = kept.filter((s) => [s.type, ...(s.also ?? [])].some((type) => this.actionOf(type) === 'REDACT')).sort((a, b) => b.start - a.start);
    if (!redacting.length) return { types, encodings };
    let out = normal;
    for (const span of redacting) out = out.slice(0, span.start) + (span.mask ?? `[REDACTED:${span.type}]`) + out.slice(span.end);
    return { types, redacted: out, encodings };
  }

  /** Spans in `text`; `structured`: also in its pairs, cells, HL7 fields and encoded runs; `embedded`: `text` is such a part. */
  private spansOf(text: string, keys: readonly string[], offset: number, structured: boolean, only?: ReadonlySet<DlpType>, embedded = false, lead?: string): Span[] {
    const spans: Span[] = [];
    const nearestKey = normaliseKey(keys[keys.length - 1] ?? '');
    // The nearest key read with its parent (`{ medicaid: { recipientId } }`, `{ card: { cvv } }`).
    const joinedKey = nearestKey && keys.length > 1 ? normaliseKey(keys[keys.length - 2]) + nearestKey : '';
    const keyPath = keys.join(' ').replace(SPLIT_KEY, (_m, a?: string, b?: string) => (a ? `${a} ${b}` : ' '));
    this.detectors.forEach((detector, rank) => {
      if (this.actionOf(detector.type) === 'OFF' || (only && !only.has(detector.type))) return;
      if (
        detector.key &&
        (detector.key.test(nearestKey) || (joinedKey && detector.key.test(joinedKey))) &&
        (detector.keyValue ?? (embedded ? EMBEDDED_VALUE : /\S/)).test(text) &&
        !placeholder(detector.type, text)
      ) {
        spans.push({ start: offset, end: offset + text.length, type: detector.type, rank, mask: detector.mask?.(text) });
        return;
      }
      if (!detector.pattern) return;
      for (const match of matchesOf(detector.pattern, text)) {
        const groups = match.groups ?? {};
        const part = groups.v ?? groups.v2 ?? groups.v3 ?? groups.v4 ?? groups.v5 ?? groups.v6 ?? match[0];
        const start = match.index + (part === match[0] ? 0 : match[0].lastIndexOf(part));
        if (!part || placeholder(detector.type, part) || (detector.validate && !detector.validate(part, text, start, keyPath))) continue;
        if (detector.context && !hasContext(detector, text, start, start + part.length, keyPath, lead)) continue;
        spans.push({ start: offset + start, end: offset + start + part.length, type: detector.type, rank, mask: detector.mask?.(part) });
      }
    });
    if (!structured) return spans;
    for (const sub of [...embeddedPairs(text), ...csvCells(text), ...xmlTexts(text)]) {
      spans.push(...this.spansOf(sub.text, [...keys, sub.key], offset + sub.start, false, only, true));
    }
    for (const span of [...hl7Spans(text), ...xmlSpans(text), ...x12Spans(text)]) {
      if (this.actionOf(span.type) !== 'OFF' && (!only || only.has(span.type))) spans.push({ ...span, start: offset + span.start, end: offset + span.end, rank: -1 });
    }
    for (const run of decodedRuns(text)) {
      const inner = normaliseText(run.text);
      // Overlaps inside the decoded text are settled as in plain text (a URL's password is not also an e-mail).
      const found = keepMostSpecific([...this.spansOf(inner, keys, 0, false, only), ...embeddedPairs(inner).flatMap((sub) => this.spansOf(sub.text, [...keys, sub.key], sub.start, false, only, true))]);
      if (!found.length) continue;
      // One span for the run (its most specific type), the run's other types carried along.
      const first = found.reduce((best, span) => (span.rank < best.rank ? span : best));
      const also = [...new Set(found.map((s) => s.type))].filter((type) => type !== first.type);
      spans.push({ start: offset + run.start, end: offset + run.end, type: first.type, rank: first.rank, encoding: run.encoding, also });
    }
    return spans;
  }
}

/**
 * Every match of the global `pattern` in `text`, as `text.matchAll(pattern)` gives them, without the
 * copy of the pattern `matchAll` makes on each call (a large part of a scan's cost on short texts).
 * Collected before the caller looks at them, and `lastIndex` is 0 again afterwards, whatever happens.
 */
function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) return [...text.matchAll(pattern)]; // throws, as matchAll does
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  try {
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      matches.push(match);
      if (match[0] === '') pattern.lastIndex = advance(text, pattern.lastIndex, pattern.unicode || pattern.flags.includes('v'));
    }
  } finally {
    pattern.lastIndex = 0;
  }
  return matches;
}

/** The index after `index` (past a surrogate pair in unicode mode), as matchAll steps over an empty match. */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? index + 2 : index + 1;
}

/** How much of the previous turn is context for the next, and for how much of the next. */
const LEAD_CHARS = 120;
const LEAD_REACH = 40;

function hasContext(detector: DlpDetector, text: string, start: number, end: number, keyPath: string, lead?: string): boolean {
  const context = detector.context!;
  if (context.test(keyPath)) return true;
  // An answer to the question just asked: `And the security code on the back?` → `five two nine, so 529`.
  if (lead && start < LEAD_REACH && context.test(lead)) return true;
  const window = detector.contextWindow ?? DEFAULT_WINDOW;
  const around = `${text.slice(Math.max(0, start - window.before), start)} ${text.slice(end, end + window.after)}`;
  return context.test(around);
}

/** Drops spans overlapping a span of a more specific (earlier) detector; O(n log n) in matches. */
function keepMostSpecific(spans: Span[]): Span[] {
  const kept: Span[] = []; // sorted by start, never overlapping
  for (const span of [...spans].sort((a, b) => a.rank - b.rank || a.start - b.start || b.end - a.end)) {
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
