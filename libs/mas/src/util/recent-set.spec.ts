import { describe, expect, it } from 'vitest';
import { RecentSet } from './recent-set';

describe('RecentSet', () => {
  it('remembers the recent values, forgets the old ones, and keeps values in use', () => {
    const set = new RecentSet<number>(10);
    for (let i = 0; i < 10; i += 1) set.add(i);
    expect([...Array(10).keys()].filter((i) => set.has(i))).toEqual([5, 6, 7, 8, 9]); // the last capacity / 2 at least
    const kept = new RecentSet<number>(10);
    for (let i = 0; i < 100; i += 1) {
      kept.add(i);
      expect(kept.has(0), `0 asked about after ${i}`).toBe(true);
    }
    expect(kept.has(50)).toBe(false);
    expect(kept.has(99)).toBe(true);
  });

  it('holds at most its capacity', () => {
    const set = new RecentSet<number>(8);
    for (let i = 0; i < 1_000; i += 1) set.add(i);
    expect([...Array(1_000).keys()].filter((i) => set.has(i)).length).toBeLessThanOrEqual(8);
  });

  it('refuses a capacity below 2', () => {
    expect(() => new RecentSet(1)).toThrow(RangeError);
    expect(() => new RecentSet(2.5)).toThrow(RangeError);
  });
});
