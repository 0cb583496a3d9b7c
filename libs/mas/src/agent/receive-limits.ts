import type Redis from 'ioredis';
import type { MasKeySpace } from '../redis/keys';
import { isConnectionError } from '../redis/redis-errors';
import type { InboxOverflow } from '../transport/inbox-options.interfaces';

/** Fields of an agent's limits hash ({@link MasKeySpace.inboxLimits}). */
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
export async function declareReceiveLimits(redis: Redis, keys: MasKeySpace, agentId: string, limits: ReceiveLimits): Promise<void> {
  const fields: Array<string | number> = [LIMIT_FIELDS.maxMessageBytes, limits.maxMessageBytes];
  if (limits.inboxCapacity !== undefined) fields.push(LIMIT_FIELDS.inboxCapacity, limits.inboxCapacity);
  if (limits.inboxOverflow !== undefined) fields.push(LIMIT_FIELDS.inboxOverflow, limits.inboxOverflow);
  await redis.hset(keys.inboxLimits(agentId), ...fields);
}

/** What a sender knows of one target: its declared limits and how full its inbox looked. */
export interface TargetInfo {
  /** Declared `maxMessageBytes`, or null when the target declared none. */
  maxMessageBytes: number | null;
  /** Declared inbox capacity, or null when the target declared none. */
  inboxCapacity: number | null;
  /** Inbox length the last capacity-checked append reported (-1: none yet). */
  inboxLength: number;
  /** Reliable sends since that check that skipped it. */
  unchecked: number;
}

interface CachedTarget {
  lookup: Promise<TargetInfo>;
  info?: TargetInfo;
  at: number;
}

/** Inboxes smaller than this are always capacity-checked. */
const UNCHECKED_MIN_CAPACITY = 4_096;
/** A sender checks the capacity at least every this many reliable sends to one target. */
const UNCHECKED_MAX_SENDS = 256;

/**
 * What each target declared at start (`maxMessageBytes`, inbox capacity), cached for `ttlMs` per
 * target (at most `maxTargets` remembered), and how full its inbox looked. A target that declared
 * nothing (not started yet, an agent of the Python implementation) has no known limits.
 */
export class TargetLimits {
  private readonly cache = new Map<string, CachedTarget>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: MasKeySpace,
    private readonly ttlMs = 10_000,
    private readonly maxTargets = 10_000,
  ) {}

  /** The target's info when already looked up and fresh; undefined when it must be looked up. */
  known(targetId: string): TargetInfo | undefined {
    const cached = this.cache.get(targetId);
    return cached && Date.now() - cached.at < this.ttlMs ? cached.info : undefined;
  }

  /** The target's info (looked up once per `ttlMs`). */
  lookup(targetId: string): Promise<TargetInfo> {
    const now = Date.now();
    const cached = this.cache.get(targetId);
    if (cached && now - cached.at < this.ttlMs) return cached.lookup;
    const previous = cached?.info;
    const unknown: TargetInfo = { maxMessageBytes: null, inboxCapacity: null, inboxLength: -1, unchecked: 0 };
    // Not connected: no lookup that would wait in ioredis's offline queue; what was known applies.
    if (this.redis.status !== 'ready') return Promise.resolve(previous ?? unknown);
    const entry: CachedTarget = { lookup: Promise.resolve(unknown), at: now };
    entry.lookup = this.redis.hmget(this.keys.inboxLimits(targetId), LIMIT_FIELDS.maxMessageBytes, LIMIT_FIELDS.inboxCapacity).then(
      ([bytes, capacity]) => {
        entry.info = {
          maxMessageBytes: bytes ? Number(bytes) : null,
          inboxCapacity: capacity ? Number(capacity) : null,
          inboxLength: previous?.inboxLength ?? -1,
          unchecked: previous?.unchecked ?? 0,
        };
        return entry.info;
      },
      (error: unknown) => {
        this.cache.delete(targetId); // not cached: the next send asks again
        if (isConnectionError(error)) throw error; // the send fails as Redis is unreachable
        return unknown; // e.g. not allowed to read it: the defaults apply
      },
    );
    if (this.cache.size >= this.maxTargets) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(targetId, entry);
    return entry.lookup;
  }

  /**
   * True when a reliable send to this target may skip the capacity check: its inbox is large and
   * was less than half full at the last check, taken at most {@link UNCHECKED_MAX_SENDS} sends ago.
   * (Other senders may have added since: the half left free is the margin.) Counts the skip.
   */
  mayAppendUnchecked(info: TargetInfo): boolean {
    const { inboxCapacity, inboxLength, unchecked } = info;
    if (inboxCapacity === null || inboxCapacity < UNCHECKED_MIN_CAPACITY || inboxLength < 0) return false;
    if (unchecked >= UNCHECKED_MAX_SENDS || inboxLength + unchecked >= inboxCapacity / 2) return false;
    info.unchecked += 1;
    return true;
  }

  /** Records the length a capacity-checked append reported. */
  checked(info: TargetInfo, inboxLength: number): void {
    info.inboxLength = inboxLength;
    info.unchecked = 0;
  }
}
