import 'reflect-metadata';
import { afterAll, describe, expect, it } from 'vitest';
import { Agent, MasKeys } from '@mas/core';
import { AgentTracker, Probes, uniqueId, waitFor } from './support/e2e-helpers';
import { NodeProcess, startNode } from './support/node-process';
import { hasRedisServer, PrivateRedis, startPrivateRedis } from './support/private-redis';

// `mas watch` as a child process against redis-servers of this spec's own: one as servers come
// (polling), one started with keyspace notifications on.
const CLI = 'dist/apps/cli/src/main.js';
const id = (label: string) => uniqueId('cli-watch', label);
const agents = new AgentTracker();
const probes = new Probes();
const servers: PrivateRedis[] = [];

afterAll(async () => {
  await agents.stopAll();
  await probes.closeAll();
  await Promise.all(servers.map((server) => server.stop()));
});

async function server(args: string[] = []): Promise<PrivateRedis> {
  const started = await startPrivateRedis(0, args);
  servers.push(started);
  return started;
}

/** Starts `mas watch --json ...args` and waits until it watches. */
async function startWatch(redisUrl: string, args: string[]): Promise<NodeProcess> {
  const watch = startNode(CLI, ['watch', '--json', ...args], { env: { REDIS_URL: redisUrl, MAS_CONFIG: undefined, MAS_REDIS__URL: undefined } });
  await watch.waitFor(/"watching":true/, 'stderr', 30_000);
  return watch;
}

/** The events of `mas watch --json` about one agent. */
function eventsOf(watch: NodeProcess, agentId: string): Array<Record<string, unknown>> {
  return watch
    .stdout()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((event) => event.agent_id === agentId);
}

/** Registers an agent, flips its status twice, stops it; returns the events seen, after Ctrl-C. */
async function exercise(watch: NodeProcess, redisUrl: string): Promise<Array<Record<string, unknown>>> {
  const redis = probes.client(redisUrl);
  const agent = await agents.start(new Agent(id('agent'), { redisUrl, capabilities: ['watched'] }));
  await waitFor(() => eventsOf(watch, agent.id).length === 1, 10_000, 'REGISTER');
  await redis.hset(MasKeys.agent(agent.id), 'status', 'INACTIVE');
  await waitFor(() => eventsOf(watch, agent.id).length === 2, 10_000, 'STATUS to INACTIVE');
  await redis.hset(MasKeys.agent(agent.id), 'status', 'ACTIVE');
  await waitFor(() => eventsOf(watch, agent.id).length === 3, 10_000, 'STATUS to ACTIVE');
  await agent.stop();
  await waitFor(() => eventsOf(watch, agent.id).length === 4, 10_000, 'DEREGISTER');
  watch.child.kill('SIGINT');
  const run = await watch.exited;
  expect(run.code).toBe(0);
  return eventsOf(watch, agent.id);
}

const expected = (agentId: string) => [
  { event: 'REGISTER', agent_id: agentId, capabilities: ['watched'] },
  { event: 'STATUS', agent_id: agentId, from: 'ACTIVE', to: 'INACTIVE' },
  { event: 'STATUS', agent_id: agentId, from: 'INACTIVE', to: 'ACTIVE' },
  { event: 'DEREGISTER', agent_id: agentId, capabilities: ['watched'] },
];

describe('mas watch', { timeout: 60_000 }, () => {
  it('reports REGISTER, status changes (polling) and DEREGISTER as JSON lines; Ctrl-C exits 0', async () => {
    const redisUrl = (await server()).url;
    const watch = await startWatch(redisUrl, ['--mode', 'poll', '--interval', '100']);
    expect(watch.stderr()).toContain('"mode":"poll"');
    const events = await exercise(watch, redisUrl);
    expect(events).toMatchObject(expected(String(events[0].agent_id)));
  });

  it.skipIf(!hasRedisServer)('uses keyspace notifications when the server has them on (auto mode)', async () => {
    const keyspace = await server(['--notify-keyspace-events', 'Kh']);
    const redisUrl = keyspace.urlFor(2);
    const watch = await startWatch(redisUrl, []);
    expect(watch.stderr()).toContain('"mode":"keyspace"');
    // Pub/sub is server-wide: an agent of another database of the same server is not reported.
    const elsewhere = await agents.start(new Agent(id('elsewhere'), { redisUrl: keyspace.urlFor(3) }));
    await elsewhere.stop();
    const events = await exercise(watch, redisUrl);
    expect(events).toMatchObject(expected(String(events[0].agent_id)));
    expect(eventsOf(watch, elsewhere.id)).toEqual([]);
  });
});
