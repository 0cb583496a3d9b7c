import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, MasKeys } from '@mas/core';
import type Redis from 'ioredis';
import { CapturingLogger, registerLikePython, registryServiceUrl, RunningRegistry, startRegistry, waitFor } from './registry-e2e.helpers';
import { AgentTracker, Probes, uniqueId } from './support/e2e-helpers';
import { createLimiter, runNode } from './support/node-process';
import { hasRedisServer, PrivateRedis, startPrivateRedis } from './support/private-redis';

// `mas agents` / `mas agent` reading the registry app's HTTP API (`--registry-url`, MAS_REGISTRY_URL)
// instead of Redis: a real registry app on a redis-server of this spec's own (database 4 of the
// shared one without redis-server), the built CLI as child processes, at most three at once.
const CLI = 'dist/apps/cli/src/main.js';
const UNREACHABLE_REDIS = 'redis://127.0.0.1:1/0';
let server: PrivateRedis;
let redis: Redis;
let registry: RunningRegistry;
const probes = new Probes();
const agents = new AgentTracker();
const limit = createLimiter(3);
const cap = uniqueId('cli-registry', 'cap');
const bulkCap = uniqueId('cli-registry', 'bulk');
const ours = uniqueId('cli-registry', 'a-ours');
const python = uniqueId('cli-registry', 'b-python');
/** More agents than one `GET /agents` page (1000) holds. */
const BULK = 1_003;
const bulkIds = Array.from({ length: BULK }, (_, i) => `${bulkCap}-${String(i).padStart(4, '0')}`);

const mas = (args: string[], env: Record<string, string | undefined> = {}) =>
  limit(() => runNode(CLI, args, { env: { REDIS_URL: server.url, MAS_CONFIG: undefined, MAS_REDIS__URL: undefined, MAS_REGISTRY_URL: undefined, ...env } }));
const json = (text: string) => JSON.parse(text);

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm test does)`);
  server = await startPrivateRedis(4, ['--notify-keyspace-events', 'Ex']);
  redis = probes.client(server.url);
  // The registry as its service user (on a redis-server of this spec's own; the fallback keeps the default user).
  registry = await startRegistry(hasRedisServer ? await registryServiceUrl(server.url) : server.url, { checkIntervalMs: 500 });
  await agents.start(new Agent(ours, { redisUrl: server.url, capabilities: [cap, 'echo'], metadata: { team: 'a' }, logger: new CapturingLogger() }));
  await registerLikePython(redis, python, [cap], 60_000); // indexed by the registry from its REGISTER event
  // Indexed agents without heartbeats, written in one go (as the registry's index would hold them).
  const bulk = redis.multi();
  for (const id of bulkIds) bulk.hset(MasKeys.agent(id), { id, capabilities: JSON.stringify([bulkCap]), metadata: '{}', status: 'INACTIVE', registered_at: '1700000000' });
  await bulk.sadd(MasKeys.capability(bulkCap), ...bulkIds).sadd(MasKeys.allAgents, ...bulkIds).exec();
  await waitFor(async () => redis.sismember(MasKeys.capability(cap), python), 5_000, 'the python agent indexed');
}, 60_000);

afterAll(async () => {
  await agents.stopAll();
  await registry?.close();
  await probes.closeAll();
  await server?.stop();
});

describe('mas agents / mas agent --registry-url (the registry HTTP API)', { timeout: 60_000 }, () => {
  it('lists agents from the registry without touching Redis, as table and as JSON, filtered, concurrently', async () => {
    const [listed, table, inactive] = await Promise.all([
      mas(['agents', '--registry-url', registry.baseUrl, '-c', cap, '--json'], { REDIS_URL: UNREACHABLE_REDIS }),
      mas(['agents', '--capability', cap, 'nothing-else'], { REDIS_URL: UNREACHABLE_REDIS, MAS_REGISTRY_URL: `${registry.baseUrl}/` }),
      mas(['agents', '--registry-url', registry.baseUrl, '-c', cap, '--status', 'inactive', '--json'], { REDIS_URL: UNREACHABLE_REDIS }),
    ]);
    expect(listed.code, listed.stderr).toBe(0);
    const views = json(listed.stdout);
    expect(views.map((v: { id: string }) => v.id)).toEqual([ours, python]);
    expect(views[0]).toMatchObject({ id: ours, capabilities: [cap, 'echo'], metadata: { team: 'a' }, status: 'ACTIVE', delivery: 'direct', alive: true });
    expect(views[0].lastHeartbeat).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(views[1]).toMatchObject({ id: python, capabilities: [cap], metadata: { impl: 'python' }, status: 'ACTIVE', alive: true });
    expect(views[0]).not.toHaveProperty('token');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+STATUS\s+HEARTBEAT\s+CAPABILITIES\s+REGISTERED \(UTC\)$/m);
    expect(table.stdout).toMatch(new RegExp(`^${ours}\\s+ACTIVE\\s+\\d+(ms|s) ago\\s+${cap}, echo\\s+\\d{4}-`, 'm'));
    expect(table.stdout).toContain('2 agent(s)');
    expect(inactive.code, inactive.stderr).toBe(0);
    expect(json(inactive.stdout)).toEqual([]);
  });

  it('pages through more agents than one GET /agents page holds', async () => {
    const listed = await mas(['agents', '--registry-url', registry.baseUrl, '-c', bulkCap, '--json'], { REDIS_URL: UNREACHABLE_REDIS });
    expect(listed.code, listed.stderr).toBe(0);
    const ids = json(listed.stdout).map((v: { id: string }) => v.id);
    expect(ids).toHaveLength(BULK);
    expect(ids).toEqual(bulkIds);
  });

  it('shows one agent from the registry (its state and gateway policy from Redis); exit 3 for an unknown id', async () => {
    await redis.hset(MasKeys.state(ours), { count: '1' });
    const [shown, missing] = await Promise.all([
      mas(['agent', ours, '--registry-url', registry.baseUrl, '--json']),
      mas(['agent', `${ours}-nobody`, '--registry-url', registry.baseUrl, '--json']),
    ]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(json(shown.stdout)).toMatchObject({ id: ours, status: 'ACTIVE', alive: true, delivery: 'direct', stateFields: 1, gateway: { signing: null, roles: [] } });
    expect(json(shown.stdout)).not.toHaveProperty('token');
    expect(missing.code).toBe(3);
    expect(json(missing.stderr)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('exits 1 naming the registry when its URL does not answer', async () => {
    const failed = await mas(['agents', '--registry-url', 'http://127.0.0.1:1', '--json']);
    expect(failed.code).toBe(1);
    expect(json(failed.stderr)).toMatchObject({ error: { code: 'REGISTRY_UNREACHABLE', message: expect.stringContaining('set --registry-url or MAS_REGISTRY_URL') } });
  });
});
