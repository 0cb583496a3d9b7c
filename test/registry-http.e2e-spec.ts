import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Test } from '@nestjs/testing';
import { Agent, ConfigValidationError, MasKeys } from '@mas/core';
import { RegistryModule } from '../apps/registry/src/registry.module';
import { hasRedisServer } from './support/private-redis';
import { CapturingLogger, registryRedis, registerLikePython, statusOf, uniqueId, useRegistry, waitFor } from './registry-e2e.helpers';

// The registry runs as its service user on a redis-server of this file's own.
const server = await registryRedis(11);
const redisUrl = server.url;
const CHECK_MS = 500;

interface AgentList {
  total: number;
  offset: number;
  limit: number;
  agents: Array<{ id: string; status: string; capabilities: string[] }>;
}

describe('registry HTTP API', () => {
  const { registry, redis, quiet } = useRegistry(server, { checkIntervalMs: CHECK_MS });
  const tag = uniqueId('http');
  const cap = (name: string) => `${tag}-${name}`;
  const ids = { a: `${tag}-a`, b: `${tag}-b`, py: `${tag}-py` };
  const agents: Agent[] = [];

  const list = async (query: string): Promise<AgentList> => {
    const response = await registry.get(`/agents?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as AgentList;
  };
  const idsOf = (page: AgentList) => page.agents.map((agent) => agent.id);

  beforeAll(async () => {
    agents.push(new Agent(ids.a, { capabilities: [cap('alpha'), cap('shared')], metadata: { team: 'a' }, redisUrl, logger: quiet }));
    agents.push(new Agent(ids.b, { capabilities: [cap('beta'), cap('shared')], redisUrl, logger: quiet }));
    for (const agent of agents) await agent.start();
    // An INACTIVE one: a Python-style agent whose heartbeat is gone.
    await registerLikePython(redis, ids.py, [cap('gamma'), cap('shared')], 60_000);
    await waitFor(async () => redis.sismember(MasKeys.allAgents, ids.py), 2_000, 'python agent indexed');
    await redis.del(MasKeys.heartbeat(ids.py));
    await waitFor(async () => (await statusOf(redis, ids.py)) === 'INACTIVE', 3 * CHECK_MS, 'python agent INACTIVE');
  });

  afterAll(async () => {
    for (const agent of agents) await agent.stop();
    await redis.del(MasKeys.agent(ids.py));
  });

  it('GET /agents filters by ANY of several capabilities (repeated or comma-separated) and by status', async () => {
    expect(idsOf(await list(`capability=${cap('alpha')}&capability=${cap('beta')}`))).toEqual([ids.a, ids.b]);
    expect(idsOf(await list(`capability=${cap('alpha')},${cap('gamma')}`))).toEqual([ids.a, ids.py]);
    expect(idsOf(await list(`capability=${cap('shared')}&status=ACTIVE`))).toEqual([ids.a, ids.b]);
    expect(idsOf(await list(`capability=${cap('shared')}&status=INACTIVE`))).toEqual([ids.py]);
    expect(idsOf(await list(`capability=${cap('nobody')}`))).toEqual([]);
    const all = await list('limit=1000');
    expect(idsOf(all)).toEqual(expect.arrayContaining([ids.a, ids.b, ids.py]));
  });

  it('GET /agents pages through sorted ids', async () => {
    const page = await list(`capability=${cap('shared')}&limit=2&offset=1`);
    expect(page).toMatchObject({ total: 3, offset: 1, limit: 2 });
    expect(idsOf(page)).toEqual([ids.b, ids.py]);
  });

  it('GET /agents answers 400 on an invalid or unknown query parameter', async () => {
    for (const query of ['status=BOGUS', 'limit=0', 'limit=abc', 'limit=5000', 'offset=-1', 'capability=', 'colour=red']) {
      const response = await registry.get(`/agents?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { message: string[] };
      expect(body.message.join(' '), query).toMatch(/status|limit|offset|capability|colour/);
    }
  });

  it('GET /agents/:id shows the record, capabilities, metadata and seconds since the last heartbeat; 404 when unknown', async () => {
    const response = await registry.get(`/agents/${ids.a}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: ids.a, status: 'ACTIVE', capabilities: [cap('alpha'), cap('shared')], metadata: { team: 'a' } });
    expect(body.registeredAt).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(body.secondsSinceHeartbeat).toBeGreaterThanOrEqual(0);
    expect(body.secondsSinceHeartbeat).toBeLessThan(5);
    expect(body).not.toHaveProperty('token');
    expect(await (await registry.get(`/agents/${ids.py}`)).json()).toMatchObject({ status: 'INACTIVE', secondsSinceHeartbeat: null });

    const missing = await registry.get(`/agents/${tag}-nobody`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toContain(`${tag}-nobody`);
  });

  it('GET /health reports Redis and the monitor loop', async () => {
    const response = await registry.get('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      details: { redis: { status: 'up' }, monitor: { status: 'up', keyspaceNotifications: 'enabled' } },
    });
  });

  it.runIf(hasRedisServer)('runs as its service user, which may not run CONFIG: it sees the notifications the operator turned on at work', async () => {
    const clients = String(await redis.call('CLIENT', 'LIST')).split('\n').filter((line) => / name=mas-registry/.test(line));
    expect(clients.length).toBeGreaterThan(0);
    expect(clients.every((line) => line.includes(` user=${MasKeys.aclServiceUser('registry')} `))).toBe(true);
    expect(registry.logger.lines).toContainEqual(expect.stringMatching(/Keyspace notifications for expired keys are on \(CONFIG refused: .*; the expiry of a probe key was published\)/));
  });

  it('GET /docs serves the OpenAPI description', async () => {
    const ui = await registry.get('/docs');
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
    const document = (await (await registry.get('/docs-json')).json()) as {
      paths: Record<string, { get: { parameters?: Array<{ name: string }> } }>;
    };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/agents', '/agents/{id}', '/health', '/metrics']));
    expect(document.paths['/agents'].get.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['capability', 'status', 'limit', 'offset']),
    );
  });

  it('GET /metrics shows the counters moving, agents by status and the Node defaults', async () => {
    const text = await (await registry.get('/metrics')).text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_heap_size_used_bytes');
    expect(await registry.metric('mas_registry_agents', { status: 'INACTIVE' })).toBeGreaterThanOrEqual(1);
    expect(await registry.metric('mas_registry_agents', { status: 'ACTIVE' })).toBeGreaterThanOrEqual(2);
    expect(await registry.metric('mas_registry_expiries_detected_total', { source: 'sweep' })).toBeGreaterThanOrEqual(1);

    const before = {
      registrations: await registry.metric('mas_registry_registrations_total'),
      deregistrations: await registry.metric('mas_registry_deregistrations_total'),
      expiries: await registry.metric('mas_registry_expiries_detected_total'),
      sweeps: await registry.metric('mas_registry_sweep_duration_seconds_count'),
      indexed: await registry.metric('mas_registry_agents_indexed_total'),
    };
    const id = uniqueId('metrics');
    await registerLikePython(redis, id, [cap('delta')], 300);
    await waitFor(async () => (await statusOf(redis, id)) === 'INACTIVE', 3_000, 'metrics agent INACTIVE');
    const agent = new Agent(uniqueId('metrics-native'), { redisUrl, logger: quiet });
    await agent.start();
    await agent.stop();
    await waitFor(
      async () => (await registry.metric('mas_registry_deregistrations_total')) > before.deregistrations,
      2_000,
      'deregistration counted',
    );
    expect(await registry.metric('mas_registry_registrations_total')).toBeGreaterThanOrEqual(before.registrations + 2);
    expect(await registry.metric('mas_registry_expiries_detected_total')).toBeGreaterThanOrEqual(before.expiries + 1);
    expect(await registry.metric('mas_registry_agents_indexed_total')).toBeGreaterThanOrEqual(before.indexed + 1);
    expect(await registry.metric('mas_registry_sweep_duration_seconds_count')).toBeGreaterThan(before.sweeps);
    await redis.del(MasKeys.agent(id));
  });

  it('refuses to start with a bad setting, naming the key', async () => {
    const start = Test.createTestingModule({
      imports: [RegistryModule.forRoot({ env: { MAS_MONITOR__CHECK_INTERVAL_MS: 'soon', PORT: '70000' } })],
    })
      .setLogger(new CapturingLogger())
      .compile();
    await expect(start).rejects.toThrow(ConfigValidationError);
    await expect(start).rejects.toThrow(/monitor\.checkIntervalMs: checkIntervalMs must be an integer number \(got "soon"\)/);
    await expect(start).rejects.toThrow(/http\.port: port must not be greater than 65535/);
  });
});
