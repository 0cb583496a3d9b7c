import { randomUUID } from 'node:crypto';
import { Controller, ConsoleLogger, INestMicroservice, Module } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, NoHandlerError, RemoteHandlerError } from '@mas/core';
import { MasClient, MasContext, MasTransport } from '@mas/core/microservices';

import { redisTargets } from './support/redis-targets';

const suffix = randomUUID().slice(0, 8);
const events: Array<{ data: unknown; sender: string }> = [];

@Controller()
class CalcController {
  @MessagePattern('calc.multiply')
  multiply(@Payload() data: { a: number; b: number }, @Ctx() context: MasContext) {
    return { product: data.a * data.b, asked_by: context.getMessage().senderId };
  }

  @MessagePattern('calc.fail')
  fail(): never {
    throw new Error('cannot compute');
  }

  @EventPattern('calc.log')
  log(@Payload() data: unknown, @Ctx() context: unknown) {
    events.push({ data, sender: (context as MasContext).getMessage().senderId });
  }
}

@Module({ controllers: [CalcController] })
class CalcModule {}

class Doubler extends Agent {
  @AgentHandler('double')
  double(data: { n: number }) {
    return { doubled: data.n * 2 };
  }
}

// On a single server (database 4), a Redis Cluster and a Sentinel set: one suite, three targets.
describe.each(redisTargets(4))('MasTransport and MasClient on the MAS wire ($name Redis)', ({ name, url: REDIS_URL }) => {
  const SERVICE = `transport-calc-${name}-${suffix}`;
  const HANDLER_AGENT = `transport-handler-${name}-${suffix}`;
  let microservice: INestMicroservice;
  const caller = new Agent(`transport-caller-${name}-${suffix}`, { redisUrl: REDIS_URL, requestTimeoutMs: 3000 });
  const doubler = new Doubler(HANDLER_AGENT, { redisUrl: REDIS_URL });
  const client = new MasClient({ redisUrl: REDIS_URL, defaultTarget: HANDLER_AGENT, requestTimeoutMs: 3000 });

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [CalcModule] })
      .setLogger(new ConsoleLogger({ logLevels: [] }))
      .compile();
    microservice = moduleRef.createNestMicroservice({ strategy: new MasTransport({ id: SERVICE, redisUrl: REDIS_URL }) });
    await microservice.listen();
    await caller.start();
    await doubler.start();
  });

  afterAll(async () => {
    await client.close();
    await caller.stop();
    await doubler.stop();
    await microservice.close();
  });

  it('lets a standalone Agent request a @MessagePattern handler', async () => {
    const reply = await caller.request(SERVICE, 'calc.multiply', { a: 6, b: 7 });
    expect(reply.data).toEqual({ product: 42, asked_by: caller.id });
    expect(reply.senderId).toBe(SERVICE);
  });

  it('turns a thrown error into a typed error reply and an unknown pattern into NoHandlerError', async () => {
    await expect(caller.request(SERVICE, 'calc.fail', {})).rejects.toBeInstanceOf(RemoteHandlerError);
    await expect(caller.request(SERVICE, 'calc.unknown', {})).rejects.toBeInstanceOf(NoHandlerError);
  });

  it('delivers one-way messages to @EventPattern handlers', async () => {
    await caller.send(SERVICE, 'calc.log', { line: 'hello' });
    await expect.poll(() => events).toContainEqual({ data: { line: 'hello' }, sender: caller.id });
  });

  it('lets MasClient send() reach an @AgentHandler of a standalone Agent', async () => {
    expect(await firstValueFrom(client.send('double', { n: 21 }))).toEqual({ doubled: 42 });
    expect(await firstValueFrom(client.send({ target: SERVICE, type: 'calc.multiply' }, { a: 3, b: 3 }))).toMatchObject({
      product: 9,
    });
  });

  it('propagates remote errors through MasClient and emits one-way events', async () => {
    await expect(firstValueFrom(client.send({ target: SERVICE, type: 'calc.fail' }, {}))).rejects.toBeInstanceOf(
      RemoteHandlerError,
    );
    expect(await firstValueFrom(client.emit({ target: SERVICE, type: 'calc.log' }, { line: 'from client' }))).toBe(1);
    await expect.poll(() => events.map((e) => e.data)).toContainEqual({ line: 'from client' });
  });
});
