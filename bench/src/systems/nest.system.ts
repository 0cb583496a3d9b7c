import 'reflect-metadata';
import { Controller, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientRedis, EventPattern, MessagePattern, MicroserviceOptions, Payload, Transport } from '@nestjs/microservices';
import Redis from 'ioredis';
import { lastValueFrom } from 'rxjs';
import type { BenchPayload } from '../shared/payload';
import { redisOptionsFromUrl } from './redis-url';
import { BenchSystem, ECHO_TYPE, ONEWAY_TYPE, ReceiverHooks, SystemContext, SystemReceiver, SystemSender } from './system.interfaces';

/** Patterns (= Redis channels) of a run. */
function patterns(runId: string): { oneway: string; echo: string } {
  return { oneway: `bench-${runId}.${ONEWAY_TYPE}`, echo: `bench-${runId}.${ECHO_TYPE}` };
}

/** A microservice module with one controller: `@EventPattern` counts, `@MessagePattern` echoes. */
function benchModule(names: { oneway: string; echo: string }, hooks: ReceiverHooks): Type<unknown> {
  @Controller()
  class BenchController {
    @EventPattern(names.oneway)
    oneway(@Payload() _data: unknown): void {
      hooks.onEvent();
    }

    @MessagePattern(names.echo)
    echo(@Payload() data: BenchPayload): BenchPayload {
      return data;
    }
  }

  @Module({ controllers: [BenchController] })
  class BenchModule {}
  return BenchModule;
}

/** Resolves once every channel has a subscriber (the server subscribes after `listen` returns). */
async function waitForSubscribers(url: string, channels: string[], timeoutMs = 10_000): Promise<void> {
  const probe = new Redis(url);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const counts = (await probe.pubsub('NUMSUB', ...channels)) as Array<string | number>;
      if (counts.filter((_, i) => i % 2 === 1).every((count) => Number(count) > 0)) return;
      if (Date.now() > deadline) throw new Error(`nobody subscribed to ${channels.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    probe.disconnect();
  }
}

/** `nest`: `@nestjs/microservices` Transport.REDIS, a Nest microservice and a `ClientRedis` (`emit` / `send`). */
export const nestSystem: BenchSystem = {
  async startReceiver(context: SystemContext, hooks: ReceiverHooks): Promise<SystemReceiver> {
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(benchModule(patterns(context.runId), hooks), {
      transport: Transport.REDIS,
      options: redisOptionsFromUrl(context.redisUrl),
      logger: false,
    });
    await app.listen();
    const names = patterns(context.runId);
    await waitForSubscribers(context.redisUrl, [names.oneway, names.echo]);
    return { stop: () => app.close() };
  },

  async startSender(context: SystemContext): Promise<SystemSender> {
    const names = patterns(context.runId);
    const client = new ClientRedis(redisOptionsFromUrl(context.redisUrl));
    await client.connect();
    return {
      emit: (data) => lastValueFrom(client.emit(names.oneway, data), { defaultValue: undefined }),
      request: (data) => lastValueFrom(client.send<BenchPayload, BenchPayload>(names.echo, data)),
      stop: () => client.close(),
    };
  },
};
