import type { MasLogger } from '../util/mas-logger';
import type Redis from 'ioredis';
import type { MasClientRole, MasConnection } from '../redis/mas-connection';
import { errorMessageOf, isBusyGroupError, isNoGroupError } from '../redis/redis-errors';
import { settleWithin } from '../util/settle-within';
import { sleep } from '../util/sleep';

/** How long `stop` waits for the read loop to come round (it is stuck only while Redis is unreachable). */
const LOOP_EXIT_MS = 500;

/** One stream entry handed to the handler of a {@link StreamGroupReader}. */
export interface StreamGroupEntry {
  /** The stream entry id. */
  id: string;
  /** The entry's field/value list; null when the entry was deleted from the stream while pending. */
  fields: string[] | null;
  /** Deliveries of the entry so far, this one included (1 = first read). */
  attempt: number;
}

/**
 * Receives a batch of entries, each already holding an in-flight slot. It must call
 * {@link StreamGroupReader.finished} for every entry once done with it. When it rejects, the reader
 * frees the whole batch (and reports the error as a failed read), so it should reject only before it
 * started on any entry.
 */
export type StreamGroupHandler = (entries: StreamGroupEntry[]) => Promise<void> | void;

/** What a {@link StreamGroupReader} reads and how. */
export interface StreamGroupReaderOptions {
  /** Stream key. */
  stream: string;
  /** Consumer group name. */
  group: string;
  /** This process's consumer name in the group. */
  consumer: string;
  /** Where a newly created group starts: '0' (every entry, as inboxes want) or '$' (new ones only). Default '0'. */
  startId?: string;
  /** Entries held at once (backpressure): reads and reclaims never take more than the free slots. */
  maxInFlight: number;
  /** XREADGROUP BLOCK time in ms. */
  blockMs: number;
  /** Entries pending longer than this are claimed (XAUTOCLAIM every `claimIdleMs / 2`). */
  claimIdleMs: number;
  /** Prefix of log lines, e.g. 'Inbox' gives "Inbox read failed: ...". */
  label: string;
  /** Where warnings go. */
  logger: Pick<MasLogger, 'warn'>;
  /**
   * Role of the blocking connection, opened with {@link MasConnection.dedicated} on start and
   * disconnected on stop (it names the client, e.g. 'inbox' gives `mas-inbox`). Default 'stream-reader'.
   */
  connectionRole?: MasClientRole;
  /** Called each time a missing group (Redis restarted without persistence) was recreated. */
  onGroupRecreated?: () => void;
  /**
   * Reads on while the handler is still busy with the previous read (its asynchronous part: e.g. a
   * dedup lookup before the entries run), as long as slots are free, instead of waiting for its
   * promise. A rejection then frees its batch and is logged as a failed read. Default false.
   */
  overlapReads?: boolean;
}

/**
 * Reads a stream as one consumer of a consumer group, the mechanism under an agent's reliable inbox
 * and the gateway's ingress: new entries with XREADGROUP on a blocking connection of its own,
 * entries idle too long (their consumer died, or gave up) with XAUTOCLAIM, whose cursor goes on
 * where the last round stopped so no idle entry starves, with their delivery counts from XPENDING.
 * At most `maxInFlight` entries are held at once; the owner frees a slot with {@link finished}.
 * Running entries with a lease ({@link holdLease}) are kept claimed (XCLAIM JUSTID every
 * `claimIdleMs / 3`) until the lease ends. A missing group is recreated, in the read loop and in
 * reclaim. Acking, dead-lettering and what an entry means stay with the owner.
 */
export class StreamGroupReader {
  /** When the read loop last came round (epoch ms), for health checks. */
  lastReadAt = 0;
  /** Entries in flight: id → lease end (epoch ms; 0 = no lease). */
  private readonly slots = new Map<string, number>();
  private blocking?: Redis;
  private running = false;
  private loop?: Promise<void>;
  private timers: NodeJS.Timeout[] = [];
  private slotFreed?: () => void;
  private drained?: () => void;
  private claimCursor = '0-0';
  private readonly command: Redis;

  constructor(
    private readonly connection: MasConnection,
    private readonly options: StreamGroupReaderOptions,
    private readonly handler: StreamGroupHandler,
  ) {
    this.command = connection.command;
  }

  /** True between {@link start} and {@link stop}. */
  get active(): boolean {
    return this.running;
  }

  /** Entries currently in flight. */
  get inFlight(): number {
    return this.slots.size;
  }

  /** Creates the group if needed (with the stream), opens the blocking connection and starts reading and reclaiming. */
  async start(): Promise<void> {
    await this.ensureGroup();
    this.blocking = this.connection.dedicated(this.options.connectionRole ?? 'stream-reader');
    this.running = true;
    this.lastReadAt = Date.now();
    this.loop = this.readLoop();
    const every = (ms: number, fn: () => Promise<void>) => this.timers.push(setInterval(() => void fn(), Math.max(20, ms)));
    every(this.options.claimIdleMs / 2, () => this.reclaim());
    every(this.options.claimIdleMs / 3, () => this.extendLeases());
  }

  /**
   * Stops reading and reclaiming, closes the blocking connection, then waits until every entry in
   * flight is finished, for at most `drainMs`.
   */
  async stop(drainMs = Infinity): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    this.blocking?.disconnect();
    this.wakeReader();
    // The loop ends at once unless a command of the handler's is stuck on an unreachable Redis.
    if (this.loop) await settleWithin(this.loop, LOOP_EXIT_MS);
    if (!this.slots.size) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.drained = resolve;
      if (Number.isFinite(drainMs)) timer = setTimeout(resolve, drainMs);
    });
    clearTimeout(timer);
    this.drained = undefined;
  }

  /** Frees the slot of an entry handed to the handler (handled, acked, dead-lettered or left pending). */
  finished(id: string): void {
    if (!this.slots.delete(id)) return;
    this.wakeReader();
    if (!this.slots.size) this.drained?.();
  }

  /** Keeps an entry in flight claimed by this consumer until `untilMs` (epoch ms), e.g. its handler's deadline. */
  holdLease(id: string, untilMs: number): void {
    if (this.slots.has(id)) this.slots.set(id, untilMs);
  }

  /** Creates the group at `startId` (and the stream) unless it exists. */
  async ensureGroup(): Promise<void> {
    const { stream, group, startId = '0' } = this.options;
    try {
      await this.command.xgroup('CREATE', stream, group, startId, 'MKSTREAM');
    } catch (error) {
      if (!isBusyGroupError(error)) throw error;
    }
  }

  /**
   * Lets a read loop waiting for room go on, once the current microtasks ran: the slots of a batch
   * are freed by one promise chain each, and reading after the first would take one entry at a time.
   */
  private wakeReader(): void {
    const wake = this.slotFreed;
    if (!wake) return;
    this.slotFreed = undefined;
    process.nextTick(wake);
  }

  private async readLoop(): Promise<void> {
    const { stream, group, consumer, maxInFlight, blockMs } = this.options;
    while (this.running) {
      this.lastReadAt = Date.now();
      const room = maxInFlight - this.slots.size;
      if (room <= 0) {
        await new Promise<void>((resolve) => (this.slotFreed = resolve));
        continue;
      }
      try {
        const result = (await this.blocking!.xreadgroup(
          'GROUP', group, consumer,
          'COUNT', room, 'BLOCK', blockMs,
          'STREAMS', stream, '>',
        )) as Array<[string, Array<[string, string[] | null]>]> | null;
        if (!result) continue;
        const handing = this.handOver(result[0][1].map(([id, fields]) => ({ id, fields, attempt: 1 })));
        if (this.options.overlapReads) handing.catch((error: unknown) => this.running && this.options.logger.warn?.(`${this.options.label} read failed: ${errorMessageOf(error)}`));
        else await handing;
      } catch (error) {
        if (!this.running) break;
        await this.recover(error);
      }
    }
  }

  /** Recreates a missing group; after another error, waits a little before the next read. */
  private async recover(error: unknown): Promise<void> {
    if (isNoGroupError(error)) {
      this.options.logger.warn?.(`${this.options.label} group missing (Redis restarted?): recreating it`);
      this.options.onGroupRecreated?.();
      await this.ensureGroup().catch(() => undefined);
      return;
    }
    this.options.logger.warn?.(`${this.options.label} read failed: ${errorMessageOf(error)}`);
    await sleep(200);
  }

  /** Gives each entry not already in flight a slot and passes them to the handler. */
  private async handOver(entries: StreamGroupEntry[]): Promise<void> {
    let fresh = entries;
    if (entries.some((entry) => this.slots.has(entry.id))) fresh = entries.filter((entry) => !this.slots.has(entry.id));
    if (!fresh.length) return;
    for (const entry of fresh) this.slots.set(entry.id, 0);
    try {
      await this.handler(fresh);
    } catch (error) {
      for (const entry of fresh) this.finished(entry.id);
      throw error;
    }
  }

  /** Claims entries idle longer than `claimIdleMs` into the free slots, with their delivery counts. */
  private async reclaim(): Promise<void> {
    const { stream, group, consumer, maxInFlight, claimIdleMs } = this.options;
    const room = maxInFlight - this.slots.size;
    if (!this.running || room <= 0) return;
    try {
      const [next, claimed] = (await this.command.xautoclaim(
        stream, group, consumer, claimIdleMs, this.claimCursor, 'COUNT', room,
      )) as [string, Array<[string, string[] | null] | null>];
      this.claimCursor = next;
      const live = claimed.filter((e): e is [string, string[] | null] => !!e && !this.slots.has(e[0]));
      if (!live.length) return;
      const pipeline = this.command.pipeline();
      for (const [id] of live) pipeline.xpending(stream, group, id, id, 1);
      const counts = (await pipeline.exec()) ?? [];
      await this.handOver(live.map(([id, fields], i) => {
        const rows = counts[i]?.[1] as Array<[string, string, number, number]> | undefined;
        return { id, fields, attempt: Number(rows?.[0]?.[3] ?? 2) };
      }));
    } catch (error) {
      if (isNoGroupError(error)) await this.recover(error);
      else if (this.running) this.options.logger.warn?.(`${this.options.label} reclaim failed: ${errorMessageOf(error)}`);
    }
  }

  /** Resets the idle time of entries in flight whose lease has not ended. */
  private async extendLeases(): Promise<void> {
    const now = Date.now();
    const ids = [...this.slots].filter(([, until]) => until > now).map(([id]) => id);
    if (!ids.length) return;
    const { stream, group, consumer } = this.options;
    await this.command.xclaim(stream, group, consumer, 0, ...ids, 'JUSTID').catch(() => undefined);
  }
}
