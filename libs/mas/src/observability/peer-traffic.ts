/** Peers an agent counts one by one; messages to further ones are only counted in total. */
export const MAX_TRACKED_PEERS = 256;

/** Peers reported with each heartbeat (the busiest ones). */
export const REPORTED_PEERS = 10;

/**
 * Messages an agent sent to each peer since it started (bounded: {@link MAX_TRACKED_PEERS} peers),
 * the busiest of which it reports with its heartbeat so the dashboard can draw who talks to whom.
 */
export class PeerTraffic {
  private readonly counts = new Map<string, number>();
  /** Messages to peers past the bound. */
  untracked = 0;

  constructor(private readonly maxTracked = MAX_TRACKED_PEERS) {}

  /** Counts one message to `peer`. */
  count(peer: string): void {
    const current = this.counts.get(peer);
    if (current !== undefined) this.counts.set(peer, current + 1);
    else if (this.counts.size < this.maxTracked) this.counts.set(peer, 1);
    else this.untracked += 1;
  }

  /** The `limit` peers sent to most, with their cumulative counts. */
  top(limit = REPORTED_PEERS): Record<string, number> {
    const busiest = [...this.counts].sort((a, b) => b[1] - a[1]).slice(0, limit);
    return Object.fromEntries(busiest);
  }
}
