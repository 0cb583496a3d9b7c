import type Redis from 'ioredis';
import { MasKeys } from '../redis/keys';
import { isConnectionError } from '../redis/redis-errors';
import type { InboxOverflow } from '../transport/inbox-options.interfaces';

/** Fields of an agent's limits hash ({@link MasKeys.inboxLimits}). */
export const LIMIT_FIELDS = {
  maxMessageBytes: 'max_message_bytes',
  inboxCapacity: 'inbox_capacity',
  inboxOverflow: 'inbox_overflow',
} as const;

/** What an agent declares at start about what it accepts. */
export interface ReceiveLimits {
  /** Largest envelope it accepts, in bytes. */
  maxMessageBytes: number;
  /** Unacknowledged messages its inbox holds (reliable agents). */
  inboxCapacity?: number;
  /** What a send to its full inbox does (reliable agents). */
  inboxOverflow?: InboxOverflow;
}

/** Writes the limits `agentId` declares; senders read them before sending. */
export async function declareReceiveLimits(redis: Redis, agentId: string, limits: ReceiveLimits): Promise<void> {
  const fields: Array<string | number> = [LIMIT_FIELDS.maxMessageBytes, limits.maxMessageBytes];
  if (limits.inboxCapacity !== undefined) fields.push(LIMIT_FIELDS.inboxCapacity, limits.inboxCapacity);
  if (limits.inboxOverflow !== undefined) fields.push(LIMIT_FIELDS.inboxOverflow, limits.inboxOverflow);
  await redis.hset(MasKeys.inboxLimits(agentId), ...fields);
}

interface CachedLimit {
  limit: Promise<number | undefined>;
  /** The limit once the lookup answered: a number, or null when the target declared none. */
  value?: number | null;
  at: number;
}

/**
 * The largest envelope each target accepts, from the limits it declared at start, cached for
 * `ttlMs` per target (at most `maxTargets` remembered). A target that declared nothing (not started
 * yet, an agent of the Python implementation) has no known limit.
 */
export class TargetLimits {
  private readonly cache = new Map<string, CachedLimit>();

  constructor(
    private readonly redis: Redis,
    private readonly ttlMs = 10_000,
    private readonly maxTargets = 10_000,
  ) {}

  /**
   * The target's `maxMessageBytes` when already looked up and fresh: a number, null when it declared
   * none, undefined when it must be looked up ({@link maxMessageBytes}). The send path's fast lane.
   */
  known(targetId: string): number | null | undefined {
    const cached = this.cache.get(targetId);
    return cached && Date.now() - cached.at < this.ttlMs ? cached.value : undefined;
  }

  /** The target's `maxMessageBytes`, when it declared one. */
  maxMessageBytes(targetId: string): Promise<number | undefined> {
    const now = Date.now();
    const cached = this.cache.get(targetId);
    if (cached && now - cached.at < this.ttlMs) return cached.limit;
    // Not connected: no lookup that would wait in ioredis's offline queue; the default applies.
    if (this.redis.status !== 'ready') return Promise.resolve(cached?.limit ?? undefined);
    const entry: CachedLimit = { limit: Promise.resolve(undefined), at: now };
    entry.limit = this.redis.hget(MasKeys.inboxLimits(targetId), LIMIT_FIELDS.maxMessageBytes).then(
      (value) => {
        entry.value = value ? Number(value) : null;
        return entry.value ?? undefined;
      },
      (error: unknown) => {
        this.cache.delete(targetId); // not cached: the next send asks again
        if (isConnectionError(error)) throw error; // the send fails as Redis is unreachable
        return undefined; // e.g. not allowed to read it: the default applies
      },
    );
    if (this.cache.size >= this.maxTargets) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(targetId, entry);
    return entry.limit;
  }
}
