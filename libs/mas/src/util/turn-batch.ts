interface Waiting<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects the items asked for during one event-loop turn and settles them together: `settle` gets
 * them all at once (at most `max`: a full batch is settled at once) and returns one result per item,
 * in order. What it throws rejects every item of its batch. For work that costs the same for a batch
 * as for one item (a signature over the root of a hash tree of them).
 */
export class TurnBatch<I, O> {
  private waiting: Array<Waiting<I, O>> = [];
  private scheduled = false;

  /** @throws RangeError unless `max` is a positive integer. */
  constructor(
    private readonly settle: (items: I[]) => O[],
    private readonly max: number,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`a TurnBatch needs a positive max (got ${max})`);
  }

  /** The result of `item`, settled with the others of this turn. */
  add(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.max) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    if (!batch.length) return;
    let results: O[];
    try {
      results = this.settle(batch.map((waiting) => waiting.item));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => waiting.resolve(results[i]));
  }
}
