import type { WireEnvelope } from '../protocol';

function isJsonPrimitive(item: unknown): boolean {
  return item === null || typeof item === 'number' || typeof item === 'string' || typeof item === 'boolean';
}

/** Output text queued between values while {@link canonicalJson} walks. */
class Piece {
  constructor(readonly text: string) {}
}

/** Nesting written by plain recursion; deeper values are walked with an explicit stack. */
const RECURSION_DEPTH = 64;

/** Thrown (once, caught below) when a value nests deeper than {@link RECURSION_DEPTH}. */
const TOO_DEEP = Symbol('too deep');

/**
 * JSON with object keys sorted at every level: the same bytes on every side. Values nested up to
 * {@link RECURSION_DEPTH} levels (every envelope in practice) are written by recursion, deeper ones
 * with an explicit stack, so any depth works; the bytes are the same either way. An array of plain
 * primitives is written in one native pass; other primitives are written without a native call
 * where JSON.stringify would give the same text (numbers, booleans, strings with nothing to escape).
 */
export function canonicalJson(value: unknown): string {
  try {
    return shallow(value, 0);
  } catch (error) {
    if (error === TOO_DEEP) return deep(value);
    throw error;
  }
}

function shallow(item: unknown, depth: number): string {
  switch (typeof item) {
    case 'string':
      return quotedString(item);
    case 'number':
      return Number.isFinite(item) ? `${item}` : 'null';
    case 'boolean':
      return item ? 'true' : 'false';
    case 'undefined':
      return 'null';
    case 'object':
      if (item === null) return 'null';
      if (Array.isArray(item)) {
        if (item.every(isJsonPrimitive)) return JSON.stringify(item);
        if (depth >= RECURSION_DEPTH) throw TOO_DEEP;
        let out = '[';
        for (let i = 0; i < item.length; i += 1) out += (i ? ',' : '') + shallow(item[i], depth + 1);
        return `${out}]`;
      }
      if (depth >= RECURSION_DEPTH) throw TOO_DEEP;
      return members(item as Record<string, unknown>, sortedKeys(Object.keys(item)), depth);
    default:
      // bigint throws as JSON.stringify does; a function or symbol writes nothing
      return JSON.stringify(item) ?? '';
  }
}

/** The members of `record` in the order of `keys` (undefined values left out), braced. */
function members(record: Record<string, unknown>, keys: string[], depth: number): string {
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i];
    const value = record[key];
    if (value === undefined) continue;
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

/** {@link canonicalJson} with an explicit stack (any depth). */
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
        stack.push(item[i]);
        if (i) stack.push(new Piece(','));
      }
      stack.push(new Piece('['));
    } else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
      stack.push(new Piece('}'));
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        stack.push(record[keys[i]], new Piece(`${i ? ',' : ''}${JSON.stringify(keys[i])}:`));
      }
      stack.push(new Piece('{'));
    } else out.push(JSON.stringify(item ?? null) ?? '');
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
    const item = key === field ? value : record[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${quoted(key)}:${canonicalJson(item)}`;
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
