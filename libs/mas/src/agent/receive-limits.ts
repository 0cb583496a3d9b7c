import type Redis from 'ioredis';
import type { MasKeySpace } from '../redis/keys';
import { isConnectionError } from '../redis/redis-errors';
import type { InboxOverflow } from '../transport/inbox-options.interfaces';
import { appendToInbox, appendUnchecked } from '../transport/outbound';

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

/**
 * How full a target's inbox looked to this sender, in reliable sends counted from the start (every
 * send to the target has a sequence number; sends leave in that order on the one command connection,
 * so a capacity-checked append reports a length covering every send before it).
 */
export interface InboxFill {
  /** Inbox length the latest answered capacity check reported (-1: none yet, or the last one failed). */
  length: number;
  /** Sequence number of the first send that length does not cover (the one after that check). */
  coveredUpTo: number;
  /** Reliable sends to the target so far (the next send's sequence number). */
  sent: number;
  /** Sequence number of the latest capacity-checked send (answered or not). */
  lastCheck: number;
}

/** What a sender knows of one target: its declared limits and how full its inbox looked. */
export interface TargetInfo {
  /** Declared `maxMessageBytes`, or null when the target declared none. */
  maxMessageBytes: number | null;
  /** Declared inbox capacity, or null when the target declared none. */
  inboxCapacity: number | null;
  /** How full its inbox looked (kept across look-ups of the limits). */
  fill: InboxFill;
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
    const fill = previous?.fill ?? emptyFill();
    const unknown: TargetInfo = { maxMessageBytes: null, inboxCapacity: null, fill };
    // Not connected: no lookup that would wait in ioredis's offline queue; what was known applies.
    if (this.redis.status !== 'ready') return Promise.resolve(previous ?? unknown);
    const entry: CachedTarget = { lookup: Promise.resolve(unknown), at: now };
    // Never checked yet: the inbox's length comes with the limits (acknowledged entries included,
    // so it over-counts), covering every send written before it, so the first sends need no check.
    const sequence = fill.sent - 1;
    const pipeline = this.redis.pipeline().hmget(this.keys.inboxLimits(targetId), LIMIT_FIELDS.maxMessageBytes, LIMIT_FIELDS.inboxCapacity);
    if (fill.length < 0) pipeline.xlen(this.keys.inbox(targetId));
    entry.lookup = pipeline.exec().then(
      (results) => {
        const [limitsError, limits] = results?.[0] ?? [new Error('no reply')];
        if (limitsError) throw limitsError;
        const [bytes, capacity] = limits as Array<string | null>;
        const [lengthError, length] = results?.[1] ?? [null, undefined];
        if (!lengthError && typeof length === 'number' && fill.length < 0) this.checked(unknown, sequence, length);
        entry.info = { maxMessageBytes: bytes ? Number(bytes) : null, inboxCapacity: capacity ? Number(capacity) : null, fill };
        return entry.info;
      },
    ).catch(
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
   * was less than half full at the last answered check, counting every send since that check
   * (other senders may have added since: the half left free is the margin), and fewer than
   * {@link UNCHECKED_MAX_SENDS} sends went since the last check was made. Counts the send. When it
   * returns false the caller makes a checked append: {@link startCheck} numbers it, {@link checked}
   * or {@link checkFailed} reports how it went.
   */
  mayAppendUnchecked(info: TargetInfo): boolean {
    const { inboxCapacity, fill } = info;
    if (inboxCapacity === null || inboxCapacity < UNCHECKED_MIN_CAPACITY || fill.length < 0) return false;
    if (fill.sent - fill.lastCheck > UNCHECKED_MAX_SENDS) return false;
    if (fill.length + (fill.sent - fill.coveredUpTo) >= inboxCapacity / 2) return false;
    fill.sent += 1;
    return true;
  }

  /**
   * Appends `payload` to `targetId`'s inbox within the capacity it declared: a plain XADD while
   * {@link mayAppendUnchecked}, otherwise the capacity-checked script, whose answer (or failure)
   * updates `info`. Resolves once written, never with undefined (the entry id, or the inbox's length
   * after a checked append); the plain path's promise is returned as it is (no async frame on the
   * common path).
   * @throws InboxFullError when the inbox is full and its receiver refuses new messages.
   */
  append(info: TargetInfo, targetId: string, payload: string): Promise<unknown> {
    if (this.mayAppendUnchecked(info)) return appendUnchecked(this.redis, this.keys, targetId, payload);
    return this.appendChecked(info, targetId, payload);
  }

  private async appendChecked(info: TargetInfo, targetId: string, payload: string): Promise<number> {
    const sequence = this.startCheck(info);
    try {
      const length = await appendToInbox(this.redis, this.keys, targetId, payload);
      this.checked(info, sequence, length);
      return length;
    } catch (error) {
      this.checkFailed(info);
      throw error;
    }
  }

  /** Counts a capacity-checked send about to be written; returns its sequence number. */
  startCheck(info: TargetInfo): number {
    const { fill } = info;
    fill.lastCheck = fill.sent;
    fill.sent += 1;
    return fill.lastCheck;
  }

  /** Records the length the capacity-checked append `sequence` reported (unless a later check answered first). */
  checked(info: TargetInfo, sequence: number, inboxLength: number): void {
    const { fill } = info;
    if (sequence + 1 < fill.coveredUpTo) return;
    fill.length = inboxLength;
    fill.coveredUpTo = sequence + 1;
  }

  /**
   * A capacity-checked append failed (full, or Redis unreachable): every send is checked until a
   * later one succeeds (the answer of an earlier check, arriving after, is ignored).
   */
  checkFailed(info: TargetInfo): void {
    info.fill.length = -1;
    info.fill.coveredUpTo = info.fill.sent;
  }
}

function emptyFill(): InboxFill {
  return { length: -1, coveredUpTo: 0, sent: 0, lastCheck: 0 };
}
