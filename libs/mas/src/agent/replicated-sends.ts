import type Redis from 'ioredis';
import type { MasKeySpace } from '../redis/keys';
import { isClusterClient, waitForReplicas } from '../redis/pubsub';
import { RedisUnavailableError } from '../errors';
import { appendToInbox } from '../transport/outbound';

/** One reliable send waiting for its replicas. */
interface ReplicatedSend {
  targetId: string;
  payload: string;
  count: number;
  timeoutMs: number;
  /** Set once it settled (its deadline passed, or its WAIT answered): a later outcome is ignored. */
  settled: boolean;
  resolve(acked: number): void;
  reject(error: unknown): void;
}

/**
 * The reliable sends that WAIT for replicas, on the one connection they share. WAIT blocks its
 * connection until it answers, so sends are written in batches: while one batch WAITs, the next
 * gathers, then goes out as its appends and one WAIT covering them all. Without that, each send
 * would queue behind the WAIT of every send before it (ten sends to a master that lost its replica:
 * the last settled after ten timeouts). Every send settles within `deadlineMs` plus its own WAIT
 * timeout: past that it fails with {@link RedisUnavailableError} (Redis unreachable, e.g. during a
 * failover), and if it was not written yet it never is.
 */
export class ReplicatedSends {
  private next: ReplicatedSend[] = [];
  private writing = false;

  constructor(
    private readonly connection: () => Redis,
    private readonly keys: MasKeySpace,
    /** The command deadline (ms): how long Redis may take to answer, the WAIT timeout aside. */
    private readonly deadlineMs: number,
    /** The Redis URL, credentials masked (named in errors). */
    private readonly url: string,
  ) {}

  /**
   * Appends `payload` to the inbox of `targetId`, then WAITs for `count` replicas (at most
   * `timeoutMs`); resolves with how many confirmed.
   * @throws InboxFullError when the inbox is full; RedisUnavailableError past the deadline
   */
  send(targetId: string, payload: string, count: number, timeoutMs: number): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const limitMs = this.deadlineMs + timeoutMs;
      const send: ReplicatedSend = { targetId, payload, count, timeoutMs, settled: false, resolve, reject };
      const timer = setTimeout(() => {
        if (send.settled) return;
        send.settled = true;
        reject(new RedisUnavailableError(this.url, `no answer within ${limitMs} ms (replica wait included)`));
      }, limitMs);
      timer.unref();
      send.resolve = (acked) => {
        clearTimeout(timer);
        if (!send.settled) resolve(acked);
        send.settled = true;
      };
      send.reject = (error) => {
        clearTimeout(timer);
        if (!send.settled) reject(error);
        send.settled = true;
      };
      this.next.push(send);
      void this.write();
    });
  }

  /** Writes the gathered batches one after the other, until none is left. */
  private async write(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.next.length) {
        // A send whose deadline passed while it waited for its batch is not written at all.
        const batch = this.next.filter((send) => !send.settled);
        this.next = [];
        if (batch.length) await this.writeBatch(batch);
      }
    } finally {
      this.writing = false;
    }
  }

  private async writeBatch(batch: ReplicatedSend[]): Promise<void> {
    const redis = this.connection();
    const appended = await Promise.all(batch.map((send) => appendToInbox(redis, this.keys, send.targetId, send.payload).then(
      () => true,
      (error: unknown) => {
        send.reject(error);
        return false;
      },
    )));
    const written = batch.filter((_, i) => appended[i]);
    if (!written.length) return;
    const count = Math.max(...written.map((send) => send.count));
    const timeoutMs = Math.max(...written.map((send) => send.timeoutMs));
    // One WAIT covers every write of the connection. On a cluster each node has a connection of its
    // own: one WAIT per inbox, each sent to the node that holds it.
    const inboxes = isClusterClient(redis) ? [...new Set(written.map((send) => this.keys.inbox(send.targetId)))] : [this.keys.inbox(written[0].targetId)];
    const acks = new Map<string, number>();
    try {
      await Promise.all(inboxes.map(async (inbox) => acks.set(inbox, await waitForReplicas(redis, inbox, count, timeoutMs))));
    } catch (error) {
      for (const send of written) send.reject(error);
      return;
    }
    for (const send of written) send.resolve(acks.get(this.keys.inbox(send.targetId)) ?? acks.get(inboxes[0])!);
  }
}
