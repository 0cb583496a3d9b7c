import { describe, expect, it } from 'vitest';
import { TurnBatch } from './turn-batch';

describe('TurnBatch', () => {
  it('settles what one turn asked for in one call, in order, and the next turn apart', async () => {
    const calls: number[][] = [];
    const batch = new TurnBatch((items: number[]) => (calls.push(items), items.map((n) => n * 10)), 100);
    const first = await Promise.all([batch.add(1), batch.add(2), batch.add(3)]);
    const second = await batch.add(4);
    expect(first).toEqual([10, 20, 30]);
    expect(second).toBe(40);
    expect(calls).toEqual([[1, 2, 3], [4]]);
  });

  it('settles a full batch at once, and rejects every item of a batch whose settle throws', async () => {
    const calls: number[][] = [];
    const batch = new TurnBatch((items: number[]) => {
      calls.push(items);
      if (items.includes(0)) throw new Error('no zero');
      return items;
    }, 2);
    const results = await Promise.allSettled([batch.add(1), batch.add(2), batch.add(0), batch.add(3)]);
    expect(calls).toEqual([[1, 2], [0, 3]]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect(() => new TurnBatch(() => [], 0)).toThrow(RangeError);
  });
});
