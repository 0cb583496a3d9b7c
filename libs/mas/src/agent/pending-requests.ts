import { RequestAbortedError, RequestTimeoutError } from '../errors';
import { AgentMessage, errorFromWire } from '../protocol';

interface Pending {
  correlationId: string;
  targetId: string;
  /** The only sender whose reply settles it. */
  from: string;
  messageType: string;
  timeoutMs: number;
  /** When it times out (epoch ms). */
  deadline: number;
  /** Set once settled, failed or timed out (its place in the expiry queue is then skipped). */
  done: boolean;
  resolve(reply: AgentMessage): void;
  reject(error: Error): void;
}

/**
 * The requests of one timeout value, in the order they were made — which is the order of their
 * deadlines — with one timer armed for the first one still waiting. Settled requests stay in the
 * queue until they reach its head (or a compaction drops them).
 */
interface ExpiryQueue {
  entries: Pending[];
  head: number;
  /** Entries of `entries` (from `head`) already done. */
  done: number;
  timer?: NodeJS.Timeout;
}

/** A queue is compacted once it holds at least this many settled entries, and more settled than waiting. */
const COMPACT_AT = 1_024;

/**
 * Requests waiting for their reply, by correlation id; each times out after its own timeout. No
 * timer per request: requests with the same timeout share a queue in deadline order and one timer.
 */
export class PendingRequests {
  private readonly pending = new Map<string, Pending>();
  private readonly queues = new Map<number, ExpiryQueue>();

  /** Number of requests waiting. */
  get size(): number {
    return this.pending.size;
  }

  /** True while a reply to `correlationId` is awaited. */
  has(correlationId: string): boolean {
    return this.pending.has(correlationId);
  }

  /**
   * Registers a request and returns the promise of its reply; only a reply whose sender is `from`
   * (the request's target, unless said otherwise: the gateway for its decisions) settles it.
   */
  track(correlationId: string, targetId: string, messageType: string, timeoutMs: number, from = targetId): Promise<AgentMessage> {
    return new Promise<AgentMessage>((resolve, reject) => {
      const entry: Pending = { correlationId, targetId, from, messageType, timeoutMs, deadline: Date.now() + timeoutMs, done: false, resolve, reject };
      this.pending.set(correlationId, entry);
      this.enqueue(entry);
    });
  }

  /**
   * Settles the request a reply answers. Returns false when nobody waits for it, or when it does not
   * come from whom the request was sent to (a forged or misrouted reply: the request keeps waiting).
   */
  settle(reply: AgentMessage): boolean {
    const id = reply.meta.correlationId;
    const entry = id ? this.pending.get(id) : undefined;
    if (!id || !entry || reply.senderId !== entry.from) return false;
    this.forget(id);
    if (reply.meta.error) entry.reject(errorFromWire(reply.meta.error, { senderId: reply.senderId, messageType: entry.messageType }));
    else entry.resolve(reply);
    return true;
  }

  /**
   * Settles request `correlationId` with an answer `carrier` brought from `from` (several answers
   * may share one carrier: the gateway's batch of decisions): rejects it with `error` when given,
   * resolves it with `carrier` otherwise. Returns false, as {@link settle}, when nobody waits for it
   * or it waits for an answer from someone else.
   */
  answer(correlationId: string, from: string, carrier: AgentMessage, error?: Error): boolean {
    const entry = this.pending.get(correlationId);
    if (!entry || from !== entry.from) return false;
    this.forget(correlationId);
    if (error) entry.reject(error);
    else entry.resolve(carrier);
    return true;
  }

  /** Rejects one request (e.g. its publish failed or reached nobody). */
  fail(correlationId: string, error: Error): void {
    const entry = this.pending.get(correlationId);
    if (!entry) return;
    this.forget(correlationId);
    entry.reject(error);
  }

  /** Rejects every waiting request with {@link RequestAbortedError}. */
  abortAll(reason: string): void {
    const queues = [...this.queues.values()];
    this.pending.clear();
    this.queues.clear();
    for (const queue of queues) {
      clearTimeout(queue.timer);
      for (let i = queue.head; i < queue.entries.length; i++) {
        const entry = queue.entries[i];
        if (entry.done) continue;
        entry.done = true;
        entry.reject(new RequestAbortedError(entry.targetId, entry.messageType, reason));
      }
    }
  }

  /** Removes a waiting request from the map and marks it done in its queue. */
  private forget(correlationId: string): void {
    const entry = this.pending.get(correlationId);
    if (!entry || entry.done) return;
    this.pending.delete(correlationId);
    entry.done = true;
    const queue = this.queues.get(entry.timeoutMs);
    if (!queue) return;
    queue.done += 1;
    const waiting = queue.entries.length - queue.head - queue.done;
    if (waiting === 0) {
      clearTimeout(queue.timer);
      this.queues.delete(entry.timeoutMs);
    } else if (queue.done >= COMPACT_AT && queue.done > waiting) {
      queue.entries = queue.entries.slice(queue.head).filter((candidate) => !candidate.done);
      queue.head = 0;
      queue.done = 0;
    }
  }

  private enqueue(entry: Pending): void {
    let queue = this.queues.get(entry.timeoutMs);
    if (!queue) {
      queue = { entries: [], head: 0, done: 0 };
      this.queues.set(entry.timeoutMs, queue);
    }
    queue.entries.push(entry);
    if (!queue.timer) this.arm(queue, entry.timeoutMs, entry.timeoutMs);
  }

  private arm(queue: ExpiryQueue, timeoutMs: number, inMs: number): void {
    queue.timer = setTimeout(() => this.expire(queue, timeoutMs), Math.max(0, inMs));
  }

  /** Times out the requests of `queue` whose deadline passed, then arms its timer for the next one. */
  private expire(queue: ExpiryQueue, timeoutMs: number): void {
    queue.timer = undefined;
    const now = Date.now();
    while (queue.head < queue.entries.length) {
      const entry = queue.entries[queue.head];
      if (entry.done) {
        queue.head += 1;
        queue.done -= 1;
        continue;
      }
      if (entry.deadline > now) {
        this.arm(queue, timeoutMs, entry.deadline - now);
        break;
      }
      queue.head += 1;
      entry.done = true;
      if (this.pending.get(entry.correlationId) === entry) this.pending.delete(entry.correlationId);
      entry.reject(new RequestTimeoutError(entry.targetId, entry.messageType, timeoutMs));
    }
    if (queue.head >= queue.entries.length && this.queues.get(timeoutMs) === queue) this.queues.delete(timeoutMs);
    else if (queue.head > COMPACT_AT && queue.head * 2 > queue.entries.length) {
      queue.entries = queue.entries.slice(queue.head);
      queue.head = 0;
    }
  }
}
