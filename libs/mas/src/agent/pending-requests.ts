import { RequestAbortedError, RequestTimeoutError } from '../errors';
import { AgentMessage, errorFromWire } from '../protocol';

interface Pending {
  targetId: string;
  /** The only sender whose reply settles it. */
  from: string;
  messageType: string;
  resolve(reply: AgentMessage): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Requests waiting for their reply, by correlation id; each with its own timeout. */
export class PendingRequests {
  private readonly pending = new Map<string, Pending>();

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
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        reject(new RequestTimeoutError(targetId, messageType, timeoutMs));
      }, timeoutMs);
      this.pending.set(correlationId, { targetId, from, messageType, resolve, reject, timer });
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
    this.pending.delete(id);
    clearTimeout(entry.timer);
    if (reply.meta.error) entry.reject(errorFromWire(reply.meta.error, { senderId: reply.senderId, messageType: entry.messageType }));
    else entry.resolve(reply);
    return true;
  }

  /** Rejects one request (e.g. its publish failed or reached nobody). */
  fail(correlationId: string, error: Error): void {
    const entry = this.pending.get(correlationId);
    if (!entry) return;
    this.pending.delete(correlationId);
    clearTimeout(entry.timer);
    entry.reject(error);
  }

  /** Rejects every waiting request with {@link RequestAbortedError}. */
  abortAll(reason: string): void {
    for (const [id, entry] of this.pending) {
      this.pending.delete(id);
      clearTimeout(entry.timer);
      entry.reject(new RequestAbortedError(entry.targetId, entry.messageType, reason));
    }
  }
}
