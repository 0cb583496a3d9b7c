import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, MasError, MasKeys, RequestAbortedError } from '@mas/core';
import { AgentTracker, QuietLogger, sleep, uniqueId, waitFor } from './support/e2e-helpers';
import { RedisServer } from './support/private-redis';

const SPEC = 'redis-restart';
const id = (label: string) => uniqueId(SPEC, label);
const MARKER = `${SPEC}:marker`;

class Worker extends Agent {
  @AgentHandler('echo')
  echo(data: Record<string, unknown>) {
    return { echoed: data };
  }

  @AgentHandler('slow')
  async slow() {
    await sleep(1_500);
    return { late: true };
  }
}

describe('Redis restart mid-run', () => {
  const logger = new QuietLogger();
  const agents = new AgentTracker();
  let server: RedisServer;
  let probe: Redis;
  let worker: Worker;
  let client: Agent;

  beforeAll(async () => {
    server = new RedisServer(); // no persistence: a restart loses every key
    await server.start();
    probe = new Redis(server.url, { connectionName: 'mas-e2e-probe', maxRetriesPerRequest: null });
    probe.on('error', () => undefined);
    const options = { redisUrl: server.url, logger, heartbeatIntervalMs: 300, heartbeatTtlMs: 1_000, requestTimeoutMs: 5_000 };
    worker = await agents.start(new Worker(id('worker'), { ...options, capabilities: ['restart-echo'] }));
    client = await agents.start(new Agent(id('client'), options));
  });

  afterAll(async () => {
    if (server && !server.running) await server.start(); // so that the agents can deregister
    await agents.stopAll();
    probe?.disconnect();
    await server?.dispose();
  });

  it('works before the restart', async () => {
    await expect(client.request(worker.id, 'echo', { n: 1 })).resolves.toMatchObject({ data: { echoed: { n: 1 } } });
    expect(await probe.exists(MasKeys.agent(worker.id), MasKeys.agent(client.id))).toBe(2);
  });

  it('fails a pending request with a typed error when Redis dies, instead of hanging', async () => {
    const received = worker.stats.received;
    await probe.set(MARKER, 'written before the kill');
    const pending = client.request(worker.id, 'slow', {}, { timeout: 20_000 }).catch((e: unknown) => e);
    await waitFor(() => worker.stats.received > received, 3_000, 'the worker to get the request');

    const killedAt = Date.now();
    await server.kill('SIGKILL');
    const error = await pending;

    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(Date.now() - killedAt).toBeLessThan(3_000);
  });

  it('fails a request made while Redis is down with a typed error too', async () => {
    const started = Date.now();
    const error = await client.request(worker.id, 'echo', {}, { timeout: 1_000 }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MasError);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('reconnects, resubscribes and registers again by itself once Redis is back', async () => {
    await sleep(500);
    const resets = { worker: worker.stats.redisResets, client: client.stats.redisResets };
    await server.start();
    // No persistence: every key is gone, the marker planted before the kill included. (The agents
    // reconnect on their own and may write again before the probe reads, so their keys cannot be
    // the witness.)
    expect(await probe.exists(MARKER)).toBe(0);
    await waitFor(
      () => worker.stats.redisResets > resets.worker && client.stats.redisResets > resets.client,
      10_000,
      'both agents to notice that Redis lost its data',
    );

    await waitFor(
      async () => (await probe.exists(MasKeys.agent(worker.id), MasKeys.agent(client.id))) === 2,
      10_000,
      'both agents to register again',
    );
    const hash = await probe.hgetall(MasKeys.agent(worker.id));
    expect(hash).toMatchObject({ id: worker.id, status: 'ACTIVE', token: worker.registrationToken });
    expect(JSON.parse(hash.capabilities)).toEqual(['restart-echo']);
    await waitFor(() => probe.exists(MasKeys.heartbeat(worker.id)), 5_000, 'the heartbeat');
    await waitFor(
      async () => {
        const [, count] = (await probe.pubsub('NUMSUB', MasKeys.agentChannel(worker.id))) as [string, number];
        return count === 1;
      },
      5_000,
      'the worker channel to be subscribed again',
    );

    // request / reply and discovery work again, without any user code
    await expect(client.request(worker.id, 'echo', { n: 2 })).resolves.toMatchObject({ data: { echoed: { n: 2 } } });
    await expect(worker.request(client.id, 'anything', {}, { timeout: 2_000 })).rejects.toMatchObject({
      name: 'NoHandlerError',
    });
    expect((await client.discover(['restart-echo'])).map((r) => r.id)).toEqual([worker.id]);
    expect(worker.isRunning && client.isRunning).toBe(true);
  });

  it('keeps heartbeating after the restart', async () => {
    const before = Number(await probe.get(MasKeys.heartbeat(worker.id)));
    await sleep(700);
    const after = Number(await probe.get(MasKeys.heartbeat(worker.id)));

    expect(after).toBeGreaterThan(before);
    expect(await probe.pttl(MasKeys.heartbeat(worker.id))).toBeLessThanOrEqual(1_000);
  });
});
