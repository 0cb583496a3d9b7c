import type Redis from 'ioredis';
import { coalesceWrites } from '../redis/write-coalescing';
import { encodeStateValue } from '../state/state-codec';
import type { StateTransaction } from '../state/state-transaction';
import { COMMIT_BATCH_SCRIPT } from './inbox.scripts';

/** The state arguments of a message that changed nothing (shared, never written). */
const NO_ARGS: string[] = [];

/** Messages committed by one script call at most. */
const MAX_BATCH_MESSAGES = 256;
/** State arguments (field/value pairs and deleted fields) of one script call at most, beyond its first message's. */
const MAX_BATCH_CHANGES = 4_000;

/** Where an inbox's commits go. */
export interface InboxCommitKeys {
  /** The inbox stream. */
  stream: string;
  /** Its consumer group. */
  group: string;
  /** The zset of completed message ids (dedup). */
  completed: string;
  /** The agent's state hash. */
  state: string;
}

/**
 * Told how a commit went: `error` when the script call failed (nothing of its batch applied, or it is
 * unknown whether it did), else `committed` (false: the message was already completed, only acked).
 * Called once; it must not throw.
 */
export type CommitCallback = (error: unknown, committed: boolean) => void;

/** One handled message waiting for its commit. */
interface PendingCommit {
  entryId: string;
  messageId: string;
  set: string[];
  removed: string[];
  done: CommitCallback;
}

/**
 * Commits the messages of an inbox whose handlers settled, in batches: every commit asked for during
 * one turn of the event loop goes to Redis in one atomic step, which completes each message (its
 * state changes, its dedup record, its XACK) — one socket write for the batch instead of one script
 * per message. A batch that changed state runs {@link COMMIT_BATCH_SCRIPT} (a message already
 * completed must not apply its changes again, so the check and the writes are one script); one
 * that changed none — the common case — records and acks in one MULTI/EXEC (ZADD NX,
 * ZREMRANGEBYSCORE, XACK), which costs Redis well under half the script's CPU per message (no Lua
 * strings made of every argument, no second look-up of the ids). A commit is asked for only once its handler settled, so nothing
 * is acked before that; a failed call fails every commit of its batch (the entries stay pending and
 * are redelivered).
 */
export class InboxCommits {
  private queue: PendingCommit[] = [];
  private scheduled = false;
  /** Ids recorded since the dedup record's size was last looked at. */
  private sinceTrim = 0;
  private trimming = false;

  constructor(
    private readonly redis: Redis,
    private readonly keys: InboxCommitKeys,
    private readonly dedupWindowMs: number,
    private readonly dedupMaxEntries = Number.POSITIVE_INFINITY,
    private readonly onTrimError: (error: unknown) => void = () => undefined,
  ) {}

  /**
   * Commits the state changes of `transaction` with the ack of entry `entryId`, in the next batch,
   * then calls `done` (no promise per message: this is on every reliable message's path).
   */
  commit(entryId: string, messageId: string, transaction: StateTransaction, done: CommitCallback): void {
    let set = NO_ARGS;
    let removed = NO_ARGS;
    try {
      if (transaction.changes.size) for (const [field, value] of transaction.changes) {
        if (value === undefined) (removed === NO_ARGS ? (removed = []) : removed).push(field);
        else (set === NO_ARGS ? (set = []) : set).push(field, encodeStateValue(value));
      }
    } catch (error) {
      done(error, false); // a value that cannot be stored: nothing committed, the entry stays pending
      return;
    }
    this.queue.push({ entryId, messageId, set, removed, done });
    if (this.scheduled) return;
    this.scheduled = true;
    process.nextTick(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const queue = this.queue;
    this.queue = [];
    for (let start = 0; start < queue.length; ) {
      let end = start + 1;
      let changes = queue[start].set.length + queue[start].removed.length;
      while (end < queue.length && end - start < MAX_BATCH_MESSAGES) {
        changes += queue[end].set.length + queue[end].removed.length;
        if (changes > MAX_BATCH_CHANGES) break;
        end += 1;
      }
      void this.run(queue.slice(start, end));
      start = end;
    }
  }

  private async run(batch: PendingCommit[]): Promise<void> {
    const n = batch.length;
    let changes = false;
    for (let i = 0; i < n && !changes; i++) changes = batch[i].set.length > 0 || batch[i].removed.length > 0;
    let results: ArrayLike<boolean | number>;
    try {
      coalesceWrites(this.redis); // with whatever else this turn writes (dedup lookups, replies)
      results = changes ? await this.runScript(batch) : await this.runTransaction(batch);
    } catch (error) {
      for (const commit of batch) commit.done(error ?? new Error('commit failed'), false);
      return;
    }
    let recorded = 0;
    batch.forEach((commit, i) => {
      const committed = results[i] === true || results[i] === 1;
      if (committed) recorded += 1;
      commit.done(undefined, committed);
    });
    this.recorded(recorded);
  }

  /**
   * Counts ids recorded; once a tenth of `dedupMaxEntries` (at least 100) were, looks at the record's
   * size and cuts it to the newest `dedupMaxEntries` (by their completion time: ids completed in the
   * same millisecond as the oldest kept stay too). Off the commit's path: a cut that fails is logged
   * and tried again later; nothing is lost by it, a duplicate of a cut id is only no longer recognised.
   */
  private recorded(count: number): void {
    if (!Number.isFinite(this.dedupMaxEntries)) return;
    this.sinceTrim += count;
    if (this.trimming || this.sinceTrim < Math.max(100, this.dedupMaxEntries / 10)) return;
    this.sinceTrim = 0;
    this.trimming = true;
    this.trim()
      .catch(this.onTrimError)
      .finally(() => (this.trimming = false));
  }

  private async trim(): Promise<void> {
    const { completed } = this.keys;
    const size = await this.redis.zcard(completed);
    const excess = size - this.dedupMaxEntries;
    if (excess <= 0) return;
    // The oldest id kept (rank `excess`), and everything completed before it removed.
    const [, oldestKept] = (await this.redis.zrange(completed, excess, excess, 'WITHSCORES')) as string[];
    if (oldestKept !== undefined) await this.redis.zremrangebyscore(completed, '-inf', `(${oldestKept}`);
  }

  /**
   * A batch without state changes as one MULTI/EXEC: the ids recorded as completed (NX: one completed
   * before keeps its time, and is not counted as added) and every entry acked. When ZADD added every
   * id — the common case — each message is committed; otherwise the ids' times (read afterwards)
   * tell which were recorded by this commit: the first copy of an id holding this commit's time.
   * (Another consumer committing the same id in the same millisecond would count as committed by
   * both: it changes no state here, only the `duplicates` counter.) Resolves with one flag per
   * message: true when committed, false for a duplicate.
   * @throws the first error of the transaction (nothing or only part of it applied: the entries stay pending).
   */
  private async runTransaction(batch: PendingCommit[]): Promise<boolean[]> {
    const { stream, group, completed } = this.keys;
    const n = batch.length;
    const now = Date.now();
    const entryIds: string[] = new Array(n);
    const added: string[] = new Array(2 * n);
    const score = String(now); // once, not converted for every id
    for (let i = 0; i < n; i++) {
      entryIds[i] = batch[i].entryId;
      added[2 * i] = score;
      added[2 * i + 1] = batch[i].messageId;
    }
    const replies = await this.redis
      .multi()
      .zadd(completed, 'NX', ...added)
      .zremrangebyscore(completed, '-inf', now - this.dedupWindowMs)
      .xack(stream, group, ...entryIds)
      .exec();
    if (!replies) throw new Error('commit transaction discarded');
    for (const [error] of replies) if (error) throw error;
    const committed: boolean[] = new Array(n).fill(true);
    if (replies[0][1] === n) return committed;
    const messageIds = batch.map((commit) => commit.messageId);
    const times = (await this.redis.zmscore(completed, messageIds)) as Array<string | null>;
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      committed[i] = Number(times[i]) === now && !seen.has(messageIds[i]);
      seen.add(messageIds[i]);
    }
    return committed;
  }

  /** A batch with state changes through {@link COMMIT_BATCH_SCRIPT}; resolves with its 1 (committed) or 0 (duplicate) per message. */
  private runScript(batch: PendingCommit[]): Promise<number[]> {
    const { stream, group, completed, state } = this.keys;
    const n = batch.length;
    const args: Array<string | number> = new Array(5 + 4 * n);
    args[0] = group;
    args[1] = Date.now();
    args[2] = this.dedupWindowMs;
    args[3] = n;
    args[4] = 1; // with the per-message counts of changes
    for (let i = 0; i < n; i++) {
      args[5 + i] = batch[i].entryId;
      args[5 + n + i] = batch[i].messageId;
      args[5 + 2 * n + 2 * i] = batch[i].set.length / 2;
      args[6 + 2 * n + 2 * i] = batch[i].removed.length;
    }
    for (const commit of batch) {
      for (const value of commit.set) args.push(value);
      for (const field of commit.removed) args.push(field);
    }
    return COMMIT_BATCH_SCRIPT.run<number[]>(this.redis, [stream, completed, state], args);
  }
}
