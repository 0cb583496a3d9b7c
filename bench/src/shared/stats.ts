/** Collects latencies (ms) without boxing them. */
export class LatencyRecorder {
  private values = new Float64Array(1 << 16);
  private length = 0;

  get count(): number {
    return this.length;
  }

  add(ms: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = ms;
  }

  /** p50 / p95 / p99 in ms (null when nothing was recorded). */
  percentiles(): { p50_ms: number | null; p95_ms: number | null; p99_ms: number | null } {
    if (this.length === 0) return { p50_ms: null, p95_ms: null, p99_ms: null };
    const sorted = this.values.slice(0, this.length).sort();
    return { p50_ms: percentile(sorted, 50), p95_ms: percentile(sorted, 95), p99_ms: percentile(sorted, 99) };
  }
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Median of the defined values (null when there are none). */
export function median(values: Array<number | null | undefined>): number | null {
  const defined = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  if (defined.length === 0) return null;
  defined.sort((a, b) => a - b);
  const middle = defined.length >> 1;
  return defined.length % 2 ? defined[middle] : (defined[middle - 1] + defined[middle]) / 2;
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
