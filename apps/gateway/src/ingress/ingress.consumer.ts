import { createHash } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MasConnection, StreamGroupEntry, StreamGroupReader } from '@mas/core';
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

/** One ingress stream as this instance reads it: its reader, its acks, the refusals it freed early. */
interface IngressShard {
  readonly stream: string;
  readonly reader: StreamGroupReader;
  readonly acks: IngressAcks;
  /** Ids of refused entries whose slots were freed before their refusal was written. */
  readonly refusing: Set<string>;
  /** Lets `maxInFlight` of its entries through the pipeline at once. */
  readonly gate: IngressGate;
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
  private readonly shards: IngressShard[];
  /** Refusals being written (waited for at shutdown). */
  private readonly refusals = new Set<Promise<unknown>>();
  /** Entries this instance decided. */
  processed = 0;

  constructor(
    private readonly redis: MasConnection,
    private readonly pipeline: GatewayPipeline,
    private readonly deadLetters: DeadLetters,
    private readonly registrations: RegistrationHandler,
    private readonly recorder: DecisionRecorder,
    private readonly prefetch: IngressPrefetch,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
    @InjectInstanceId() consumerName: string,
  ) {
    const { maxInFlight, blockMs, claimIdleMs } = settings.ingress;
    const streams = redis.keys.gatewayIngressStreams;
    this.shards = streams.map((stream) => {
      const shard: IngressShard = {
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
    return Math.min(...this.shards.map(({ reader }) => reader.lastReadAt));
  }

  /** True while every read loop is alive. */
  get healthy(): boolean {
    return this.shards.every(({ reader }) => reader.active) && Date.now() - this.lastReadAt < this.settings.ingress.blockMs * 3 + 5_000;
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.shards.map(({ reader }) => reader.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.shards.map(({ reader }) => reader.stop()));
    await Promise.allSettled([...this.refusals]);
  }

  /**
   * Processes each entry in the background (the reader bounds them by `maxInFlight`), or gives up on
   * it. What the checks of the batch need is read at once first ({@link IngressPrefetch}: one
   * round trip, two with RBAC) and the batch authenticated from it; entries it refuses are recorded
   * in bulk, so a flood of junk costs a few round trips per batch and valid entries behind it are
   * not kept waiting.
   */
  private receive(shard: IngressShard, entries: StreamGroupEntry[]): void {
    const leaseEnd = Date.now() + this.settings.ingress.claimIdleMs * LEASE_CLAIM_IDLES;
    const batch: Array<{ id: string; ingress: IngressMessage }> = [];
    for (const entry of entries) {
      if (shard.refusing.has(entry.id)) shard.reader.finished(entry.id); // its refusal is being written
      else if (entry.attempt > this.settings.ingress.maxAttempts) this.track(shard, entry.id, this.giveUp(shard, entry));
      else if (!entry.fields) this.track(shard, entry.id, shard.acks.ack(entry.id)); // deleted from the stream while pending
      else {
        shard.reader.holdLease(entry.id, leaseEnd); // waiting for a slot or in the pipeline, it stays this instance's
        batch.push({ id: entry.id, ingress: IngressMessage.fromEntry(entry.id, entry.fields, entry.attempt, this.settings.ingress.maxMessageBytes, shard.stream) });
      }
    }
    if (batch.length) void this.screen(shard, batch);
  }

  private track(shard: IngressShard, id: string, task: Promise<void>): void {
    void task
      .catch((error: unknown) => this.logger.warn(`Ingress entry ${id} left pending: ${String(error)}`))
      .finally(() => shard.reader.finished(id));
  }

  private async screen(shard: IngressShard, batch: Array<{ id: string; ingress: IngressMessage }>): Promise<void> {
    const messages = batch.filter(({ ingress }) => !RegistrationHandler.matches(ingress)).map(({ ingress }) => ingress);
    let refusals: Array<AuthenticationRefusal | undefined> = [];
    try {
      refusals = await this.prefetch.read(messages);
    } catch (error) {
      this.logger.warn(`Reading what the checks of ${messages.length} ingress entries need failed (each check reads for itself): ${String(error)}`);
    }
    const refused: Array<{ id: string; ingress: IngressMessage; error: AuthenticationRefusal }> = [];
    let next = 0; // messages is batch without its registration requests, in order
    for (const { id, ingress } of batch) {
      const error = messages[next] === ingress ? refusals[next++] : undefined;
      if (error) refused.push({ id, ingress, error });
      else this.track(shard, id, shard.gate.run(() => this.process(shard, ingress)));
    }
    if (refused.length) await this.refuseInBulk(shard, refused);
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

  private async giveUp(shard: IngressShard, { id, fields, attempt }: StreamGroupEntry): Promise<void> {
    const ingress = IngressMessage.fromEntry(id, fields ?? [], attempt, this.settings.ingress.maxMessageBytes, shard.stream);
    // An entry signature covers the envelope as written: the letter keeps both, for a replay to check.
    const entrySignature = ingress.entrySignatureField;
    const written = entrySignature !== undefined && !ingress.oversized ? ingress.envelopeText : undefined;
    const envelope = written ?? (ingress.envelope ? JSON.stringify(ingress.envelope) : '');
    const tokenHash = createHash('sha256').update(ingress.token).digest('hex');
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
