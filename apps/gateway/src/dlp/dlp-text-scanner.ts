import type { DlpAction, DlpType } from '../message/dlp.types';
import { decodedRuns } from './dlp-decoders';
import { matchesOf } from './dlp-matches';
import type { DlpDetector } from './dlp-detector.interfaces';
import { normaliseText } from './dlp-normalise';
import { astmSpans, cxSpans, dicomSpans, edifactSpans, embeddedPairs, hl7Spans, x12Spans } from './dlp-structure';
import { insuranceCardSpans, labelledValues, labelTypes, questionLabel } from './dlp-labels';
import { ncpdpSpans } from './dlp-ncpdp';
import { passwordOrKey, placeholder } from './dlp-placeholders';
import { alignedColumnCells, layoutCells, ocrFormCells, rulerTableCells, wikiTableCells } from './dlp-layout-tables';
import { csvCells, fieldsDirectiveCells, htmlTableCells, sqlInsertCells, tableCells } from './dlp-tables';
import { xmlSpans, xmlTexts } from './dlp-xml';

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

/** What the detectors make of a key path alone (see {@link DlpTextScanner.viewOf}). */
interface KeyView {
  /** The keys as words (`dbPassword` → `db Password`), for contexts and vetoes. */
  keyPath: string;
  /** Per detector (by rank): its key names the value's type here. */
  keyed: readonly boolean[];
  /** Per detector (by rank): its key names the type, but the keys in view say it names something else here. */
  vetoed: readonly boolean[];
}
/** Longest key path (characters of its keys) remembered: longer ones are rare and would cost memory. */
const PATH_CHARS = 512;
/** Key paths remembered per scanner; past that (or {@link CLEAN_TEXTS_KEPT} clean texts) it starts over. */
const PATHS_KEPT = 4_096;
/** Short texts found clean remembered per scanner, over all paths. */
const CLEAN_TEXTS_KEPT = 8_192;
/**
 * Short texts found clean remembered per path: a field whose values keep changing (an id, a
 * timestamp, a counter) fills its share and adds no more, rather than filling the whole memory
 * (which then starts over, every path's work with it) with values that never come again.
 */
const CLEAN_TEXTS_PER_PATH = 64;

/**
 * A key path as a scanner remembers it, one node per key from the envelope down (a path is its
 * sequence of keys, whatever characters they hold): what the detectors make of it, and the short
 * texts found clean under it.
 */
export interface KeyPathNode {
  children?: Map<string, KeyPathNode>;
  view?: KeyView;
  /** Short texts in which a scan under this path found nothing. */
  clean?: Set<string>;
}

/**
 * What a value inside text (`key: value`) must look like for a key alone to make it sensitive: not
 * a plain word (`password: required`), not a placeholder or prose (`(min 8 chars)`, `<token>`), not a single
 * character, one to three digits (a field number: protobuf `string password = 4;`) or a YAML block indicator
 * (`password: |`, the value on the lines below).
 */
// Nor a type name of words (`password: SecretStr = Field(…)`, `password: String`).
const EMBEDDED_VALUE = /^(?![a-z]+$|(?:[A-Z][a-z]+)+$|[A-Z_]+$|[A-Za-z]+[).\]:,?]+$|[([<{$*>=]|\S$|\d{1,3}$|[|>][-+]?\d?$)\S+$/;
const SPLIT_KEY = /([a-z0-9])([A-Z])|[_\-.\s]+/g;
/**
 * A key that is a URL or a host with its port (`https://api.pulumi.com`, `registry.example.com:5000`), not a name of what it holds (a dotted
 * key without a port, `aws.secret.key`, is a property's name).
 */
const HOST_KEY = /^(?:[a-z][a-z0-9+.-]*:\/\/[^\s/]+\S*|(?:[a-z0-9-]+\.)+[a-z]{2,}:\d{1,5})$/i;

/** The part of a match a detector names (its first `v…` group that took part), or the whole match. */
function valueOf(match: RegExpExecArray | RegExpMatchArray): string {
  for (const [name, value] of Object.entries(match.groups ?? {})) if (value !== undefined && name.startsWith('v')) return value;
  return match[0];
}

/** `db_Password` → `dbpassword`, `Пароль` → `пароль`: how key-based detectors see a key (letters of any script kept). */
export function normaliseKey(key: string): string {
  const lower = key.toLowerCase();
  return /^[\x00-\x7f]*$/.test(lower) ? lower.replace(/[^a-z0-9]/g, '') : lower.normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Scans one string with its keys in view: the detectors over its normalised form, the values of its
 * `key=value` pairs, CSV cells and XML element texts under their own keys, HL7 v2 fields, XML
 * attributes (HL7 v3 / CDA identifiers and codes) and X12 segments by meaning, and the base64 / hex /
 * percent-encoded runs decoded once. Values are never kept.
 */
export class DlpTextScanner {
  /** The key paths remembered ({@link KeyPathNode}), their count, and the clean texts under them. */
  private paths: KeyPathNode = {};
  private pathCount = 0;
  private cleanCount = 0;

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
    const question = lead && normaliseText(lead.slice(-LEAD_CHARS));
    const spans = this.spansOf(normal, keys, 0, true, only, false, question);
    // A turn that only answers the question before it is read under the label the question names.
    const asked = question && questionLabel(question, normal);
    if (asked) spans.push(...this.spansOf(normal, [...keys, asked], 0, false, only, true));
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

  /**
   * What the detectors make of `keys` alone, worked out once per key path (they repeat from value to
   * value and message to message); a long path is worked out each time rather than kept.
   */
  private viewOf(keys: readonly string[]): KeyView {
    const node = this.pathNode(keys);
    return node ? (node.view ??= this.keyView(keys)) : this.keyView(keys);
  }

  /**
   * The node of `keys` (created on first use); undefined for a path of over {@link PATH_CHARS}
   * characters. When {@link PATHS_KEPT} paths or {@link CLEAN_TEXTS_KEPT} clean texts are
   * remembered, everything is forgotten first (it is all worked out again as it comes).
   */
  pathNode(keys: readonly string[]): KeyPathNode | undefined {
    if (this.pathCount >= PATHS_KEPT || this.cleanCount >= CLEAN_TEXTS_KEPT) {
      this.paths = {};
      this.pathCount = 0;
      this.cleanCount = 0;
    }
    let node = this.paths;
    let chars = 0;
    for (const key of keys) {
      chars += key.length;
      if (chars > PATH_CHARS) return undefined;
      node.children ??= new Map();
      let next = node.children.get(key);
      if (!next) {
        node.children.set(key, (next = {}));
        this.pathCount += 1;
      }
      node = next;
    }
    return node;
  }

  /** Whether a detector reads the value under `keys` by its key alone (`password`, `ssn`, a label in another language). */
  keysNameAType(keys: readonly string[]): boolean {
    return this.viewOf(keys).keyed.includes(true);
  }

  /** Remembers that a scan of `text` under `node`'s path found nothing (up to {@link CLEAN_TEXTS_PER_PATH} texts a path). */
  markClean(node: KeyPathNode, text: string): void {
    if (node.clean && node.clean.size >= CLEAN_TEXTS_PER_PATH) return;
    (node.clean ??= new Set()).add(text);
    this.cleanCount += 1;
  }

  private keyView(keys: readonly string[]): KeyView {
    // A map keyed by host or URL (Pulumi `accessTokens: { 'https://api.pulumi.com': … }`, registries' auths): the map's key names the value.
    if (keys.length > 1 && keys[keys.length - 1].includes(':') && HOST_KEY.test(keys[keys.length - 1])) keys = keys.slice(0, -1);
    const nearestKey = normaliseKey(keys[keys.length - 1] ?? '');
    // The nearest key read with its parent (`{ medicaid: { recipientId } }`, `{ card: { cvv } }`).
    const joinedKey = nearestKey && keys.length > 1 ? normaliseKey(keys[keys.length - 2]) + nearestKey : '';
    const keyPath = keys.join(' ').replace(SPLIT_KEY, (_m, a?: string, b?: string) => (a ? `${a} ${b}` : ' '));
    // The types the nearest key names as a label (any naming style, abbreviations, other languages).
    const labelled = keys.length ? labelTypes(keys[keys.length - 1], keys[keys.length - 2]) : [];
    const keyed = this.detectors.map(
      (detector) =>
        !!detector.key &&
        !!nearestKey &&
        (detector.key.test(nearestKey) || (!!joinedKey && detector.key.test(joinedKey)) || (labelled.length > 0 && labelled.includes(detector.type))),
    );
    const vetoed = this.detectors.map((detector, rank) => keyed[rank] && !!detector.keyVeto?.(keyPath, nearestKey));
    return { keyPath, keyed, vetoed };
  }

  /** Spans in `text`; `structured`: also in its pairs, cells, HL7 fields and encoded runs; `embedded`: `text` is such a part. */
  private spansOf(text: string, keys: readonly string[], offset: number, structured: boolean, only?: ReadonlySet<DlpType>, embedded = false, lead?: string, view = this.viewOf(keys)): Span[] {
    const spans: Span[] = [];
    const { keyPath, keyed, vetoed } = view;
    let lines: LineStarts | undefined;
    // A secret's field holding a hash, ciphertext or a placeholder holds nothing to decode (a SCRAM verifier's base64 parts).
    let holdsNone = false;
    this.detectors.forEach((detector, rank) => {
      if (this.actionOf(detector.type) === 'OFF' || (only && !only.has(detector.type))) return;
      if (
        keyed[rank] &&
        (detector.keyValue ?? (embedded ? EMBEDDED_VALUE : /\S/)).test(text) &&
        !(placeholder(detector.type, text) && (holdsNone = true)) &&
        !vetoed[rank] &&
        (!detector.keyValid || detector.keyValid(text, keyPath))
      ) {
        spans.push({ start: offset, end: offset + text.length, type: passwordOrKey(detector.type, text), rank, mask: detector.mask?.(text), also: detector.keyAlso?.(text, keyPath) });
        return;
      }
      if (!detector.pattern || (detector.requires && !detector.requires.test(text))) return;
      for (const match of matchesOf(detector.pattern, text)) {
        const part = valueOf(match);
        const start = match.index + (part === match[0] ? 0 : match[0].lastIndexOf(part));
        if (!part || placeholder(detector.type, part) || (detector.validate && !detector.validate(part, text, start, keyPath, lead))) continue;
        if (detector.context && !hasContext(detector, text, start, start + part.length, keyPath, (lines ??= new LineStarts(text)), lead)) continue;
        spans.push({ start: offset + start, end: offset + start + part.length, type: passwordOrKey(detector.type, part), rank, mask: detector.mask?.(part) });
      }
    });
    if (!structured) return spans;
    for (const sub of [...embeddedPairs(text), ...labelledValues(text), ...csvCells(text), ...tableCells(text), ...sqlInsertCells(text), ...htmlTableCells(text), ...fieldsDirectiveCells(text), ...wikiTableCells(text), ...layoutCells(text), ...ocrFormCells(text), ...rulerTableCells(text), ...alignedColumnCells(text, namesLabelledType), ...xmlTexts(text)]) {
      spans.push(...this.spansOf(sub.text, [...keys, sub.key], offset + sub.start, false, only, true));
    }
    for (const span of [...hl7Spans(text), ...xmlSpans(text), ...x12Spans(text), ...dicomSpans(text), ...edifactSpans(text), ...astmSpans(text), ...insuranceCardSpans(text), ...cxSpans(text), ...ncpdpSpans(text)]) {
      if (this.actionOf(span.type) !== 'OFF' && (!only || only.has(span.type))) spans.push({ ...span, start: offset + span.start, end: offset + span.end, rank: -1 });
    }
    // Digits that markup splits word by word (hOCR and HTML spans per OCR word, Word's `<w:t>` runs): read without the tags.
    if (MARKUP_SPLIT.test(text)) {
      const { plain, at } = withoutTags(text);
      for (const span of this.spansOf(plain, keys, 0, false, SPLIT_BY_MARKUP, false, undefined, view)) {
        if (!only || only.has(span.type)) spans.push({ ...span, start: offset + at[span.start], end: offset + at[span.end - 1] + 1 });
      }
    }
    for (const run of holdsNone ? [] : decodedRuns(text)) {
      const inner = normaliseText(run.text);
      // Overlaps inside the decoded text are settled as in plain text (a URL's password is not also an e-mail).
      const found = keepMostSpecific([...this.spansOf(inner, keys, 0, false, only, false, undefined, view), ...embeddedPairs(inner).flatMap((sub) => this.spansOf(sub.text, [...keys, sub.key], sub.start, false, only, true))]);
      if (!found.length) continue;
      // One span for the run (its most specific type), the run's other types carried along.
      const first = found.reduce((best, span) => (span.rank < best.rank ? span : best));
      const also = [...new Set(found.map((s) => s.type))].filter((type) => type !== first.type);
      spans.push({ start: offset + run.start, end: offset + run.end, type: first.type, rank: first.rank, encoding: run.encoding, also });
    }
    return spans;
  }
}

/** True when a column's name names a type read by its label (an MRN, a member id, an SSN column of a printed report). */
const LABEL_TYPES: ReadonlySet<DlpType> = new Set<DlpType>(['medical_record_number', 'health_insurance_number', 'ssn']);
const namesLabelledType = (label: string): boolean => labelTypes(label).some((type) => LABEL_TYPES.has(type));

/** Digits, a closing tag, maybe space, an opening tag, digits: a number split by markup. */
const MARKUP_SPLIT = /\d<\/[A-Za-z][^<>]{0,40}>\s*<[A-Za-z][^<>]{0,200}>\d/;
/** The types a number split by markup is read for. */
const SPLIT_BY_MARKUP: ReadonlySet<DlpType> = new Set<DlpType>(['credit_card', 'ssn', 'phone']);

/**
 * `text` without its tags, and for each character left where it was in `text`. Tags with no space on either side (`</pan><cvv>`:
 * the end of one field, the start of the next) leave a line break, so that only words the markup spaces apart are read together.
 */
function withoutTags(text: string): { plain: string; at: number[] } {
  const at: number[] = [];
  let plain = '';
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '<') {
      let end = i;
      for (let close = text.indexOf('>', end); text[end] === '<' && close > end; close = text.indexOf('>', end)) end = close + 1;
      if (end > i) {
        if (plain && /\S/.test(plain[plain.length - 1]) && end < text.length && /\S/.test(text[end])) {
          plain += '\n';
          at.push(i);
        }
        i = end - 1;
        continue;
      }
    }
    plain += text[i];
    at.push(i);
  }
  return { plain, at };
}

/** How much of the previous turn is context for the next, and for how much of the next. */
const LEAD_CHARS = 120;
const LEAD_REACH = 40;
/** How much of the text right before a match a detector's `leadIn` is tested on. */
const LEAD_IN_CHARS = 48;

function hasContext(detector: DlpDetector, text: string, start: number, end: number, keyPath: string, lines: LineStarts, lead?: string): boolean {
  const context = detector.context!;
  if (context.test(keyPath)) return true;
  // An answer to the question just asked: `And the security code on the back?` → `five two nine, so 529`.
  if (lead && start < LEAD_REACH && context.test(lead)) return true;
  if (detector.leadIn?.test(text.slice(Math.max(0, start - LEAD_IN_CHARS), start))) return true;
  const window = detector.contextWindow ?? DEFAULT_WINDOW;
  // `_` joins words in identifiers (`diagnosis_codes: [`): read as a space so that `\b` sees the word.
  const around = `${text.slice(Math.max(0, start - window.before), start)} ${text.slice(end, end + window.after)}`.replace(/_/g, ' ');
  if (context.test(around)) return true;
  // The label the value's line starts with (`Principal diagnosis: Encounter for … (Z00.00)`).
  const label = lineLabel(text, start, lines);
  if (label && context.test(label.replace(/_/g, ' '))) return true;
  const heading = detector.listContext ? listHeading(text, start, lines) : undefined;
  if (heading !== undefined && detector.listContext!.test(heading)) return true;
  const wide = detector.wideContext;
  if (!wide || !wide.applies.test(text.slice(start, end))) return false;
  if (wide.context.test(keyPath)) return true;
  // The context's matches are found once per text (one pass), then looked up per code: linear however many codes a text holds.
  const at = lines.matchesOf(wide.context);
  let low = 0;
  let high = at.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (at[mid] < start - wide.window.before) low = mid + 1;
    else high = mid;
  }
  return low < at.length && at[low] <= end + wide.window.after;
}

/** Where the lines of a text start, and where a context pattern matches it, found once when first asked (a text has many matches). */
class LineStarts {
  private starts?: number[];
  private matches?: Map<RegExp, number[]>;

  constructor(private readonly text: string) {}

  /** Where `pattern` matches the text (`_` read as a space), in order. */
  matchesOf(pattern: RegExp): number[] {
    this.matches ??= new Map();
    let found = this.matches.get(pattern);
    if (!found) {
      const global = globalOf(pattern);
      const text = this.text.includes('_') ? this.text.replace(/_/g, ' ') : this.text;
      found = [];
      for (const match of matchesOf(global, text)) found.push(match.index);
      this.matches.set(pattern, found);
    }
    return found;
  }

  /** The start of the line holding `index`. */
  startOf(index: number): number {
    if (!this.starts) {
      this.starts = [0];
      for (let at = this.text.indexOf('\n'); at >= 0; at = this.text.indexOf('\n', at + 1)) this.starts.push(at + 1);
    }
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return this.starts[low];
  }
}

/** The global form of a context pattern, built once per pattern. */
const GLOBAL_FORMS = new WeakMap<RegExp, RegExp>();
function globalOf(pattern: RegExp): RegExp {
  let global = GLOBAL_FORMS.get(pattern);
  if (!global) GLOBAL_FORMS.set(pattern, (global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)));
  return global;
}

/** How far before a value its line may start for the line's label to count. */
const LINE_LABEL_REACH = 600;

/**
 * The label a line starts with, up to its first `:` before `index` (at most 48 characters), if the
 * line starts at most {@link LINE_LABEL_REACH} characters before `index` (bounded work per match).
 */
function lineLabel(text: string, index: number, lines: LineStarts): string | undefined {
  const lineStart = lines.startOf(index);
  if (index - lineStart > LINE_LABEL_REACH) return undefined;
  for (let at = lineStart; at < index && at <= lineStart + 48; at += 1) if (text.charCodeAt(at) === 58) return text.slice(lineStart, at);
  return undefined;
}

/** A list item's marker: `1.`, `2)`, `a.`, `-`, `*`, `•` (sticky: tried at a line's start only). */
const LIST_ITEM = /[ \t]*(?:\d{1,2}[.)]|[a-z][.)]|[-*•·+])\s/y;
/** How far above a value a list's heading may be (characters and lines). */
const LIST_REACH = 600;
const LIST_LINES = 12;

/** True when a list item's marker starts the line at `lineStart` and ends before `end`. */
function listItemAt(text: string, lineStart: number, end: number): boolean {
  LIST_ITEM.lastIndex = lineStart;
  return LIST_ITEM.test(text) && LIST_ITEM.lastIndex <= end;
}

/**
 * The line heading the list that `index` is in (the first line above it that is not a list item,
 * within {@link LIST_LINES} lines and {@link LIST_REACH} characters), or undefined when `index` is not in a list item.
 * Lines are found through the text's line index (a binary search), and a line is only tried for a marker at its
 * start: the work per value is bounded, however long its line (a 128 KB line of codes is not searched back per code).
 */
function listHeading(text: string, index: number, lines: LineStarts): string | undefined {
  let lineStart = lines.startOf(index);
  if (!listItemAt(text, lineStart, index)) return undefined;
  for (let count = 0; lineStart > 0 && count < LIST_LINES && index - lineStart < LIST_REACH; count += 1) {
    const previous = lines.startOf(lineStart - 1);
    // The heading's last characters only (a heading is short; a long line above is read no further back than that).
    if (!listItemAt(text, previous, lineStart - 1)) return text.slice(Math.max(previous, lineStart - 1 - LIST_REACH), lineStart - 1);
    lineStart = previous;
  }
  return undefined;
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
    if ((before && before.end > span.start) || (after && after.start < span.end)) {
      // The same value found again under another name may say more it carries (`Medicare number (HICN): …`: also an SSN).
      const same = [before, after].find((other) => other && other.start === span.start && other.end === span.end && other.type === span.type);
      if (same && span.also?.length) same.also = [...new Set([...(same.also ?? []), ...span.also])];
      continue;
    }
    kept.splice(low, 0, span);
  }
  return kept;
}
