import type Redis from 'ioredis';
import type { Logger } from '@nestjs/common';
import { errorMessageOf, isBusyGroupError, isNoGroupError, MasConnection, settleWithin, sleep, StreamGroupEntry } from '@mas/core';

/** How long `stop` waits for the read loop to come round. */
const LOOP_EXIT_MS = 500;
/** Growth of a stream's read COUNT after a read whose entries were all within the size limit. */
const COUNT_GROWTH = 4;
/** Pause between two reads of the suspect streams: their oversized entries take a bounded share of the event loop. */
const SUSPECT_PAUSE_MS = 20;

/** An entry of an agent's stream as the reader hands it over. */
export interface AgentIngressEntry extends StreamGroupEntry {
  /** Over `maxEntryBytes`: its fields are not kept (`[]`), it is only to be dropped. */
  oversized?: boolean;
}

/** Receives the entries read from one agent's stream, each holding a slot until {@link AgentIngressReader.finished}. */
export type AgentIngressHandler = (stream: string, entries: AgentIngressEntry[]) => void;

/** What an {@link AgentIngressReader} reads and how. */
export interface AgentIngressReaderOptions {
  /** Consumer group (`mas-gateway`). */
  group: string;
  /** This instance's consumer name. */
  consumer: string;
  /** Entries held at once per stream: one agent's backlog never takes another's slots. */
  maxInFlightPerStream: number;
  /** Largest COUNT of one stream in one read. */
  maxCount: number;
  /** Longest XREADGROUP BLOCK in ms (a stream added meanwhile is read from the next round). */
  blockMs: number;
  /** Entries pending longer than this are claimed (XAUTOCLAIM every `claimIdleMs / 2`). */
  claimIdleMs: number;
  /**
   * Entries larger than this (bytes of their fields) are oversized: handed over without their fields
   * (never decoded), and their stream read apart, one entry at a time, until a read of it holds none.
   */
  maxEntryBytes: number;
  /** Prefix of log lines. */
  label: string;
  logger: Pick<Logger, 'warn'>;
}

/** One agent's ingress stream as the reader holds it. */
interface AgentStream {
  readonly stream: string;
  /** Entries in flight: id → lease end (epoch ms; 0 = no lease). */
  readonly slots: Map<string, number>;
  /**
   * COUNT of its next read: 1 for a stream not read yet or whose last read held an oversized entry,
   * times {@link COUNT_GROWTH} after each read within the size limit (up to its free slots).
   */
  count: number;
  claimCursor: string;
  /**
   * Not read yet, or its last read held an oversized entry: it is read on a connection of its own,
   * one entry at a time and in a command of its own, until a read of it holds none (so its huge
   * replies never hold back the other streams' reads).
   */
  suspect: boolean;
  /** It held an oversized entry (read after the streams not read yet). */
  oversized: boolean;
  /** False once dropped from the set: not read any more, forgotten once its slots are free. */
  listed: boolean;
}

/**
 * Reads the ingress streams of provisioned agents ({@link MasKeySpace.agentIngress}, each written by
 * its agent alone) of one shard as one consumer of the group `mas-gateway`, fairly: every stream has
 * `maxInFlightPerStream` slots of its own, a read takes at most its COUNT from each stream, and the
 * COUNT of a stream starts at 1 and grows only while its entries stay within `maxEntryBytes`, so a
 * backlog of huge entries is read one entry per round and does not hold back the other streams'
 * entries by more than that: replies are read as bytes and an oversized entry is measured, never
 * decoded, and handed over without its fields; a stream whose read held one is read apart, on a
 * second connection (XREADGROUP COUNT 1 BLOCK over those streams, a pause between two reads),
 * until a read of it holds none. While the last round
 * found entries the other streams are read without BLOCK, one XREADGROUP per distinct COUNT, the
 * smallest first (a quiet stream's entries are handed over, each reply as it arrives, before a
 * backlog's); otherwise one XREADGROUP COUNT 1 BLOCK over all of them.
 * Entries idle longer than `claimIdleMs` (a dead instance's) are claimed with XAUTOCLAIM, those in
 * flight with a lease kept claimed, and a missing group (the stream deleted, Redis restarted
 * without persistence) recreated, as {@link StreamGroupReader} does for one stream. The streams of
 * one reader share a hash slot on a cluster (one XREADGROUP may name them all).
 */
export class AgentIngressReader {
  /** When the read loop last came round (epoch ms), for health checks. */
  lastReadAt = 0;
  private readonly streams = new Map<string, AgentStream>();
  private blocking?: Redis;
  /** The connection the suspect streams are read on. */
  private apart?: Redis;
  private running = false;
  private loops: Array<Promise<void>> = [];
  private timers: NodeJS.Timeout[] = [];
  /** Lets each read loop waiting for something to read go on. */
  private readonly wakes = new Set<() => void>();
  private drained?: () => void;
  /** The last round found entries: the next one reads without BLOCK. */
  private hot = false;

  constructor(
    private readonly connection: MasConnection,
    private readonly options: AgentIngressReaderOptions,
    private readonly handler: AgentIngressHandler,
  ) {}

  /** True between {@link start} and {@link stop}. */
  get active(): boolean {
    return this.running;
  }

  /** Streams read (listed). */
  get size(): number {
    let listed = 0;
    for (const state of this.streams.values()) if (state.listed) listed += 1;
    return listed;
  }

  /**
   * Reads exactly `streams` from now on: those new get the group (from their start) unless they
   * have it; those gone are no longer read (their entries in flight finish as usual).
   */
  async setStreams(streams: readonly string[]): Promise<void> {
    const wanted = new Set(streams);
    const added: string[] = [];
    for (const stream of wanted) {
      const state = this.streams.get(stream);
      if (state?.listed) continue;
      added.push(stream); // new, or dropped and wanted again (its group may be gone): the group ensured first
    }
    for (const state of this.streams.values()) {
      if (wanted.has(state.stream)) continue;
      state.listed = false;
      if (!state.slots.size) this.streams.delete(state.stream);
    }
    if (!added.length) return;
    await this.ensureGroups(added, true);
    for (const stream of added) {
      const state = this.streams.get(stream);
      if (state) state.listed = true;
      else this.streams.set(stream, { stream, slots: new Map(), count: 1, claimCursor: '0-0', suspect: true, oversized: false, listed: true });
    }
    this.wakeReader();
  }

  /** Opens the blocking connection and starts reading and reclaiming. */
  start(): void {
    if (this.running) return;
    this.blocking = this.connection.dedicated('ingress');
    this.apart = this.connection.dedicated('ingress');
    this.running = true;
    this.lastReadAt = Date.now();
    this.loops = [this.readLoop(false), this.readLoop(true)];
    const every = (ms: number, fn: () => Promise<void>) => this.timers.push(setInterval(() => void fn(), Math.max(20, ms)));
    every(this.options.claimIdleMs / 2, () => this.reclaim());
    every(this.options.claimIdleMs / 3, () => this.extendLeases());
  }

  /** Stops reading and reclaiming, then waits until every entry in flight is finished, for at most `drainMs`. */
  async stop(drainMs = Infinity): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    this.blocking?.disconnect();
    this.apart?.disconnect();
    this.wakeReader();
    await settleWithin(Promise.all(this.loops), LOOP_EXIT_MS);
    if (!this.inFlight()) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.drained = resolve;
      if (Number.isFinite(drainMs)) timer = setTimeout(resolve, drainMs);
    });
    clearTimeout(timer);
    this.drained = undefined;
  }

  /** Frees the slot of an entry of `stream` handed to the handler. */
  finished(stream: string, id: string): void {
    const state = this.streams.get(stream);
    if (!state?.slots.delete(id)) return;
    if (!state.listed && !state.slots.size) this.streams.delete(stream);
    this.wakeReader();
    if (!this.inFlight()) this.drained?.();
  }

  /** Keeps an entry of `stream` in flight claimed by this consumer until `untilMs` (epoch ms). */
  holdLease(stream: string, id: string, untilMs: number): void {
    const slots = this.streams.get(stream)?.slots;
    if (slots?.has(id)) slots.set(id, untilMs);
  }

  private inFlight(): number {
    let held = 0;
    for (const state of this.streams.values()) held += state.slots.size;
    return held;
  }

  private room(state: AgentStream): number {
    return this.options.maxInFlightPerStream - state.slots.size;
  }

  private wakeReader(): void {
    if (!this.wakes.size) return;
    const wakes = [...this.wakes];
    this.wakes.clear();
    for (const wake of wakes) process.nextTick(wake);
  }

  /**
   * Creates the group (from the start) on each of `streams` that lacks it: with `create`, creating
   * the stream too; without, a stream that no longer exists (deprovisioned: the provisioner deleted
   * it) is dropped until {@link setStreams} names it again.
   */
  private async ensureGroups(streams: readonly string[], create: boolean): Promise<void> {
    const pipeline = this.connection.command.pipeline();
    for (const stream of streams) {
      if (create) pipeline.xgroup('CREATE', stream, this.options.group, '0', 'MKSTREAM');
      else pipeline.xgroup('CREATE', stream, this.options.group, '0');
    }
    const replies = (await pipeline.exec()) ?? [];
    let failure: unknown;
    replies.forEach(([error], i) => {
      if (!error || isBusyGroupError(error)) return;
      const state = this.streams.get(streams[i]);
      if (!create && state && /requires the key to exist/i.test(errorMessageOf(error))) state.listed = false;
      else failure ??= error;
    });
    if (failure !== undefined) throw failure;
  }

  /** Reads the streams that are not suspect (`suspects` false) or those that are, on a connection each. */
  private async readLoop(suspects: boolean): Promise<void> {
    while (this.running) {
      if (!suspects) this.lastReadAt = Date.now();
      const ready = [...this.streams.values()].filter((state) => state.listed && state.suspect === suspects && this.room(state) > 0);
      if (!ready.length) {
        // Nothing to read (no stream, or every one full): until a slot is freed or a stream added, or blockMs.
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            this.wakes.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, this.options.blockMs);
          this.wakes.add(wake);
        });
        continue;
      }
      try {
        if (suspects) await this.readApart(ready);
        else if (this.hot) this.hot = await this.readEach(ready);
        else this.hot = await this.readBlocking(ready);
      } catch (error) {
        if (!this.running) break;
        await this.recover(error);
      }
    }
  }

  /** One XREADGROUP COUNT 1 BLOCK over `ready`; true when it returned entries. */
  private async readBlocking(ready: AgentStream[]): Promise<boolean> {
    const { group, consumer, blockMs } = this.options;
    const result = (await this.blocking!.callBuffer(
      'XREADGROUP', 'GROUP', group, consumer, 'COUNT', 1, 'BLOCK', blockMs,
      'STREAMS', ...ready.map((state) => state.stream), ...ready.map(() => '>'),
    )) as ByteReply | null;
    return this.handOver(this.decoded(result));
  }

  /**
   * Reads one entry of each suspect stream, each in an XREADGROUP of its own without BLOCK, those not
   * read yet first (each reply is handed over as it arrives, so theirs come before an oversized
   * one), then pauses: what oversized entries cost the event loop stays a bounded share of it.
   */
  private async readApart(ready: AgentStream[]): Promise<void> {
    const { group, consumer } = this.options;
    const ordered = [...ready].sort((a, b) => Number(a.oversized) - Number(b.oversized));
    const reads = ordered.map((state) =>
      (this.apart!.callBuffer('XREADGROUP', 'GROUP', group, consumer, 'COUNT', 1, 'STREAMS', state.stream, '>') as Promise<ByteReply | null>).then((result) => {
        // Nothing, or a read without an oversized entry: it is read with the others from now on.
        if (!this.handOver(this.decoded(result))) this.settle(state, false);
      }),
    );
    const failed = (await Promise.allSettled(reads)).find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    await sleep(SUSPECT_PAUSE_MS);
  }

  /** Records whether a read of `state` held an oversized entry: its COUNT, and which loop reads it. */
  private settle(state: AgentStream, oversized: boolean): void {
    state.count = oversized ? 1 : Math.min(state.count * COUNT_GROWTH, this.options.maxCount);
    if (oversized) state.oversized = true;
    if (state.suspect !== oversized) {
      state.suspect = oversized;
      this.wakeReader(); // it moves to the other loop
    }
  }

  /**
   * An XREADGROUP reply read as bytes, its entries decoded to strings, but for those over
   * `maxEntryBytes`: measured, never decoded (decoding 40 MB costs the event loop more than reading
   * it), their fields undefined.
   */
  private decoded(result: ByteReply | null): StreamReply | null {
    if (!result) return null;
    return result.map(([stream, entries]) => [
      stream.toString(),
      entries.map(([id, fields]): [string, string[] | null | undefined] => {
        if (!fields) return [id.toString(), null];
        let bytes = 0;
        for (const field of fields) bytes += field.length;
        return [id.toString(), bytes > this.options.maxEntryBytes ? undefined : fields.map((field) => field.toString())];
      }),
    ]);
  }

  /**
   * Reads every stream with room without BLOCK, one XREADGROUP per distinct COUNT, smallest first;
   * each reply is handed over as it arrives. True when any returned entries.
   */
  private async readEach(ready: AgentStream[]): Promise<boolean> {
    const { group, consumer } = this.options;
    const byCount = new Map<number, AgentStream[]>();
    for (const state of ready) {
      const count = Math.min(state.count, this.room(state), this.options.maxCount);
      const same = byCount.get(count);
      if (same) same.push(state);
      else byCount.set(count, [state]);
    }
    const counts = [...byCount.keys()].sort((a, b) => a - b);
    const reads = counts.map((count) => {
      const streams = byCount.get(count)!.map((state) => state.stream);
      return (this.blocking!.callBuffer('XREADGROUP', 'GROUP', group, consumer, 'COUNT', count, 'STREAMS', ...streams, ...streams.map(() => '>')) as Promise<ByteReply | null>).then(
        (result) => this.decoded(result),
      );
    });
    let found = false;
    let failure: unknown;
    await Promise.all(reads.map((read) => read.then((result) => (found = this.handOver(result) || found), (error: unknown) => (failure ??= error))));
    if (failure !== undefined) throw failure;
    return found;
  }

  /** Gives each entry read a slot, adjusts its stream's COUNT, and passes them on per stream; true when there were any. */
  private handOver(result: StreamReply | null, attempts?: Map<string, number>): boolean {
    if (!result) return false;
    let any = false;
    for (const [stream, read] of result) {
      const state = this.streams.get(stream);
      if (!state || !read.length) continue;
      any = true;
      let oversized = false;
      const fresh: AgentIngressEntry[] = [];
      for (const [id, fields] of read) {
        // undefined: read as bytes and found oversized; a reclaimed entry is measured here
        const over = fields === undefined || (fields !== null && entryBytes(fields) > this.options.maxEntryBytes);
        oversized ||= over;
        if (state.slots.has(id)) continue;
        state.slots.set(id, 0);
        fresh.push(over ? { id, fields: [], attempt: attempts?.get(id) ?? 1, oversized: true } : { id, fields: fields ?? null, attempt: attempts?.get(id) ?? 1 });
      }
      this.settle(state, oversized);
      if (!fresh.length) continue;
      try {
        this.handler(stream, fresh);
      } catch (error) {
        for (const entry of fresh) this.finished(stream, entry.id);
        this.options.logger.warn(`${this.options.label} entries of ${stream} left pending: ${errorMessageOf(error)}`);
      }
    }
    return any;
  }

  /** Recreates missing groups; after another error, waits a little before the next read. */
  private async recover(error: unknown): Promise<void> {
    if (isNoGroupError(error)) {
      this.options.logger.warn(`${this.options.label} group missing on a stream (deleted, or Redis restarted?): recreating them`);
      const listed = [...this.streams.values()].filter((state) => state.listed).map((state) => state.stream);
      await this.ensureGroups(listed, false).catch(() => undefined);
      return;
    }
    this.options.logger.warn(`${this.options.label} read failed: ${errorMessageOf(error)}`);
    await sleep(200);
  }

  /** Claims each stream's entries idle longer than `claimIdleMs` into its free slots (at most its COUNT), with their delivery counts. */
  private async reclaim(): Promise<void> {
    if (!this.running) return;
    const { group, consumer, claimIdleMs } = this.options;
    const due = [...this.streams.values()].filter((state) => state.listed && this.room(state) > 0);
    if (!due.length) return;
    try {
      const pipeline = this.connection.command.pipeline();
      for (const state of due) pipeline.xautoclaim(state.stream, group, consumer, claimIdleMs, state.claimCursor, 'COUNT', Math.min(state.count, this.room(state), this.options.maxCount));
      const replies = (await pipeline.exec()) ?? [];
      const claimed: Array<[AgentStream, Array<[string, string[] | null]>]> = [];
      replies.forEach(([error, reply], i) => {
        if (error) {
          if (isNoGroupError(error)) void this.recover(error);
          return;
        }
        const [next, entries] = reply as [string, Array<[string, string[] | null] | null>];
        due[i].claimCursor = next;
        const live = entries.filter((e): e is [string, string[] | null] => !!e && !due[i].slots.has(e[0]));
        if (live.length) claimed.push([due[i], live]);
      });
      if (!claimed.length) return;
      const counts = this.connection.command.pipeline();
      for (const [state, entries] of claimed) for (const [id] of entries) counts.xpending(state.stream, group, id, id, 1);
      const rows = (await counts.exec()) ?? [];
      const attempts = new Map<string, number>();
      let row = 0;
      for (const [, entries] of claimed) {
        for (const [id] of entries) {
          const pending = rows[row++]?.[1] as Array<[string, string, number, number]> | undefined;
          attempts.set(id, Number(pending?.[0]?.[3] ?? 2));
        }
      }
      this.handOver(claimed.map(([state, entries]) => [state.stream, entries]), attempts);
    } catch (error) {
      if (this.running) this.options.logger.warn(`${this.options.label} reclaim failed: ${errorMessageOf(error)}`);
    }
  }

  /** Resets the idle time of entries in flight whose lease has not ended. */
  private async extendLeases(): Promise<void> {
    const now = Date.now();
    const pipeline = this.connection.command.pipeline();
    for (const state of this.streams.values()) {
      const ids = [...state.slots].filter(([, until]) => until > now).map(([id]) => id);
      if (ids.length) pipeline.xclaim(state.stream, this.options.group, this.options.consumer, 0, ...ids, 'JUSTID');
    }
    if (pipeline.length) await pipeline.exec().catch(() => undefined);
  }
}

/** An XREADGROUP reply as bytes. */
type ByteReply = Array<[Buffer, Array<[Buffer, Buffer[] | null]>]>;

/** An XREADGROUP reply: per stream, its entries (fields undefined: oversized, not decoded). */
type StreamReply = Array<[string, Array<[string, string[] | null | undefined]>]>;

/** Bytes of an entry's fields (their UTF-16 length: at most their byte length, close to it for what the ingress carries). */
function entryBytes(fields: string[]): number {
  let bytes = 0;
  for (const field of fields) bytes += field.length;
  return bytes;
}
