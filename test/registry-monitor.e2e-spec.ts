import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentDirectory, MasConnection, MasKeys } from '@mas/core';
import { registryRedis, registerLikePython, statusOf, uniqueId, useRegistry, waitFor } from './registry-e2e.helpers';

// The registry runs as its service user on a redis-server of this file's own.
const server = await registryRedis(10);
const redisUrl = server.url;
const CHECK_MS = 1_000;
/** Scheduling and polling slack on top of the bound. */
const SLACK_MS = 300;
const HEARTBEAT = { heartbeatIntervalMs: 500, heartbeatTtlMs: 1_500 };

describe('registry health monitor (keyspace notifications + sweep)', () => {
  const { registry, redis, quiet } = useRegistry(server, { checkIntervalMs: CHECK_MS });
  let directoryConnection: MasConnection;
  let directory: AgentDirectory;

  beforeAll(async () => {
    directoryConnection = new MasConnection({ redisUrl });
    directory = new AgentDirectory(directoryConnection);
  });

  afterAll(async () => {
    await directoryConnection?.close();
  });

  const discovered = async (capability: string) => (await directory.discover([capability])).map((agent) => agent.id);
  const agentJson = async (id: string) => (await registry.get(`/agents/${encodeURIComponent(id)}`)).json();

  /** Waits for the status; returns ms elapsed since `since`. */
  const statusAfter = async (id: string, status: string, since: number, timeoutMs: number) => {
    await waitFor(async () => (await statusOf(redis, id)) === status, timeoutMs, `${id} ${status}`);
    return Date.now() - since;
  };

  it('marks a crashed agent INACTIVE within one check interval after its TTL, and ACTIVE again when its heartbeat returns', async () => {
    const id = uniqueId('crash');
    const capability = `cap-${id}`;
    // The agent's own connection: cutting it is what Redis sees of a crashed process (no DEREGISTER).
    const connection = new MasConnection({ redisUrl });
    const agent = new Agent(id, { capabilities: [capability], connection, logger: quiet, ...HEARTBEAT });
    await agent.start();
    try {
      expect(await discovered(capability)).toEqual([id]);
      const before = await agentJson(id);
      expect(before).toMatchObject({ id, status: 'ACTIVE', capabilities: [capability] });
      expect(before.secondsSinceHeartbeat).toBeLessThan(1.5);
      expect(before).not.toHaveProperty('token');

      connection.command.disconnect();
      connection.subscriber.disconnect();
      const expiresAt = Date.now() + (await redis.pttl(MasKeys.heartbeat(id)));
      const lag = await statusAfter(id, 'INACTIVE', expiresAt, HEARTBEAT.heartbeatTtlMs + CHECK_MS + 2_000);
      console.log(`[registry-monitor] crash detected ${lag} ms after the heartbeat TTL ran out (bound ${CHECK_MS} ms)`);
      expect(lag).toBeLessThanOrEqual(CHECK_MS + SLACK_MS);
      expect(await discovered(capability)).toEqual([]);
      expect(await agentJson(id)).toMatchObject({ status: 'INACTIVE', lastHeartbeatAt: null, secondsSinceHeartbeat: null });

      // The process gets Redis back: its heartbeat loop writes the key again.
      const back = Date.now();
      await connection.command.connect();
      await waitFor(() => redis.exists(MasKeys.heartbeat(id)), 2_000, 'heartbeat back');
      const revived = await statusAfter(id, 'ACTIVE', back, CHECK_MS * 2 + 1_000);
      console.log(`[registry-monitor] comeback detected ${revived} ms after the connection returned`);
      expect(await discovered(capability)).toEqual([id]);
      expect(registry.logger.lines.some((line) => line.includes(`${id}: heartbeat expired, marked INACTIVE (notification)`))).toBe(true);
    } finally {
      await agent.stop();
      await connection.close();
    }
  });

  it('drops a cleanly stopped agent from /agents and discovery at once', async () => {
    const id = uniqueId('clean');
    const capability = `cap-${id}`;
    const agent = new Agent(id, { capabilities: [capability], redisUrl, logger: quiet, ...HEARTBEAT });
    await agent.start();
    const listed = async () => ((await (await registry.get(`/agents?capability=${capability}`)).json()) as { agents: Array<{ id: string }> }).agents.map((a) => a.id);
    expect(await listed()).toEqual([id]);
    await agent.stop();
    expect(await listed()).toEqual([]);
    expect((await registry.get(`/agents/${id}`)).status).toBe(404);
    expect(await discovered(capability)).toEqual([]);
    await waitFor(() => registry.logger.lines.some((line) => line.includes(`DEREGISTER ${id}`)), 2_000, 'DEREGISTER logged');
    expect(registry.logger.lines.some((line) => line.includes(`REGISTER ${id} capabilities=[${capability}]`))).toBe(true);
  });

  it('indexes an agent of the Python implementation from its REGISTER event, and follows its heartbeat and deregistration', async () => {
    const id = uniqueId('python');
    const capability = `cap-${id}`;
    await registerLikePython(redis, id, [capability], HEARTBEAT.heartbeatTtlMs);
    await waitFor(async () => (await discovered(capability)).includes(id), 2_000, 'indexed from REGISTER');
    expect(await agentJson(id)).toMatchObject({ id, status: 'ACTIVE', capabilities: [capability], metadata: { impl: 'python' } });

    // It stops heartbeating.
    const expiresAt = Date.now() + (await redis.pttl(MasKeys.heartbeat(id)));
    const lag = await statusAfter(id, 'INACTIVE', expiresAt, HEARTBEAT.heartbeatTtlMs + CHECK_MS + 2_000);
    expect(lag).toBeLessThanOrEqual(CHECK_MS + SLACK_MS);
    expect(await discovered(capability)).toEqual([]);

    // Its heartbeat comes back (Python: SETEX agent:{id}:heartbeat).
    const back = Date.now();
    await redis.set(MasKeys.heartbeat(id), String(Date.now() / 1000), 'PX', 60_000);
    const revived = await statusAfter(id, 'ACTIVE', back, CHECK_MS + 1_000);
    expect(revived).toBeLessThanOrEqual(CHECK_MS + SLACK_MS);
    expect(await discovered(capability)).toEqual([id]);

    // Python's stop: DEREGISTER first, then the hash and heartbeat are deleted.
    await redis.publish(MasKeys.systemChannel, JSON.stringify({ type: 'DEREGISTER', agent_id: id }));
    await redis.del(MasKeys.agent(id), MasKeys.heartbeat(id));
    await waitFor(async () => !(await redis.sismember(MasKeys.allAgents, id)), CHECK_MS + 1_000, 'left the index');
    expect(await redis.sismember(MasKeys.capability(capability), id)).toBe(0);
    expect(await redis.hexists(MasKeys.registryIndexed, id)).toBe(0);
    expect((await registry.get(`/agents/${id}`)).status).toBe(404);
  });
});
