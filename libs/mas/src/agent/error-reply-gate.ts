import type Redis from 'ioredis';
import type { MasKeySpace } from '../redis/keys';

/** Tuning of an {@link ErrorReplyGate}. */
export interface ErrorReplyGateOptions {
  /** Error replies one sender may receive in a burst. Default 200. */
  burst: number;
  /** Error replies per second one sender gets back after a burst. Default 100. */
  perSecond: number;
  /** How long "this sender is (not) reachable" is remembered, in ms. Default 5 000. */
  cacheMs: number;
  /** Senders remembered at most (oldest forgotten first). Default 10 000. */
  maxSenders: number;
}

const DEFAULTS: ErrorReplyGateOptions = { burst: 200, perSecond: 100, cacheMs: 5_000, maxSenders: 10_000 };

interface SenderEntry {
  reachable: Promise<boolean>;
  checkedAt: number;
  tokens: number;
  refilledAt: number;
}

/**
 * Decides whether an error reply may go out, so that a stream of bad requests claiming made-up (or
 * someone else's) sender ids cannot turn an agent into an amplifier: only senders that exist — a
 * registered agent, or a client listening on its channel (an unregistered `MasClient`) — get error
 * replies, each at most `burst` at once and `perSecond` after that. Memory is bounded by `maxSenders`.
 */
export class ErrorReplyGate {
  private readonly options: ErrorReplyGateOptions;
  private readonly senders = new Map<string, SenderEntry>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: MasKeySpace,
    options: Partial<ErrorReplyGateOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** True when an error reply to `senderId` may be sent now (it then uses up one of the sender's tokens). */
  async admit(senderId: string): Promise<boolean> {
    const entry = this.entryOf(senderId);
    if (!(await entry.reachable)) return false;
    const now = Date.now();
    entry.tokens = Math.min(this.options.burst, entry.tokens + ((now - entry.refilledAt) / 1000) * this.options.perSecond);
    entry.refilledAt = now;
    if (entry.tokens < 1) return false;
    entry.tokens -= 1;
    return true;
  }

  private entryOf(senderId: string): SenderEntry {
    const now = Date.now();
    let entry = this.senders.get(senderId);
    if (!entry) {
      if (this.senders.size >= this.options.maxSenders) this.senders.delete(this.senders.keys().next().value!);
      entry = { reachable: this.reachable(senderId), checkedAt: now, tokens: this.options.burst, refilledAt: now };
      this.senders.set(senderId, entry);
    } else if (now - entry.checkedAt > this.options.cacheMs) {
      entry.reachable = this.reachable(senderId);
      entry.checkedAt = now;
    }
    return entry;
  }

  private async reachable(senderId: string): Promise<boolean> {
    try {
      const results = await this.redis.pipeline().exists(this.keys.agent(senderId)).pubsub('NUMSUB', this.keys.agentChannel(senderId)).exec();
      const registered = Number(results?.[0]?.[1] ?? 0) > 0;
      const listeners = Number((results?.[1]?.[1] as [string, number] | undefined)?.[1] ?? 0);
      return registered || listeners > 0;
    } catch {
      return true; // Redis unreachable: the reply will fail on its own; do not hide the error behind the gate
    }
  }
}
