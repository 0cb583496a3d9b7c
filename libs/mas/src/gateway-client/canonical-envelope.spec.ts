import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-envelope';

describe('canonicalJson', () => {
  it('sorts keys at every level, drops undefined properties and writes undefined array items as null', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: undefined, m: [null, 'x'] }], a: true, c: undefined })).toBe('{"a":true,"b":[3,{"m":[null,"x"],"z":1}]}');
    expect(canonicalJson([undefined, NaN, -0, 'é'])).toBe('[null,null,0,"é"]');
    expect(canonicalJson(null)).toBe('null');
  });

  it('handles any depth (100,000 nested objects) without a stack overflow', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 100_000; i += 1) deep = { d: deep };
    const text = canonicalJson(deep);
    expect(text.startsWith('{"d":{"d":')).toBe(true);
    expect(text.endsWith('{"leaf":1}' + '}'.repeat(100_000))).toBe(true);
  });
});
