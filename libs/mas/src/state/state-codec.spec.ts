import { describe, expect, it } from 'vitest';
import { decodeStateFields, decodeStateValue, encodeStateFields, encodeStateValue } from './state-codec';

describe('state codec', () => {
  const values: Array<[string, unknown]> = [
    ['integer', 42],
    ['negative', -7],
    ['float', 3.25],
    ['zero', 0],
    ['large', 9_007_199_254_740_991],
    ['exponent', 1e-7],
    ['true', true],
    ['false', false],
    ['null', null],
    ['plain string', 'hello'],
    ['empty string', ''],
    ['number-looking string', '42'],
    ['float-looking string', '-1.5'],
    ['exponent-looking string', '1e5'],
    ['leading-zero string', '007'],
    ['bool-looking string', 'true'],
    ['Python bool string', 'True'],
    ['null-looking string', 'null'],
    ['Python None string', 'None'],
    ['list-looking string', '[1,2]'],
    ['object-looking string', '{"a":1}'],
    ['broken JSON string', '{"a":'],
    ['quoted string', '"quoted"'],
    ['lone dash', '-'],
    ['padded number string', ' 42 '],
    ['padded text', '  text  '],
    ['white space only', '   '],
    ['newline', '\n'],
    ['multi-line', 'a\nb'],
    ['unicode', 'naïve ☕ 😀'],
    ['list', [1, 'two', null, true, [3, [4]], { five: 5 }]],
    ['empty list', []],
    ['dict', { a: { b: { c: [1, { d: 'e' }] } }, n: null, s: '7' }],
    ['empty dict', {}],
  ];

  it.each(values)('round-trips %s without loss', (_label, value) => {
    const encoded = encodeStateValue(value);

    expect(typeof encoded).toBe('string');
    expect(decodeStateValue(encoded)).toEqual(value);
  });

  it('writes primitives plainly and lists / dicts as JSON, as the Python implementation does', () => {
    expect(encodeStateValue(42)).toBe('42');
    expect(encodeStateValue('test')).toBe('test');
    expect(encodeStateValue(1.5)).toBe('1.5');
    expect(encodeStateValue(['a'])).toBe('["a"]');
    expect(encodeStateValue({ k: 1 })).toBe('{"k":1}');
  });

  it('reads what the Python implementation writes', () => {
    expect(decodeStateValue('42')).toBe(42);
    expect(decodeStateValue('3.14')).toBe(3.14);
    expect(decodeStateValue('test')).toBe('test');
    expect(decodeStateValue('["a", "b"]')).toEqual(['a', 'b']);
    expect(decodeStateValue('{"k": 1, "n": {"x": [1, 2]}}')).toEqual({ k: 1, n: { x: [1, 2] } });
    // str(True) / str(None): no type information in dict mode, kept as written
    expect(decodeStateValue('True')).toBe('True');
    expect(decodeStateValue('None')).toBe('None');
    // not valid JSON although it starts like it: kept as written
    expect(decodeStateValue('01')).toBe('01');
    expect(decodeStateValue('{oops')).toBe('{oops');
  });

  it('encodes and decodes whole hashes', () => {
    const state = { count: 1, name: '1', tags: ['a'], on: false };

    const fields = encodeStateFields(state);

    expect(Object.values(fields).every((v) => typeof v === 'string')).toBe(true);
    expect(decodeStateFields(fields)).toEqual(state);
  });
});
