/**
 * A set of the values it was given or asked about lately, in O(1) per operation and bounded memory:
 * two generations of `capacity / 2`; when the newer fills, it becomes the older and the oldest is
 * dropped. So it holds at most `capacity` values and always the last `capacity / 2`; a value found
 * in the older generation moves to the newer, so values in use stay.
 */
export class RecentSet<T> {
  private newer = new Set<T>();
  private older = new Set<T>();
  private readonly half: number;

  /** @throws RangeError unless `capacity` is an integer of at least 2. */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError(`a RecentSet needs a capacity of at least 2 (got ${capacity})`);
    this.half = capacity / 2;
  }

  /** True when `value` is remembered (and keeps it remembered). */
  has(value: T): boolean {
    if (this.newer.has(value)) return true;
    if (!this.older.has(value)) return false;
    this.add(value);
    return true;
  }

  /** Remembers `value`. */
  add(value: T): void {
    this.newer.add(value);
    if (this.newer.size < this.half) return;
    this.older = this.newer;
    this.newer = new Set();
  }
}
