import type { MasLogger } from '../util/mas-logger';
import type Redis from 'ioredis';
import type { Cluster } from 'ioredis';
import { isClusterClient } from './pubsub';

/** How often the command watchdog looks (ms). */
const WATCHDOG_EVERY_MS = 100;

/** A queue of ioredis commands (its `commandQueue`, or the offline queue it holds while reconnecting). */
interface WatchedQueue {
  length: number;
  peekFront(): { command: { reject(error: Error): void } } | undefined;
  toArray(): Array<{ command: { reject(error: Error): void } }>;
  clear(): void;
}

/** Notices a queue whose head has not moved for `deadlineMs`, and fails what it holds. */
class QueueWatch {
  private head: unknown;
  private since = 0;

  constructor(private readonly deadlineMs: number) {}

  /**
   * True (after rejecting and clearing every command of `queue`) when its head waited too long.
   * `beforeClear` runs first: for the queue of sent commands it must cut the socket, so that no late
   * reply arrives for a command no longer queued.
   */
  expired(queue: WatchedQueue, beforeClear?: () => void): boolean {
    const front = queue.length ? queue.peekFront() : undefined;
    if (front !== this.head) {
      this.head = front;
      this.since = Date.now();
      return false;
    }
    if (!front || Date.now() - this.since < this.deadlineMs) return false;
    this.head = undefined;
    const waiting = queue.toArray();
    beforeClear?.();
    queue.clear();
    for (const item of waiting) item.command.reject(new Error(`Command timed out after ${this.deadlineMs} ms`));
    return true;
  }
}

/**
 * Fails the commands of a connection that wait too long: when the command at the head of its queue —
 * sent and unanswered (a hung server, a half-open TCP connection), or held by ioredis while it
 * reconnects — has waited `deadlineMs`, every command of that queue is rejected ("Command timed out");
 * a connection that hung is re-established. On a cluster client each node's connection is watched
 * the same way (a hung master fails the commands sent to it; the others go on), and so is the
 * cluster's own queue while it is not ready. No timer per command: one check every 100 ms. Returns
 * the timer (clear it when the connection closes).
 */
export function watchCommands(client: Redis, deadlineMs: number, logger: MasLogger, url: () => string): NodeJS.Timeout {
  const cluster = isClusterClient(client) ? (client as unknown as Cluster) : undefined;
  const watches = new WeakMap<object, { sent: QueueWatch; held: QueueWatch }>();
  const watchesOf = (connection: object) => {
    let found = watches.get(connection);
    if (!found) watches.set(connection, (found = { sent: new QueueWatch(deadlineMs), held: new QueueWatch(deadlineMs) }));
    return found;
  };
  const where = (node: Redis) => (cluster ? `${url()} (node ${node.options.host}:${node.options.port})` : url());
  return setInterval(() => {
    for (const node of cluster ? cluster.nodes('all') : [client]) watchConnection(node, watchesOf(node), deadlineMs, logger, where(node));
    // A cluster holds commands in a queue of its own until it is ready (at start, after losing every node).
    const offline = cluster && cluster.status !== 'ready' ? (cluster as unknown as { offlineQueue?: WatchedQueue }).offlineQueue : undefined;
    if (offline && watchesOf(cluster!).held.expired(offline)) logger.warn?.(`Redis at ${url()} unreachable for ${deadlineMs} ms: failed the commands waiting for it`);
  }, WATCHDOG_EVERY_MS).unref();
}

function watchConnection(client: Redis, watch: { sent: QueueWatch; held: QueueWatch }, deadlineMs: number, logger: MasLogger, where: string): void {
  const ready = client.status === 'ready';
  // A hung connection is cut (no reply may arrive for the failed commands; ioredis reconnects).
  const cut = () => (client as unknown as { stream?: { destroy(): void } }).stream?.destroy();
  if (ready && watch.sent.expired(client.commandQueue as unknown as WatchedQueue, cut)) {
    logger.error(`Redis at ${where} answered nothing for ${deadlineMs} ms: failed the waiting commands, reconnecting`);
  }
  // ioredis's offline queue is not part of its typed API; it holds commands while reconnecting.
  const offline = (client as unknown as { offlineQueue?: WatchedQueue }).offlineQueue;
  if (!ready && offline && watch.held.expired(offline)) {
    logger.warn?.(`Redis at ${where} unreachable for ${deadlineMs} ms: failed the commands waiting for it`);
  }
}
