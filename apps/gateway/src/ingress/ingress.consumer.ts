import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type Redis from 'ioredis';
import { MasKeys } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { execAll, GatewayRedis } from '../gateway-redis';
import { InjectInstanceId } from '../gateway.constants';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { GatewayPipeline } from '../pipeline/gateway-pipeline';
import { DeadLetters } from '../routing/dead-letters';
import { IngressMessage } from './ingress-message';

type StreamEntry = [id: string, fields: string[] | null];

/**
 * Reads `mas.gateway.ingress` as one consumer of the group `mas-gateway` (so instances share the
 * load), runs each entry through the {@link GatewayPipeline}, and acks and deletes it once its
 * decision is recorded. Entries left pending by a dead instance are claimed with XAUTOCLAIM after
 * `ingress.claimIdleMs`; after `ingress.maxAttempts` reads an entry is dead-lettered as unprocessable. A missing group
 * (Redis restarted without persistence) is recreated.
 */
@Injectable()
export class IngressConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('IngressConsumer');
  private readonly inFlight = new Map<string, Promise<void>>();
  private blocking?: Redis;
  private loop?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private active = false;
  private slotFreed?: () => void;
  /** When the read loop last came round (epoch ms), for the health check. */
  lastReadAt = 0;
  /** Entries this instance decided. */
  processed = 0;

  constructor(
    private readonly redis: GatewayRedis,
    private readonly pipeline: GatewayPipeline,
    private readonly deadLetters: DeadLetters,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
    @InjectInstanceId() private readonly consumerName: string,
  ) {}

  /** True while the read loop is alive. */
  get healthy(): boolean {
    return this.active && Date.now() - this.lastReadAt < this.settings.ingress.blockMs * 3 + 5_000;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureGroup();
    this.blocking = this.redis.dedicated('ingress');
    this.active = true;
    this.lastReadAt = Date.now();
    this.loop = this.readLoop();
    this.timer = setInterval(() => void this.reclaim(), Math.max(20, this.settings.ingress.claimIdleMs / 2));
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.active) return;
    this.active = false;
    clearInterval(this.timer);
    this.blocking?.disconnect();
    this.slotFreed?.();
    await this.loop?.catch(() => undefined);
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async ensureGroup(): Promise<void> {
    try {
      await this.redis.command.xgroup('CREATE', MasKeys.gatewayIngress, MasKeys.gatewayGroup, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).startsWith('BUSYGROUP')) throw error;
    }
  }

  private async readLoop(): Promise<void> {
    const { maxInFlight, blockMs } = this.settings.ingress;
    while (this.active) {
      this.lastReadAt = Date.now();
      const room = maxInFlight - this.inFlight.size;
      if (room <= 0) {
        await new Promise<void>((resolve) => (this.slotFreed = resolve));
        continue;
      }
      try {
        const result = (await this.blocking!.xreadgroup(
          'GROUP', MasKeys.gatewayGroup, this.consumerName,
          'COUNT', room, 'BLOCK', blockMs,
          'STREAMS', MasKeys.gatewayIngress, '>',
        )) as Array<[string, StreamEntry[]]> | null;
        for (const entry of result?.[0]?.[1] ?? []) this.start(entry, 1);
      } catch (error) {
        if (!this.active) break;
        await this.recover(error);
      }
    }
  }

  private async recover(error: unknown): Promise<void> {
    const message = (error as Error).message ?? String(error);
    if (message.includes('NOGROUP')) {
      this.logger.warn('Ingress group missing (Redis restarted?): recreating it');
      await this.ensureGroup().catch(() => undefined);
      return;
    }
    this.logger.warn(`Ingress read failed: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  /** Processes one entry in the background (bounded by `maxInFlight`). */
  private start([id, fields]: StreamEntry, attempt: number): void {
    if (this.inFlight.has(id)) return;
    const task = this.process(id, fields, attempt).finally(() => {
      this.inFlight.delete(id);
      this.slotFreed?.();
      this.slotFreed = undefined;
    });
    this.inFlight.set(id, task);
  }

  private async process(id: string, fields: string[] | null, attempt: number): Promise<void> {
    try {
      if (!fields) {
        await this.ack(id); // deleted from the stream while pending
        return;
      }
      const ingress = IngressMessage.fromEntry(id, fields, attempt, this.settings.ingress.maxMessageBytes);
      await this.pipeline.process(ingress);
      this.processed += 1;
      await this.ack(id);
    } catch (error) {
      this.logger.warn(`Ingress entry ${id} (attempt ${attempt}) left pending: ${String(error)}`);
    }
  }

  private async ack(id: string): Promise<void> {
    await execAll(this.redis.command.multi().xack(MasKeys.gatewayIngress, MasKeys.gatewayGroup, id).xdel(MasKeys.gatewayIngress, id));
  }

  /** Claims entries idle longer than `claimIdleMs` (their instance died, or recording failed) and retries them. */
  private async reclaim(): Promise<void> {
    const room = this.settings.ingress.maxInFlight - this.inFlight.size;
    if (!this.active || room <= 0) return;
    try {
      const [, claimed] = (await this.redis.command.xautoclaim(
        MasKeys.gatewayIngress, MasKeys.gatewayGroup, this.consumerName, this.settings.ingress.claimIdleMs, '0-0', 'COUNT', room,
      )) as [string, StreamEntry[]];
      const fresh = claimed.filter(([id]) => !this.inFlight.has(id));
      if (!fresh.length) return;
      const pipeline = this.redis.command.pipeline();
      for (const [id] of fresh) pipeline.xpending(MasKeys.gatewayIngress, MasKeys.gatewayGroup, id, id, 1);
      const pending = (await execAll(pipeline)) as Array<Array<[string, string, number, number]>>;
      fresh.forEach((entry, i) => {
        const rows = pending[i];
        const attempt = Number(rows?.[0]?.[3] ?? 2);
        if (attempt > this.settings.ingress.maxAttempts) void this.giveUp(entry, attempt);
        else this.start(entry, attempt);
      });
    } catch (error) {
      if (String((error as Error).message).includes('NOGROUP')) await this.recover(error);
      else if (this.active) this.logger.warn(`Ingress reclaim failed: ${String(error)}`);
    }
  }

  private async giveUp([id, fields]: StreamEntry, attempt: number): Promise<void> {
    const ingress = IngressMessage.fromEntry(id, fields ?? [], attempt, this.settings.ingress.maxMessageBytes);
    const envelope = ingress.envelope ? JSON.stringify(ingress.envelope) : '';
    const letter = { envelope, target: ingress.targetId ?? '', sender: ingress.senderId ?? '', messageId: ingress.messageId ?? '' };
    try {
      await this.deadLetters.add(letter, 'unprocessable', `not decided after ${attempt - 1} attempts`, id);
      await this.ack(id);
      this.logger.error(`Ingress entry ${id} dead-lettered: not decided after ${attempt - 1} attempts`);
    } catch (error) {
      this.logger.error(`Could not dead-letter ingress entry ${id}: ${String(error)}`);
    }
  }
}
