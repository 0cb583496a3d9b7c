import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonWith } from './canonical-envelope';

/** The canonical form written the plain way: what {@link canonicalJson} must give, byte for byte. */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item: unknown) => reference(item === undefined ? null : item)).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null) ?? '';
}

/** A small deterministic generator (the same values on every run). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const STRINGS = ['', 'plain', 'with "quotes"', 'back\\slash', 'tab\there', 'nl\n', '\u0000\u001f', 'é ü 中文', '😀 pair', '\ud800 lone high', 'lone low \udc00', '\u2028\u2029', '</script>', 'x'.repeat(300)];
const NUMBERS = [0, -0, 1, -1, 0.1, 19.99, 1e21, 1e-7, 2 ** 53, -(2 ** 31), Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity];
const KEYS = ['a', 'b', 'B', '_', 'z', '10', '9', '01', '1', 'é', '中', '😀', '\ud800', '', 'message_id', 'meta', 'data', 'a b', '"q"', 'constructor'];

function randomValue(next: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const kind = depth > 4 ? Math.floor(next() * 5) : Math.floor(next() * 8);
  switch (kind) {
    case 0:
      return pick(STRINGS);
    case 1:
      return pick(NUMBERS);
    case 2:
      return next() < 0.5;
    case 3:
      return null;
    case 4:
      return next() < 0.2 ? undefined : pick(STRINGS) + pick(STRINGS);
    case 5:
    case 6: {
      const record: Record<string, unknown> = {};
      const size = Math.floor(next() * (next() < 0.1 ? 40 : 8));
      for (let i = 0; i < size; i += 1) record[pick(KEYS) + (next() < 0.3 ? String(i) : '')] = randomValue(next, depth + 1);
      return record;
    }
    default:
      return Array.from({ length: Math.floor(next() * 6) }, () => randomValue(next, depth + 1));
  }
}

describe('canonicalJson', () => {
  it('sorts keys at every level, drops undefined properties and writes undefined array items as null', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: undefined, m: [null, 'x'] }], a: true, c: undefined })).toBe('{"a":true,"b":[3,{"m":[null,"x"],"z":1}]}');
    expect(canonicalJson([undefined, NaN, -0, 'é'])).toBe('[null,null,0,"é"]');
    expect(canonicalJson(null)).toBe('null');
  });

  it('writes what the plain recursive form writes, for values and their JSON round trips (escapes, surrogates, numbers, integer-like keys)', () => {
    const next = generator(15);
    for (let i = 0; i < 3_000; i += 1) {
      const value = randomValue(next, 0);
      expect(canonicalJson(value)).toBe(reference(value));
      const parsed: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
      expect(canonicalJson(parsed)).toBe(reference(parsed));
    }
    const parsed = JSON.parse('{"__proto__":{"b":1,"a":2},"constructor":"c","toString":[1,{"y":0,"x":"\\ud800"}]}') as unknown;
    expect(canonicalJson(parsed)).toBe(reference(parsed));
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"a":2,"b":1},"constructor":"c","toString":[1,{"x":"\\ud800","y":0}]}');
  });

  it('writes values as JSON.stringify does (toJSON, boxed primitives, functions and symbols): what a sender signs is what a receiver computes over the parsed JSON', () => {
    const cases: unknown[] = [
      { at: new Date(0) },
      [new Date(86_400_000), { when: new Date(1) }],
      { f: () => 1, s: Symbol('x'), a: 1, u: undefined },
      [() => 1, Symbol('x'), undefined, 2],
      { b: Buffer.from('hi') },
      { m: new Map([[1, 2]]), set: new Set([1]) },
      { d: { toJSON: (key: string) => `key=${key}` }, list: [{ toJSON: (key: string) => `index ${key}` }] },
      { boxed: [new Number(3), new String('s'), new Boolean(false)], n: new Number(NaN) },
      { later: { toJSON: () => undefined }, inArray: [{ toJSON: () => () => 1 }] },
      { again: { toJSON: () => new Date(0) } }, // toJSON's result is not asked for its own toJSON
      new Date(5),
    ];
    const next = generator(7);
    for (let i = 0; i < 500; i += 1) {
      const value = randomValue(next, 0) as Record<string, unknown>;
      cases.push({ value, at: new Date(Math.floor(next() * 1e12)), nested: [{ at: new Date(0), value }] });
    }
    for (const value of cases) {
      const parsed: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
      expect(canonicalJson(value)).toBe(canonicalJson(parsed));
      expect(canonicalJsonWith({ data: value, a: 1 }, 'signature', { alg: 'x' })).toBe(canonicalJson(JSON.parse(JSON.stringify({ data: value, a: 1, signature: { alg: 'x' } }))));
    }
    expect(canonicalJson({ at: new Date(0) })).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
    expect(canonicalJson([() => 1, undefined])).toBe('[null,null]');
    let deepDates: unknown = { at: new Date(0) };
    for (let i = 0; i < 200; i += 1) deepDates = { d: deepDates, f: () => i };
    expect(canonicalJson(deepDates)).toBe(canonicalJson(JSON.parse(JSON.stringify(deepDates))));
    expect(() => canonicalJson({ big: 1n })).toThrow(TypeError);
  });

  it('sorts many keys (past the insertion sort) as Array.prototype.sort does', () => {
    const record: Record<string, number> = {};
    for (let i = 0; i < 200; i += 1) record[`k${(i * 37) % 200}`] = i;
    expect(canonicalJson(record)).toBe(reference(record));
    expect(canonicalJsonWith(record, 'k5', 'x')).toBe(reference({ ...record, k5: 'x' }));
    expect(canonicalJsonWith({ b: 1, a: 2 }, 'c', undefined)).toBe('{"a":2,"b":1}');
  });

  it('handles any depth (100,000 nested objects) without a stack overflow', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 100_000; i += 1) deep = { d: deep };
    const text = canonicalJson(deep);
    expect(text.startsWith('{"d":{"d":')).toBe(true);
    expect(text.endsWith('{"leaf":1}' + '}'.repeat(100_000))).toBe(true);
  });
});
