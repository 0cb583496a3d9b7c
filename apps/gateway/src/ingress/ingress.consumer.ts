import { hash } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { INGRESS_FIELDS, MasConnection, StreamGroupEntry, StreamGroupReader, streamEntryField } from '@mas/core';
import { DecisionRecorder } from '../audit/decision-recorder';
import type { AuthenticationRefusal } from '../auth/sender-credentials';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectInstanceId } from '../gateway.constants';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { IngressMessage } from '../message/ingress-message';
import { GatewayPipeline } from '../pipeline/gateway-pipeline';
import { RegistrationHandler } from '../provisioning/registration.handler';
import { DeadLetters } from '../routing/dead-letters';
import { traceIngress } from '../observability/gateway-tracing';
import { AgentIngressEntry, AgentIngressReader } from './agent-ingress-reader';
import { IngressAcks } from './ingress-acks';
import { IngressGate } from './ingress-gate';
import { IngressPrefetch } from './ingress-prefetch';

/** Refused entries whose slots may be freed before their refusal is written, per slot of `maxInFlight`. */
const REFUSING_PER_SLOT = 16;
/**
 * How long (in `claimIdleMs`) an entry read by this instance is kept claimed by it (XCLAIM JUSTID every
 * `claimIdleMs / 3`) while it waits for a slot or runs: another instance claims it only once this
 * instance has died, or has held it this long without deciding it.
 */
const LEASE_CLAIM_IDLES = 10;
/** Entries read at once per slot of `maxInFlight` (screened together; at most `maxInFlight` of them in the pipeline). */
const READ_AHEAD = 4;

/**
 * Bytes an agent's ingress entry may hold beyond `ingress.maxMessageBytes` (its token and notify
 * fields, names) before it is dropped unread; one a little over is refused by the envelope's size check.
 */
const ENTRY_FIELDS_SLACK = 4_096;
/**
 * Dead letters an agent may file through its own stream per minute and gateway instance (more are
 * dropped with a warning): its flood cannot push everyone else's letters out of the capped stream fast.
 */
const AGENT_LETTERS_PER_MINUTE = 600;
/** How often the set of provisioned agents is read again (a new agent's stream is read from then on). */
const AGENT_STREAMS_REFRESH_MS = 250;
/** Longest BLOCK of the agents' streams' reads: a stream added meanwhile waits at most this long. */
const AGENT_STREAMS_BLOCK_MS = 250;

/** How an ingress stream's entries are held by the reader they came from. */
interface IngressSlots {
  finished(id: string): void;
  holdLease(id: string, untilMs: number): void;
}

/** One ingress stream as this instance reads it: its reader, its acks, the refusals it freed early. */
interface IngressShard {
  readonly stream: string;
  readonly reader: IngressSlots;
  readonly acks: IngressAcks;
  /** Ids of refused entries whose slots were freed before their refusal was written. */
  readonly refusing: Set<string>;
  /** The agent whose own stream it is ({@link MasKeySpace.agentIngress}); undefined for a shared stream. */
  readonly owner?: string;
  /** Lets `maxInFlight` entries of its shard (shared stream and agents' streams) through the pipeline at once, round-robin per stream. */
  readonly gate: IngressGate;
}

/** The agents' streams of one shard: their reader and, per stream, its {@link IngressShard}. */
interface AgentShard {
  readonly reader: AgentIngressReader;
  readonly lanes: Map<string, IngressShard>;
}

/**
 * Reads the ingress streams (`mas.gateway.ingress`; on a cluster its {@link MasKeySpace.gatewayIngressStreams},
 * one per hash slot, each sender writing to one) as one consumer of the group `mas-gateway` (so
 * instances share the load), each with a {@link StreamGroupReader} of its own holding at most
 * {@link READ_AHEAD} × `ingress.maxInFlight` entries, screened in batches as large, of which at most
 * `ingress.maxInFlight` are in the {@link GatewayPipeline} at once; acks and
 * deletes it once its decision is recorded. Entries left pending by a dead instance are claimed with
 * XAUTOCLAIM after `ingress.claimIdleMs` (the entries a live instance holds are kept claimed by it, for
 * at most {@link LEASE_CLAIM_IDLES} × `claimIdleMs`); after `ingress.maxAttempts` reads an entry is dead-lettered
 * as unprocessable. A missing group (Redis restarted without persistence) is recreated.
 */
@Injectable()
export class IngressConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('IngressConsumer');
  private readonly shards: Array<IngressShard & { readonly reader: StreamGroupReader }>;
  /** The provisioned agents' own streams, per shard index (created once a shard has one). */
  private readonly agentShards = new Map<number, AgentShard>();
  private refreshTimer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;
  private refreshFailed = false;
  /** Dead letters filed per agent in the current minute: `minute` (epoch minute) and the counts. */
  private letters = { minute: 0, counts: new Map<string, number>() };
  /** Refusals being written (waited for at shutdown). */
  private readonly refusals = new Set<Promise<unknown>>();
  /** Entries this instance decided. */
  processed = 0;
  /** Entries of provisioned agents' own streams dropped unread, being over `ingress.maxMessageBytes`. */
  droppedOversized = 0;

  constructor(
    private readonly redis: MasConnection,
    private readonly pipeline: GatewayPipeline,
    private readonly deadLetters: DeadLetters,
    private readonly registrations: RegistrationHandler,
    private readonly recorder: DecisionRecorder,
    private readonly prefetch: IngressPrefetch,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
    @InjectInstanceId() private readonly consumerName: string,
  ) {
    const { maxInFlight, blockMs, claimIdleMs } = settings.ingress;
    const streams = redis.keys.gatewayIngressStreams;
    this.shards = streams.map((stream) => {
      const shard: IngressShard & { reader: StreamGroupReader } = {
        stream,
        acks: new IngressAcks(redis, stream),
        refusing: new Set(),
        gate: new IngressGate(maxInFlight),
        reader: new StreamGroupReader(
          redis,
          {
            stream,
            group: redis.keys.gatewayGroup,
            consumer: consumerName,
            startId: '0',
            maxInFlight: maxInFlight * READ_AHEAD,
            blockMs,
            claimIdleMs,
            label: streams.length > 1 ? `Ingress ${stream}` : 'Ingress',
            logger: this.logger,
            connectionRole: 'ingress',
          },
          (entries) => this.receive(shard, entries),
        ),
      };
      return shard;
    });
  }

  /** When the read loop that came round least recently last did (epoch ms), for the health check. */
  get lastReadAt(): number {
    const agents = [...this.agentShards.values()].map(({ reader }) => reader.lastReadAt);
    return Math.min(...this.shards.map(({ reader }) => reader.lastReadAt), ...agents);
  }

  /** True while every read loop is alive. */
  get healthy(): boolean {
    const alive = this.shards.every(({ reader }) => reader.active) && [...this.agentShards.values()].every(({ reader }) => reader.active);
    return alive && Date.now() - this.lastReadAt < this.settings.ingress.blockMs * 3 + 5_000;
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.shards.map(({ reader }) => reader.start()));
    await this.refreshAgentStreams();
    this.refreshTimer = setInterval(() => void this.refreshAgentStreams(), AGENT_STREAMS_REFRESH_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.refreshTimer);
    await this.refreshing;
    await Promise.all([
      ...this.shards.map(({ reader }) => reader.stop()),
      ...[...this.agentShards.values()].map(({ reader }) => reader.stop()),
    ]);
    await Promise.allSettled([...this.refusals]);
  }

  /**
   * Reads the set of provisioned agents and has each shard's {@link AgentIngressReader} read exactly
   * their streams ({@link MasKeySpace.agentIngress}); one at a time.
   */
  private refreshAgentStreams(): Promise<void> {
    this.refreshing ??= this.readAgentStreams().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async readAgentStreams(): Promise<void> {
    const keys = this.redis.keys;
    let ids: string[];
    try {
      ids = await this.redis.command.smembers(keys.provisionedAgents);
      if (this.refreshFailed) this.logger.log('Reading the provisioned agents works again');
      this.refreshFailed = false;
    } catch (error) {
      if (!this.refreshFailed) this.logger.warn(`Cannot read the provisioned agents (${keys.provisionedAgents}); their own ingress streams are not read: ${String(error)}`);
      this.refreshFailed = true;
      return;
    }
    const byShard = new Map<number, string[]>();
    for (const id of ids) {
      const shard = keys.gatewayIngressShard(id);
      const streams = byShard.get(shard);
      if (streams) streams.push(keys.agentIngress(id));
      else byShard.set(shard, [keys.agentIngress(id)]);
    }
    for (const index of this.agentShards.keys()) if (!byShard.has(index)) byShard.set(index, []);
    await Promise.all(
      [...byShard].map(async ([index, streams]) => {
        try {
          await this.agentShard(index).reader.setStreams(streams);
        } catch (error) {
          this.logger.warn(`Could not start reading ${streams.length} agents' ingress streams of shard ${index}: ${String(error)}`);
        }
      }),
    );
  }

  /** The reader of shard `index`'s agent streams, created and started on first use. */
  private agentShard(index: number): AgentShard {
    const existing = this.agentShards.get(index);
    if (existing) return existing;
    const { maxInFlight, claimIdleMs, maxMessageBytes } = this.settings.ingress;
    const lanes = new Map<string, IngressShard>();
    const gate = this.shards[index].gate;
    const reader = new AgentIngressReader(
      this.redis,
      {
        group: this.redis.keys.gatewayGroup,
        consumer: this.consumerName,
        maxInFlightPerStream: maxInFlight * READ_AHEAD,
        maxCount: maxInFlight,
        blockMs: Math.min(this.settings.ingress.blockMs, AGENT_STREAMS_BLOCK_MS),
        claimIdleMs,
        maxEntryBytes: maxMessageBytes + ENTRY_FIELDS_SLACK,
        label: `Agent ingress (shard ${index})`,
        logger: this.logger,
      },
      (stream, entries) => {
        let lane = lanes.get(stream);
        if (!lane) {
          lane = {
            stream,
            owner: this.redis.keys.agentIdFromIngress(stream),
            reader: { finished: (id) => reader.finished(stream, id), holdLease: (id, until) => reader.holdLease(stream, id, until) },
            acks: new IngressAcks(this.redis, stream),
            refusing: new Set(),
            gate,
          };
          lanes.set(stream, lane);
        }
        this.receive(lane, entries);
      },
    );
    const shard = { reader, lanes };
    this.agentShards.set(index, shard);
    reader.start();
    return shard;
  }

  /**
   * Processes each entry in the background (the reader bounds them by `maxInFlight`), or gives up on
   * it. What the checks of the batch need is read at once first ({@link IngressPrefetch}: one
   * round trip, two with RBAC) and the batch authenticated from it; entries it refuses are recorded
   * in bulk, so a flood of junk costs a few round trips per batch and valid entries behind it are
   * not kept waiting.
   */
  private receive(shard: IngressShard, entries: AgentIngressEntry[]): void {
    const leaseEnd = Date.now() + this.settings.ingress.claimIdleMs * LEASE_CLAIM_IDLES;
    const batch: Array<{ id: string; ingress: IngressMessage }> = [];
    let oversized = 0;
    for (const entry of entries) {
      if (shard.refusing.has(entry.id)) shard.reader.finished(entry.id); // its refusal is being written
      else if (entry.oversized) {
        // Its owner wrote it, and no message of that size is decided: dropped unread (no parse, no audit of its body).
        oversized += 1;
        this.track(shard, entry.id, shard.acks.ack(entry.id));
      }
      else if (entry.attempt > this.settings.ingress.maxAttempts) this.track(shard, entry.id, this.giveUp(shard, entry));
      else if (!entry.fields) this.track(shard, entry.id, shard.acks.ack(entry.id)); // deleted from the stream while pending
      else if (shard.owner && streamEntryField(entry.fields, INGRESS_FIELDS.deadLetter) === '1') this.track(shard, entry.id, this.fileDeadLetter(shard, shard.owner, entry));
      else {
        shard.reader.holdLease(entry.id, leaseEnd); // waiting for a slot or in the pipeline, it stays this instance's
        batch.push({ id: entry.id, ingress: IngressMessage.fromEntry(entry.id, entry.fields, entry.attempt, this.settings.ingress.maxMessageBytes, shard.stream) });
      }
    }
    if (oversized) {
      this.droppedOversized += oversized;
      this.logger.warn(`Dropped ${oversized} ingress entries of ${shard.owner} over ingress.maxMessageBytes (${this.settings.ingress.maxMessageBytes}) unread`);
    }
    if (batch.length) void this.screen(shard, batch);
  }

  private track(shard: IngressShard, id: string, task: Promise<void>): void {
    // One reaction (not a catch and a finally): this runs for every entry.
    void task.then(
      () => shard.reader.finished(id),
      (error: unknown) => {
        this.logger.warn(`Ingress entry ${id} left pending: ${String(error)}`);
        shard.reader.finished(id);
      },
    );
  }

  private async screen(shard: IngressShard, batch: Array<{ id: string; ingress: IngressMessage }>): Promise<void> {
    const refused: Array<{ id: string; ingress: IngressMessage; error: AuthenticationRefusal }> = [];
    // An agent's own stream carries its own entries only (its Redis user is the only one that may
    // append to it): one naming another sender is refused before anything is read or verified for it.
    const owned = shard.owner === undefined ? batch : batch.filter((entry) => this.ownedBy(shard.owner!, entry, refused));
    const messages = owned.filter(({ ingress }) => !RegistrationHandler.matches(ingress)).map(({ ingress }) => ingress);
    let refusals: Array<AuthenticationRefusal | undefined> = [];
    try {
      refusals = await this.prefetch.read(messages);
    } catch (error) {
      this.logger.warn(`Reading what the checks of ${messages.length} ingress entries need failed (each check reads for itself): ${String(error)}`);
    }
    let next = 0; // messages is owned without its registration requests, in order
    for (const { id, ingress } of owned) {
      const error = messages[next] === ingress ? refusals[next++] : undefined;
      if (error) refused.push({ id, ingress, error });
      else this.track(shard, id, shard.gate.run(() => this.process(shard, ingress), shard.stream));
    }
    if (refused.length) await this.refuseInBulk(shard, refused);
  }

  /** True when `entry` of `owner`'s own stream names `owner` as its sender; else it joins `refused`. */
  private ownedBy(owner: string, entry: { id: string; ingress: IngressMessage }, refused: Array<{ id: string; ingress: IngressMessage; error: AuthenticationRefusal }>): boolean {
    const sender = entry.ingress.route?.senderId;
    if (sender === undefined || sender === owner) return true; // a malformed entry is refused as such by authentication
    refused.push({ ...entry, error: { reason: `an entry of "${owner}"'s own ingress stream names "${sender}" as its sender`, violation: 'auth:foreign_stream' } });
    return false;
  }

  /**
   * Records and acks a batch authentication refused. Their slots are freed at once (up to
   * {@link REFUSING_PER_SLOT} × `maxInFlight` such entries at a time), so the reader goes on through a
   * flood to the valid entries behind it while the refusals are written; an entry read again before
   * its ack landed is dropped.
   */
  private async refuseInBulk(shard: IngressShard, refused: Array<{ id: string; ingress: IngressMessage; error: AuthenticationRefusal }>): Promise<void> {
    const early = shard.refusing.size + refused.length <= REFUSING_PER_SLOT * this.settings.ingress.maxInFlight;
    if (early) {
      for (const { id } of refused) {
        shard.refusing.add(id);
        shard.reader.finished(id);
      }
    }
    const acked = this.recorder
      .recordUnauthenticated(refused)
      .then(() => (this.processed += refused.length))
      .then(() => shard.acks.ack(...refused.map(({ id }) => id)));
    this.refusals.add(acked);
    try {
      await acked;
    } catch (error) {
      this.logger.warn(`${refused.length} unauthenticated ingress entries left pending: ${String(error)}`);
    } finally {
      this.refusals.delete(acked);
      for (const { id } of refused) {
        if (early) shard.refusing.delete(id);
        else shard.reader.finished(id);
      }
    }
  }

  private async process(shard: IngressShard, ingress: IngressMessage): Promise<void> {
    if (RegistrationHandler.matches(ingress)) await this.registrations.handle(ingress);
    else await traceIngress(ingress, () => this.pipeline.process(ingress));
    this.processed += 1;
    await shard.acks.ack(ingress.entryId);
  }

  /** Files the dead letter a provisioned agent appended to its own stream, then acks it. */
  private async fileDeadLetter(shard: IngressShard, owner: string, { id, fields }: StreamGroupEntry): Promise<void> {
    const minute = Math.floor(Date.now() / 60_000);
    if (this.letters.minute !== minute) this.letters = { minute, counts: new Map() };
    const filed = (this.letters.counts.get(owner) ?? 0) + 1;
    this.letters.counts.set(owner, filed);
    if (filed <= AGENT_LETTERS_PER_MINUTE) await this.deadLetters.addReported(owner, fields ?? [], this.settings.ingress.maxMessageBytes);
    else if (filed === AGENT_LETTERS_PER_MINUTE + 1) this.logger.warn(`${owner} filed over ${AGENT_LETTERS_PER_MINUTE} dead letters this minute: the rest of this minute's are dropped`);
    this.processed += 1;
    await shard.acks.ack(id);
  }

  private async giveUp(shard: IngressShard, { id, fields, attempt }: StreamGroupEntry): Promise<void> {
    const ingress = IngressMessage.fromEntry(id, fields ?? [], attempt, this.settings.ingress.maxMessageBytes, shard.stream);
    // An entry signature covers the envelope as written: the letter keeps both, for a replay to check.
    const entrySignature = ingress.entrySignatureField;
    const written = entrySignature !== undefined && !ingress.oversized ? ingress.envelopeText : undefined;
    const envelope = written ?? (ingress.envelope ? JSON.stringify(ingress.envelope) : '');
    const tokenHash = hash('sha256', ingress.token, 'hex');
    const letter = { envelope, target: ingress.targetId ?? '', sender: ingress.senderId ?? '', messageId: ingress.messageId ?? '', tokenHash, ...(written !== undefined ? { entrySignature } : {}) };
    try {
      await this.deadLetters.add(letter, 'unprocessable', `not decided after ${attempt - 1} attempts`, id);
      await shard.acks.ack(id);
      this.logger.error(`Ingress entry ${id} of ${shard.stream} dead-lettered: not decided after ${attempt - 1} attempts`);
    } catch (error) {
      this.logger.error(`Could not dead-letter ingress entry ${id}: ${String(error)}`);
    }
  }
}
