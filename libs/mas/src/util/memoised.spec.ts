import { describe, expect, it } from 'vitest';
import { memoised } from './memoised';

describe('memoised', () => {
  it('makes each key once while it is kept, and starts over once full', () => {
    const made: string[] = [];
    const upper = memoised((key: string) => (made.push(key), key.toUpperCase()), 2);
    expect([upper('a'), upper('a'), upper('b'), upper('a')]).toEqual(['A', 'A', 'B', 'A']);
    expect(made).toEqual(['a', 'b']);
    upper('c'); // full: dropped, then c kept
    upper('a');
    expect(made).toEqual(['a', 'b', 'c', 'a']);
  });

  it('remembers undefined results too', () => {
    let calls = 0;
    const nothing = memoised(() => ((calls += 1), undefined), 4);
    nothing('x');
    nothing('x');
    expect(calls).toBe(1);
  });

  it('refuses a capacity below 1', () => {
    expect(() => memoised((key: string) => key, 0)).toThrow(RangeError);
  });
});
