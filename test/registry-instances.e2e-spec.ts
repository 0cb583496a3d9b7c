import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import { Agent, AgentDirectory, MasConnection, MasKeys } from '@mas/core';
import {
  CapturingLogger,
  rawClient,
  registryRedis,
  RunningRegistry,
  sleep,
  startRegistry,
  statusOf,
  uniqueId,
  waitFor,
} from './registry-e2e.helpers';

// The registry runs as its service user on a redis-server of this file's own.
const server = await registryRedis(12);
const redisUrl = server.url;
const CHECK_MS = 500;
const HEARTBEAT = { heartbeatIntervalMs: 200, heartbeatTtlMs: 1_000 };

describe('two registry instances at once', () => {
  let redis: Redis;
  let instances: RunningRegistry[] = [];
  const quiet = new CapturingLogger();
  const early = uniqueId('early');

  const sum = async (name: string) => (await Promise.all(instances.map((r) => r.metric(name)))).reduce((a, b) => a + b, 0);
  const linesAbout = (text: string) => instances.flatMap((r) => r.logger.lines.filter((line) => line.includes(text)));

  beforeAll(async () => {
    redis = rawClient(redisUrl);
    // An agent of the Python implementation that registered while no registry listened (no REGISTER seen).
    await redis.hset(MasKeys.agent(early), {
      id: early,
      capabilities: JSON.stringify([`cap-${early}`]),
      metadata: '{}',
      status: 'ACTIVE',
      token: 't',
      registered_at: String(Date.now() / 1000),
    });
    await redis.set(MasKeys.heartbeat(early), String(Date.now() / 1000), 'PX', 60_000);
    instances = await Promise.all([startRegistry(server.registryUrl, { checkIntervalMs: CHECK_MS }), startRegistry(server.registryUrl, { checkIntervalMs: CHECK_MS })]);
  });

  afterAll(async () => {
    await Promise.all(instances.map((r) => r.close()));
    await redis?.del(MasKeys.agent(early), MasKeys.heartbeat(early));
    redis?.disconnect();
  });

  it('indexes agents found by the start-up scan, once between them', async () => {
    const connection = new MasConnection({ redisUrl });
    try {
      expect((await new AgentDirectory(connection).discover([`cap-${early}`])).map((a) => a.id)).toEqual([early]);
    } finally {
      await connection.close();
    }
    expect(linesAbout('Scan at start').length).toBeGreaterThanOrEqual(1);
    // Whichever instance(s) scanned, the index gained the agent once (an idempotent script).
    expect(await sum('mas_registry_agents_indexed_total')).toBe(1);
  });

  it('changes a status once per event, with no flapping, however many instances see it', async () => {
    const connections = [0, 1, 2].map(() => new MasConnection({ redisUrl }));
    const agents = connections.map((connection) => new Agent(uniqueId('pair'), { connection, logger: quiet, ...HEARTBEAT }));
    await Promise.all(agents.map((agent) => agent.start()));
    const before = {
      expiries: await sum('mas_registry_expiries_detected_total'),
      reactivations: await sum('mas_registry_reactivations_total'),
    };
    try {
      for (const connection of connections) {
        connection.command.disconnect();
        connection.subscriber.disconnect();
      }
      for (const agent of agents) {
        await waitFor(async () => (await statusOf(redis, agent.id)) === 'INACTIVE', HEARTBEAT.heartbeatTtlMs + CHECK_MS + 2_000, agent.id);
      }
      // Two more intervals: both instances sweep (each when it holds the lease); nothing flips back.
      const watch = Date.now() + 2 * CHECK_MS;
      while (Date.now() < watch) {
        for (const agent of agents) expect(await statusOf(redis, agent.id)).toBe('INACTIVE');
        await sleep(50);
      }
      expect((await sum('mas_registry_expiries_detected_total')) - before.expiries).toBe(agents.length);
      for (const agent of agents) expect(linesAbout(`${agent.id}: heartbeat expired, marked INACTIVE`)).toHaveLength(1);

      await Promise.all(connections.map((connection) => connection.command.connect()));
      for (const agent of agents) {
        await waitFor(async () => (await statusOf(redis, agent.id)) === 'ACTIVE', 3 * CHECK_MS + 1_000, `${agent.id} back`);
      }
      await sleep(2 * CHECK_MS);
      expect((await sum('mas_registry_reactivations_total')) - before.reactivations).toBe(agents.length);
      for (const agent of agents) expect(linesAbout(`${agent.id}: heartbeat is back, marked ACTIVE`)).toHaveLength(1);
    } finally {
      await Promise.all(agents.map((agent) => agent.stop()));
      await Promise.all(connections.map((connection) => connection.close()));
    }
  });

  it('sweeps once per interval between them (lease in Redis), not once per instance', async () => {
    const before = await sum('mas_registry_sweep_duration_seconds_count');
    const windowMs = 6 * CHECK_MS;
    await sleep(windowMs);
    const sweeps = (await sum('mas_registry_sweep_duration_seconds_count')) - before;
    console.log(`[registry-instances] ${sweeps} sweeps in ${windowMs} ms by two instances (interval ${CHECK_MS} ms)`);
    expect(sweeps).toBeGreaterThanOrEqual(windowMs / CHECK_MS - 1);
    expect(sweeps).toBeLessThanOrEqual(windowMs / CHECK_MS + 1);
    for (const registry of instances) expect((await registry.get('/health')).status).toBe(200);
  });
});
