import type { DlpAction, DlpFinding, DlpResult, DlpType } from '../message/dlp.types';
import { DLP_DETECTORS } from './detectors';
import type { DlpDetector } from './dlp-detector.interfaces';
import { DlpScanBudgetError } from './dlp.errors';
import { boundQuery, commandLine, dicomKeyword, formFieldTitles, isConversation, isLines, isWrapperKey, labelPairs, namedValue, runText, shapeHint, sheetColumns, siblingHeader, tableHeader, textRuns, transcriptWords, turnField } from './dlp-json-fields';
import { dictionaryFields, fieldDictionary } from './dlp-field-dictionary';
import { FixedField, fixedWidthFields, fixedWidthLayout } from './dlp-tables';
import { UUID } from './dlp-decoders';
import { DlpTextScanner, KeyPathNode, TextResult } from './dlp-text-scanner';

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
/** A short run of digits: a piece a split number may be made of. */
const SHORT_DIGITS = /^\d{1,8}$/;
/** Top-level envelope fields never scanned: the sender's and the gateway's signature blocks. */
const UNSCANNED = new Set(['signature', 'gateway_signature']);

/**
 * Longest text (key or value) whose clean scan result is remembered across scans, under its key
 * path: a scan result depends only on the text, its keys and the configuration, so such a text need
 * not be scanned again. Only texts with no finding are kept: nothing sensitive is remembered.
 */
const CLEAN_TEXT_CHARS = 64;
/** The result of a text in which nothing was found (shared: never changed by its readers). */
/** Seven digits in a row, dashes between them or not: as few as a phone number or an SSN holds. */
const DIGIT_RUN = /\d(?:-?\d){6}/;

/**
 * A UUID that holds nothing to find: no seven digits in a row (across its dashes), so no card, SSN or phone
 * number, and nothing else a detector reads without a label (hex letters and digits in 8-4-4-4-12 groups; the
 * decoders do not read it either). Message ids are such UUIDs, new every message: skipping them is a third of
 * the scan of a small envelope. Not skipped under a key that names a type (a Heroku API key is a UUID), nor
 * one with a long digit run (a card's digits put in a UUID's last two groups are scanned as ever).
 */
function isPlainUuid(text: string): boolean {
  return text.length === 36 && UUID.test(text) && !DIGIT_RUN.test(text);
}

const NOTHING_FOUND: TextResult = Object.freeze({ types: [], encodings: new Map<DlpType, string>() });

/** Keys above a value that the detectors see (its nearest keys). */
const KEYS_IN_VIEW = 8;

/** One value to visit; paths are built from the parents only when needed (no O(depth²) copying). */
interface Frame {
  value: unknown;
  parent?: Frame;
  /** `.key`, `[i]` or `{key i}`: how this value's path extends its parent's. */
  segment: string;
  /** The object key this value sits under (undefined for array items). */
  key?: string;
  /** The key the detectors see instead of `key`: the field an object names (`{ name: 'cvv', value }`). */
  viewKey?: string;
  /** True inside `data` (masked there; a REDACT finding elsewhere counts as BLOCK). */
  inData: boolean;
  hint?: DlpType;
  /** A row of a table (an array of arrays whose first row names the columns): its column names. */
  columns?: readonly string[];
  /** An array of rows whose column names a sibling gives (`{ header: [...], rows: [[...]] }`). */
  rowHeader?: readonly string[];
  /** A fixed-width record (or an array of them) whose layout a sibling gives (`layout: 'EMPNO(6) SSN(9) …'`). */
  layout?: readonly FixedField[];
  /** The titles of a form's fields by id, from its definition (Typeform), for the answers below. */
  titles?: ReadonlyMap<string, string>;
  /** An array of conversation turns: the text last seen under each field of a turn. */
  turns?: Map<string, string>;
}

function pathOf(frame: Frame): string {
  const parts: string[] = [];
  for (let at: Frame | undefined = frame; at; at = at.parent) parts.push(at.segment);
  return parts.reverse().join('');
}

function dataPathOf(frame: Frame): Array<string | number> {
  const parts: Array<string | number> = [];
  for (let at: Frame | undefined = frame; at?.parent; at = at.parent) parts.push(at.key ?? Number(at.segment.slice(1, -1)));
  return parts.reverse();
}

function keysOf(frame: Frame): string[] {
  const keys: string[] = [];
  for (let at: Frame | undefined = frame; at && keys.length < KEYS_IN_VIEW; at = at.parent) {
    // A wrapper (`{ value }`, `{ stringValue }`, `{ Value: [...] }`) is read under the key above it.
    const key = at.viewKey ?? (at.key !== undefined && isWrapperKey(at.key) ? undefined : at.key);
    if (key !== undefined) keys.push(key);
  }
  return keys.reverse();
}

/**
 * Scans a whole envelope — every string and number of every field (type, ids, meta, extra fields,
 * data) and every object key — with an explicit stack (no recursion: any depth), each value with its
 * keys in view (the value of an object that names its field, `{ name, value }`, under that name),
 * within a time and size budget. Returns the findings and `data` with REDACT findings
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
    if (countValues(envelope, this.budget.maxNodes) > this.budget.maxNodes) throw new DlpScanBudgetError(`more than ${this.budget.maxNodes} values`);
    const memo = new Map<KeyPathNode, Map<string, TextResult>>();
    /**
     * Short texts repeat (numbers, flags, enum values): scanned once per scan under the same keys.
     * Object keys and short values repeat across messages too: those found clean are remembered
     * under their key path ({@link DlpTextScanner.markClean}) and not scanned again under it.
     */
    const scanText = (text: string, keys: string[], hint?: DlpType, lead?: string): TextResult => {
      const path = text.length > CLEAN_TEXT_CHARS || hint || lead ? undefined : this.text.pathNode(keys);
      if (path === undefined) return this.text.scan(text, keys, hint, undefined, lead);
      if (path.clean?.has(text)) return NOTHING_FOUND;
      if (isPlainUuid(text) && !this.text.keysNameAType(keys)) return NOTHING_FOUND;
      let result = text.length > 24 ? undefined : memo.get(path)?.get(text);
      if (!result) {
        result = this.text.scan(text, keys);
        if (!result.types.length) this.text.markClean(path, text);
        else if (text.length <= 24) {
          const found = memo.get(path);
          if (found) found.set(text, result);
          else memo.set(path, new Map([[text, result]]));
        }
      }
      return result;
    };
    const findings: DlpFinding[] = [];
    const redactions: Array<{ path: Array<string | number>; value: string }> = [];
    const data = envelope.data as Record<string, unknown> | undefined;
    const stack: Frame[] = Object.entries(envelope)
      .filter(([key]) => !UNSCANNED.has(key))
      .reverse()
      .map(([key, value]) => ({ value, segment: key, key, inData: key === 'data' }));
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
    const overTime = () => performance.now() - started > this.budget.maxMs;
    while (stack.length) {
      const frame = stack.pop()!;
      nodes += 1;
      if (nodes > this.budget.maxNodes) throw new DlpScanBudgetError(`more than ${this.budget.maxNodes} values`);
      if ((nodes & 255) === 0 && overTime()) throw new DlpScanBudgetError(`more than ${this.budget.maxMs} ms`);
      const { value } = frame;
      if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
        const text = String(value);
        chars += text.length;
        if (chars > this.budget.maxChars) throw new DlpScanBudgetError(`more than ${this.budget.maxChars} characters`);
        // In a conversation, a turn's field is read after the same field of the turn before (a row's cell after the same cell).
        const turns = frame.parent?.parent?.turns;
        const field = turns && turnField(frame.parent!.value, frame.key ?? frame.segment);
        const result = scanText(text, keysOf(frame), frame.hint, field ? turns.get(field) : undefined);
        if (field) turns!.set(field, text);
        if (text.length > 4_096 && overTime()) throw new DlpScanBudgetError(`more than ${this.budget.maxMs} ms`);
        if (frame.layout) this.scanRecord(text, frame, record);
        if (!result.types.length) continue;
        if (frame.inData && result.redacted !== undefined) redactions.push({ path: dataPathOf(frame), value: result.redacted });
        record(pathOf(frame), result.types, frame.inData, result.encodings);
      } else if (Array.isArray(value)) {
        const columns = frame.columns;
        const header = columns ? undefined : (frame.rowHeader ?? tableHeader(value));
        // Label / value pairs (`[["SSN (last 9)", "…"], …]`): each value read under its own label.
        const pairs = !columns && !header && labelPairs(value);
        for (let i = value.length - 1; i >= 0; i -= 1) {
          // A cell of a table row is read under its column's name; the rows after the header carry the names.
          const viewKey = columns && i < columns.length ? columns[i] : undefined;
          const rowColumns = header && (i > 0 || frame.rowHeader) ? header : pairs ? ['label', (value[i] as string[])[0]] : undefined;
          stack.push({ value: value[i], parent: frame, segment: `[${i}]`, viewKey, inData: frame.inData, hint: frame.hint, columns: rowColumns, layout: frame.layout, titles: frame.titles });
        }
        if (isConversation(value)) frame.turns = new Map();
        this.scanSplit(value, frame, record);
        this.scanLines(value, frame, record);
      } else if (value && typeof value === 'object') {
        const entries = Object.entries(value as Record<string, unknown>);
        const hint = shapeHint(value as Record<string, unknown>);
        const titles = formFieldTitles(value as Record<string, unknown>) ?? frame.titles;
        const named = namedValue(value as Record<string, unknown>, titles);
        // A sheet keyed by cell address, and rows beside their header, are read under their column names.
        const sheet = sheetColumns(value as Record<string, unknown>);
        const table = siblingHeader(value as Record<string, unknown>);
        this.scanQuery(value as Record<string, unknown>, frame, record);
        this.scanSplitObject(entries, frame, record);
        const keys = keysOf(frame);
        // A sibling giving a fixed-width layout applies to the other strings and string arrays of the object.
        let layout: FixedField[] | undefined;
        let layoutKey: string | undefined;
        for (const [key, item] of entries) if (!layout && typeof item === 'string' && item.includes('(') && (layout = fixedWidthLayout(item))) layoutKey = key;
        // A sibling data dictionary names the coded fields of the other strings (NEMSIS `ePatient.12` → `Social Security Number`).
        const dictionary = entries.length > 1 ? fieldDictionary(value as Record<string, unknown>) : undefined;
        if (dictionary) this.scanDictionary(entries, dictionary, frame, record);
        for (let i = entries.length - 1; i >= 0; i -= 1) {
          const [key, item] = entries[i];
          chars += key.length;
          // A key is a name, not the value of the key above it: read with the keys in view as context only
          // (the properties of `password: { type, format }` in a schema are not passwords).
          const found = scanText(key, [...keys, '']);
          // A key that carries sensitive data is named by its position, never by itself (paths go to the audit trail).
          const segment = found.types.length ? `{key ${i}}` : `.${key}`;
          if (found.types.length) record(`${pathOf(frame)}${segment}`, found.types, false, found.encodings);
          const viewKey = named?.key === key ? named.name : (sheet?.get(key) ?? (key.length === 8 ? dicomKeyword(key, item) : undefined));
          // A hint reaches the value through its wrappers (`{ vr, Value: [...] }`).
          const itemHint = hint?.key === key ? hint.type : isWrapperKey(key) ? frame.hint : undefined;
          const rowHeader = table?.rowsKey === key ? table.header : undefined;
          stack.push({ value: item, parent: frame, segment, key, viewKey, inData: frame.inData, hint: itemHint, layout: key !== layoutKey ? layout : undefined, rowHeader, titles });
        }
        nodes += entries.length;
      }
    }
    return { findings, data: applyRedactions(data ?? {}, redactions), blocked: findings.some((f) => f.action === 'BLOCK') };
  }

  /**
   * An array of lines read as one text (a table printed by a notebook cell is one line per item, its
   * header in the first), and the runs of a rich-text paragraph: what only the joined text shows is recorded for the array.
   */
  private scanLines(items: unknown[], frame: Frame, record: (path: string, types: DlpType[], masked: boolean) => void): void {
    // Also the runs of a paragraph of rich text (`password ` then the value in a code run).
    // Also a command line given as its arguments (`/proc/<pid>/cmdline`, Docker `command`, Kubernetes `args`), read joined by spaces.
    const lines = isLines(items);
    // Also a word-level transcript, one recognised word per item (`the`, `password`, `is`, `…`), read as its sentence.
    const runs = lines ? undefined : textRuns(items);
    const spoken = lines || runs !== undefined ? undefined : transcriptWords(items);
    const argv = lines || runs !== undefined || spoken ? undefined : commandLine(items);
    if (!runs && !lines && !argv && !spoken) return;
    const keys = keysOf(frame);
    const joined = this.text.scan(runs ?? spoken?.text ?? argv ?? (items as string[]).join(''), keys, frame.hint);
    if (!joined.types.length) return;
    const parts = spoken ? spoken.words : runs === undefined ? (items as string[]) : items.map((item) => runText(item)!);
    const alone = new Set(parts.flatMap((line) => this.text.scan(line, keys, frame.hint).types));
    const found = joined.types.filter((type) => !alone.has(type));
    if (found.length) record(`${pathOf(frame)}[*]`, found, false);
  }

  /** A logged query and its parameters given side by side, read as one text: what only the two together show is recorded for the object (not masked). */
  private scanQuery(object: Record<string, unknown>, frame: Frame, record: (path: string, types: DlpType[], masked: boolean) => void): void {
    const query = boundQuery(object);
    if (!query) return;
    const keys = keysOf(frame);
    const joined = this.text.scan(query.text, keys);
    if (!joined.types.length) return;
    const alone = new Set(query.parts.flatMap((part) => this.text.scan(part, keys).types));
    const found = joined.types.filter((type) => !alone.has(type));
    if (found.length) record(pathOf(frame), found, false);
  }

  /** The fields of a fixed-width record, each read under its name from the layout (recorded for the record: not masked). */
  private scanRecord(text: string, frame: Frame, record: (path: string, types: DlpType[], masked: boolean) => void): void {
    const keys = keysOf(frame);
    const width = frame.layout!.reduce((sum, field) => sum + field.width, 0);
    for (const line of text.split('\n')) {
      // A record is about as long as its layout (a file name or a note beside it is not one), counting the blanks that pad its last field.
      const padded = line.replace(/\r$/, '');
      if (Math.abs(padded.trimEnd().length - width) > width / 5 && Math.abs(padded.length - width) > width / 5) continue;
      const types = new Set(fixedWidthFields(line, frame.layout!).flatMap((field) => this.text.scan(field.text, [...keys, field.key]).types));
      if (types.size) record(pathOf(frame), [...types], false);
    }
  }

  /** The strings beside a data dictionary, their fields read under the descriptions it gives (findings recorded under each string). */
  private scanDictionary(entries: Array<[string, unknown]>, dictionary: NonNullable<ReturnType<typeof fieldDictionary>>, frame: Frame, record: (path: string, types: DlpType[], masked: boolean) => void): void {
    const keys = keysOf(frame);
    for (const [key, item] of entries) {
      if (key === dictionary.key || typeof item !== 'string') continue;
      const types = new Set(dictionaryFields(item, dictionary.names).flatMap((field) => this.text.scan(field.text, [...keys, key, field.key]).types));
      if (types.size) record(`${pathOf(frame)}.${key}`, [...types], false);
    }
  }

  /** A card number or SSN split over the short items of an array, read joined. */
  private scanSplit(items: unknown[], frame: Frame, record: (path: string, types: DlpType[], masked: boolean) => void): void {
    if (items.length < 2 || items.length > 64) return;
    const parts = items.map((item) => (typeof item === 'string' || typeof item === 'number' ? String(item) : undefined));
    if (parts.some((part) => part === undefined || part.length > 8)) return;
    this.scanParts(parts as string[], `${pathOf(frame)}[*]`, frame, record);
  }

  /**
   * A card number or SSN split over an object: over the short digit values of its properties, in
   * order (`{ part1: '4111', part2: '1111', … }`, other properties between them), or over the keys of
   * a chain of single-key objects (`{ 4111: { 1111: { … } } }`); read joined.
   */
  private scanSplitObject(entries: Array<[string, unknown]>, frame: Frame, record: (path: string, types: DlpType[], masked: boolean) => void): void {
    const digits = entries.map(([, item]) => (typeof item === 'number' && Number.isInteger(item) ? String(item) : item)).filter((item): item is string => typeof item === 'string' && SHORT_DIGITS.test(item));
    if (digits.length >= 2 && digits.length <= 64 && printedGroups(digits)) this.scanParts(digits, `${pathOf(frame)}{*}`, frame, record);
    if (frame.key !== undefined && entries.length === 1 && SHORT_DIGITS.test(frame.key)) return; // inside a chain: read from its first key
    const chain: string[] = [];
    let node: unknown = entries.length === 1 ? Object.fromEntries(entries) : undefined;
    while (node && typeof node === 'object' && !Array.isArray(node) && chain.length <= 64) {
      const keys = Object.keys(node);
      if (keys.length !== 1 || !SHORT_DIGITS.test(keys[0])) break;
      chain.push(keys[0]);
      node = (node as Record<string, unknown>)[keys[0]];
    }
    if (chain.length >= 2) this.scanParts(chain, `${pathOf(frame)}{keys}`, frame, record);
  }

  /** Records the types only `parts` read joined show (not any part alone). */
  private scanParts(parts: string[], path: string, frame: Frame, record: (path: string, types: DlpType[], masked: boolean) => void): void {
    const keys = keysOf(frame);
    const joined = this.text.scan(parts.join(' '), keys, undefined, SPLIT_TYPES);
    if (!joined.types.length) return;
    const alone = new Set(parts.flatMap((part) => this.text.scan(part, keys, undefined, SPLIT_TYPES).types));
    const split = joined.types.filter((type) => !alone.has(type));
    if (split.length) record(path, split, false);
  }
}

/**
 * True when the short digit values of an object's properties are split as a card or an SSN is printed: fours (the last maybe
 * shorter), Amex's and Diners' 4-6-5 and 4-6-4, the SSN's 3-2-4, or a digit or two per field (a form's boxes). Other properties
 * holding short numbers (an id, a group number, a BIN, a count) are not the parts of one number.
 */
function printedGroups(parts: string[]): boolean {
  const lengths = parts.map((part) => part.length).join(',');
  return /^(?:4,)+[1-4]$|^4,6,[45]$|^3,2,4$|^[12](?:,[12])+$/.test(lengths);
}

/** Values and keys in `root`, counted without scanning (stops once past `limit`). */
function countValues(root: unknown, limit: number): number {
  const stack: unknown[] = [root];
  let count = 0;
  while (stack.length && count <= limit) {
    const value = stack.pop();
    count += 1;
    if (Array.isArray(value)) {
      if (count + value.length > limit) return count + value.length;
      for (const item of value) if (item && typeof item === 'object') stack.push(item);
      count += value.length;
    } else if (value && typeof value === 'object') {
      const items = Object.values(value as Record<string, unknown>);
      count += 2 * items.length;
      for (const item of items) if (item && typeof item === 'object') stack.push(item);
    }
  }
  return count;
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
