/** What a send to a full inbox does (see {@link InboxOptions.overflow}). */
export type InboxOverflow = 'refuse' | 'dead-letter';

/** Tuning of the at-least-once inbox (`delivery: 'reliable'`). */
export interface InboxOptions {
  /** An entry pending this long (its consumer died or gave up) is reclaimed and redelivered. Default 30 000 ms. */
  claimIdleMs: number;
  /** Deliveries before a message goes to `dlq:messages`. Default 5. */
  maxAttempts: number;
  /** Messages handled at once by this process (backpressure). Default 64. */
  maxInFlight: number;
  /** How long completed message ids are remembered to drop duplicates. Default 1 h. */
  dedupWindowMs: number;
  /**
   * Completed message ids remembered at most (the newest; a sorted set of ~120 bytes per id), so that
   * a busy agent's dedup record stays bounded: at 10,000 messages/s an hour is 36 million ids. A copy
   * of a message older than both limits is no longer recognised. Default 1 000 000.
   */
  dedupMaxEntries: number;
  /**
   * Capacity of this agent's inbox: the unacknowledged messages it holds, declared at start (stored
   * in its limits hash) and enforced on every sender. Acknowledged entries are trimmed to make room;
   * unacknowledged ones never are. Default 100 000.
   */
  maxLength: number;
  /**
   * What a send to a full inbox does: `refuse` (default: the sender gets `InboxFullError`, as
   * JetStream's `discard: new`) or `dead-letter` (the oldest unread entries move to `dlq:messages`).
   */
  overflow: InboxOverflow;
  /** Approximate length of the dead-letter stream. Default 100 000. */
  deadLetterMaxLength: number;
  /** XREADGROUP BLOCK time in ms (how often the reader looks up when idle). Default 1000. */
  blockMs: number;
}

/** Defaults of {@link InboxOptions}. */
export const DEFAULT_INBOX_OPTIONS: InboxOptions = {
  claimIdleMs: 30_000,
  maxAttempts: 5,
  maxInFlight: 64,
  dedupWindowMs: 3_600_000,
  dedupMaxEntries: 1_000_000,
  maxLength: 100_000,
  overflow: 'refuse',
  deadLetterMaxLength: 100_000,
  blockMs: 1_000,
};

/** Counters of a reliable inbox. */
export interface InboxStats {
  delivered: number;
  acked: number;
  redelivered: number;
  duplicates: number;
  deadLettered: number;
  groupRecreated: number;
}
