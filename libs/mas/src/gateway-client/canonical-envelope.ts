import type { WireEnvelope } from '../protocol';

/** Output text queued between values while {@link canonicalJson} walks. */
class Piece {
  constructor(readonly text: string) {}
}

/** Nesting written by plain recursion; deeper values are walked with an explicit stack. */
const RECURSION_DEPTH = 64;

/** Thrown (once, caught below) when a value nests deeper than {@link RECURSION_DEPTH}. */
const TOO_DEEP = Symbol('too deep');

/**
 * JSON with object keys sorted at every level: the same bytes on every side. Values are written as
 * JSON.stringify writes them — `toJSON` called (a Date is its ISO string), boxed primitives unboxed,
 * functions, symbols and undefined left out of objects and written as null in arrays — so that what
 * a sender signs over its values is what a receiver computes over the JSON it parsed. Values nested
 * up to {@link RECURSION_DEPTH} levels (every envelope in practice) are written by recursion, deeper
 * ones with an explicit stack, so any depth works; the bytes are the same either way. An array of
 * plain primitives is written in one native pass; other primitives are written without a native call
 * where JSON.stringify would give the same text (numbers, booleans, strings with nothing to escape).
 * @throws TypeError for a BigInt (as JSON.stringify does).
 */
export function canonicalJson(value: unknown): string {
  const item = jsonValue(value, '');
  return item === OMITTED ? 'null' : written(item);
}

/** A prepared value ({@link jsonValue}) written: by recursion, or with a stack past {@link RECURSION_DEPTH}. */
function written(item: unknown): string {
  try {
    return shallow(item, 0);
  } catch (error) {
    if (error === TOO_DEEP) return deep(item);
    throw error;
  }
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const OMITTED = Symbol('omitted');

/**
 * `value`, found under `key`, as JSON.stringify sees it before writing it: after its `toJSON(key)`,
 * unboxed, or {@link OMITTED} (undefined, a function, a symbol).
 */
function jsonValue(value: unknown, key: string): unknown {
  if (typeof value === 'object' && value !== null) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = (toJSON as (key: string) => unknown).call(value, key);
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) {
      if (value instanceof Number) return Number(value);
      if (value instanceof String) return String(value);
      if (value instanceof Boolean) return value.valueOf();
    }
  } else if (typeof value === 'bigint') {
    const toJSON = (value as unknown as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = (toJSON as (key: string) => unknown).call(value, key);
  }
  return value === undefined || typeof value === 'function' || typeof value === 'symbol' ? OMITTED : value;
}

/** True for the array items JSON.stringify writes as they are (no `toJSON`, nothing left out). */
function isJsonPrimitive(item: unknown): boolean {
  return item === null || typeof item === 'number' || typeof item === 'string' || typeof item === 'boolean';
}

/** An item of an array or a member's value, prepared ({@link jsonValue}), written. */
function shallow(item: unknown, depth: number): string {
  switch (typeof item) {
    case 'string':
      return quotedString(item);
    case 'number':
      return Number.isFinite(item) ? `${item}` : 'null';
    case 'boolean':
      return item ? 'true' : 'false';
    case 'object':
      if (item === null) return 'null';
      if (Array.isArray(item)) {
        if (item.every(isJsonPrimitive)) return JSON.stringify(item);
        if (depth >= RECURSION_DEPTH) throw TOO_DEEP;
        let out = '[';
        for (let i = 0; i < item.length; i += 1) {
          const value = jsonValue(item[i], String(i));
          out += (i ? ',' : '') + (value === OMITTED ? 'null' : shallow(value, depth + 1));
        }
        return `${out}]`;
      }
      if (depth >= RECURSION_DEPTH) throw TOO_DEEP;
      return members(item as Record<string, unknown>, sortedKeys(Object.keys(item)), depth);
    default:
      // a bigint throws as JSON.stringify does
      return JSON.stringify(item) ?? 'null';
  }
}

/** The members of `record` in the order of `keys` (those JSON.stringify leaves out left out), braced. */
function members(record: Record<string, unknown>, keys: string[], depth: number): string {
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i];
    const value = jsonValue(record[key], key);
    if (value === OMITTED) continue;
    out += `${first ? '' : ','}${quoted(key)}:${shallow(value, depth + 1)}`;
    first = false;
  }
  return `${out}}`;
}

/** Arrays of keys up to this long are sorted by insertion (no comparator calls); longer ones natively. */
const INSERTION_SORT_MAX = 16;

/** `keys` sorted in place as `Array.prototype.sort` sorts strings (by UTF-16 code units), and returned. */
function sortedKeys(keys: string[]): string[] {
  if (keys.length > INSERTION_SORT_MAX) return keys.sort();
  for (let i = 1; i < keys.length; i += 1) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j -= 1;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** A string JSON.stringify would write with an escape: a quote, a backslash, a control character or a surrogate. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify(text)`, without the native call when nothing in `text` needs an escape. */
function quotedString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Object keys repeat from envelope to envelope: short ones are quoted once. */
const QUOTED = new Map<string, string>();
const QUOTED_KEPT = 4_096;

/** `JSON.stringify(key)`, remembered for short keys. */
function quoted(key: string): string {
  let text = QUOTED.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (key.length <= 32 && QUOTED.size < QUOTED_KEPT) QUOTED.set(key, text);
  }
  return text;
}

/** {@link canonicalJson} with an explicit stack (any depth) of a prepared value ({@link jsonValue}). */
function deep(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (item instanceof Piece) out.push(item.text);
    else if (Array.isArray(item)) {
      if (item.every(isJsonPrimitive)) {
        out.push(JSON.stringify(item));
        continue;
      }
      stack.push(new Piece(']'));
      for (let i = item.length - 1; i >= 0; i -= 1) {
        const prepared = jsonValue(item[i], String(i));
        stack.push(prepared === OMITTED ? null : prepared);
        if (i) stack.push(new Piece(','));
      }
      stack.push(new Piece('['));
    } else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const entries: Array<[string, unknown]> = [];
      for (const key of Object.keys(record).sort()) {
        const prepared = jsonValue(record[key], key);
        if (prepared !== OMITTED) entries.push([key, prepared]);
      }
      stack.push(new Piece('}'));
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        stack.push(entries[i][1], new Piece(`${i ? ',' : ''}${JSON.stringify(entries[i][0])}:`));
      }
      stack.push(new Piece('{'));
    } else out.push(shallow(item, 0));
  }
  return out.join('');
}

/**
 * {@link canonicalJson} of `record` with its top-level field `field` set to `value` (added when
 * missing, left out when `value` is undefined), without copying the record: the same text as
 * `canonicalJson({ ...record, [field]: value })`.
 */
export function canonicalJsonWith(record: Record<string, unknown>, field: string, value: unknown): string {
  const keys = Object.keys(record);
  if (!keys.includes(field)) keys.push(field);
  sortedKeys(keys);
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = jsonValue(key === field ? value : record[key], key);
    if (item === OMITTED) continue;
    out += `${first ? '' : ','}${quoted(key)}:${written(item)}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * The bytes a gateway signature covers: the whole envelope (sender, target, type, data, meta,
 * timestamp, message id, any extra field) in canonical form, with the signature's nonce and
 * algorithm but without its value.
 */
export function signingInput(envelope: WireEnvelope, alg: string, nonce: string): string {
  return canonicalJsonWith(envelope as unknown as Record<string, unknown>, 'signature', { alg, nonce });
}
