import { createHash } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { execAll, MasConnection, StreamGroupEntry, StreamGroupReader } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectInstanceId } from '../gateway.constants';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { IngressMessage } from '../message/ingress-message';
import { GatewayPipeline } from '../pipeline/gateway-pipeline';
import { RegistrationHandler } from '../provisioning/registration.handler';
import { DeadLetters } from '../routing/dead-letters';

/**
 * Reads `mas.gateway.ingress` as one consumer of the group `mas-gateway` (so instances share the
 * load) with a {@link StreamGroupReader}, runs each entry through the {@link GatewayPipeline}, and
 * acks and deletes it once its decision is recorded. Entries left pending by a dead instance are
 * claimed with XAUTOCLAIM after `ingress.claimIdleMs`; after `ingress.maxAttempts` reads an entry is
 * dead-lettered as unprocessable. A missing group (Redis restarted without persistence) is recreated.
 */
@Injectable()
export class IngressConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('IngressConsumer');
  private readonly reader: StreamGroupReader;
  /** Entries this instance decided. */
  processed = 0;

  constructor(
    private readonly redis: MasConnection,
    private readonly pipeline: GatewayPipeline,
    private readonly deadLetters: DeadLetters,
    private readonly registrations: RegistrationHandler,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
    @InjectInstanceId() consumerName: string,
  ) {
    const { maxInFlight, blockMs, claimIdleMs } = settings.ingress;
    this.reader = new StreamGroupReader(
      redis,
      {
        stream: this.redis.keys.gatewayIngress,
        group: this.redis.keys.gatewayGroup,
        consumer: consumerName,
        startId: '0',
        maxInFlight,
        blockMs,
        claimIdleMs,
        label: 'Ingress',
        logger: this.logger,
        connectionRole: 'ingress',
      },
      (entries) => this.receive(entries),
    );
  }

  /** When the read loop last came round (epoch ms), for the health check. */
  get lastReadAt(): number {
    return this.reader.lastReadAt;
  }

  /** True while the read loop is alive. */
  get healthy(): boolean {
    return this.reader.active && Date.now() - this.lastReadAt < this.settings.ingress.blockMs * 3 + 5_000;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reader.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.reader.stop();
  }

  /** Processes each entry in the background (the reader bounds them by `maxInFlight`), or gives up on it. */
  private receive(entries: StreamGroupEntry[]): void {
    for (const entry of entries) {
      const task = entry.attempt > this.settings.ingress.maxAttempts ? this.giveUp(entry) : this.process(entry);
      void task.finally(() => this.reader.finished(entry.id));
    }
  }

  private async process({ id, fields, attempt }: StreamGroupEntry): Promise<void> {
    try {
      if (!fields) {
        await this.ack(id); // deleted from the stream while pending
        return;
      }
      const ingress = IngressMessage.fromEntry(id, fields, attempt, this.settings.ingress.maxMessageBytes);
      if (RegistrationHandler.matches(ingress)) await this.registrations.handle(ingress);
      else await this.pipeline.process(ingress);
      this.processed += 1;
      await this.ack(id);
    } catch (error) {
      this.logger.warn(`Ingress entry ${id} (attempt ${attempt}) left pending: ${String(error)}`);
    }
  }

  private async ack(id: string): Promise<void> {
    await execAll(this.redis.command.multi().xack(this.redis.keys.gatewayIngress, this.redis.keys.gatewayGroup, id).xdel(this.redis.keys.gatewayIngress, id));
  }

  private async giveUp({ id, fields, attempt }: StreamGroupEntry): Promise<void> {
    const ingress = IngressMessage.fromEntry(id, fields ?? [], attempt, this.settings.ingress.maxMessageBytes);
    const envelope = ingress.envelope ? JSON.stringify(ingress.envelope) : '';
    const tokenHash = createHash('sha256').update(ingress.token).digest('hex');
    const letter = { envelope, target: ingress.targetId ?? '', sender: ingress.senderId ?? '', messageId: ingress.messageId ?? '', tokenHash };
    try {
      await this.deadLetters.add(letter, 'unprocessable', `not decided after ${attempt - 1} attempts`, id);
      await this.ack(id);
      this.logger.error(`Ingress entry ${id} dead-lettered: not decided after ${attempt - 1} attempts`);
    } catch (error) {
      this.logger.error(`Could not dead-letter ingress entry ${id}: ${String(error)}`);
    }
  }
}
