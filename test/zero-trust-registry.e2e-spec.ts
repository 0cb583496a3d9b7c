import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MasConnection, MasKeys } from '@mas/core';
import { registerLikePython, RunningRegistry, startRegistry, statusOf, waitFor } from './registry-e2e.helpers';
import { uniqueId } from './support/e2e-helpers';
import { ZeroTrustWorld } from './support/zero-trust';

// Issue 11: the registry app runs as its least-privilege service user (`mas provision --service
// registry`) in a zero-trust deployment: provisioned agents registered by the gateway, a Python
// agent's hash, a crash detected by the sweep alone (CONFIG, and so keyspace notifications, is the
// operator's), /health, /metrics and the dashboard snapshot.
const CHECK_MS = 500;
const HEARTBEAT = { heartbeatIntervalMs: 300, heartbeatTtlMs: 1_000 };
let world: ZeroTrustWorld;
let registry: RunningRegistry;
let registryUrl: string;
const pythonId = uniqueId('zt', 'python');

interface AgentList {
  total: number;
  agents: Array<{ id: string; status: string; capabilities: string[] }>;
}

const listed = async (query = 'limit=1000'): Promise<AgentList> => {
  const response = await registry.get(`/agents?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as AgentList;
};
const statusListed = async (id: string) => (await listed()).agents.find((agent) => agent.id === id)?.status;

beforeAll(async () => {
  world = await ZeroTrustWorld.start(6);
  registryUrl = (await world.provisioner.provisionService('registry')).redisUrl;
  registry = await startRegistry(registryUrl, { checkIntervalMs: CHECK_MS });
}, 30_000);
afterAll(async () => {
  await registry?.close();
  await world?.close();
});

describe('the registry app as its service user', () => {
  it('connects as its service user, cannot turn keyspace notifications on, and says it relies on the sweep', async () => {
    const clients = String(await world.admin.command.call('CLIENT', 'LIST')).split('\n').filter((line) => / name=mas-registry/.test(line));
    expect(clients.length).toBeGreaterThan(0);
    expect(clients.every((line) => line.includes(` user=${MasKeys.aclServiceUser('registry')} `))).toBe(true);
    expect(registry.logger.lines).toContainEqual(expect.stringMatching(/Cannot enable keyspace notifications \(CONFIG refused: .*\); expiries are detected by the sweep every 500 ms/));
    expect(await world.admin.command.config('GET', 'notify-keyspace-events')).toEqual(['notify-keyspace-events', '']);
  });

  it('lists a provisioned agent and a Python-style agent in GET /agents', async () => {
    const ours = await world.provision('ours', { capabilities: ['zt-reg-chat'] });
    await world.start(ours, { capabilities: ['zt-reg-chat'] });
    await registerLikePython(world.admin.command, pythonId, ['zt-reg-chat'], 60_000);

    await waitFor(async () => (await listed('capability=zt-reg-chat')).total === 2, 5_000, 'both agents listed');
    const { agents } = await listed('capability=zt-reg-chat');
    expect(agents.map((agent) => [agent.id, agent.status]).sort()).toEqual([[ours.id, 'ACTIVE'], [pythonId, 'ACTIVE']].sort());
    const view = (await (await registry.get(`/agents/${encodeURIComponent(ours.id)}`)).json()) as Record<string, unknown>;
    expect(view).toMatchObject({ id: ours.id, status: 'ACTIVE', capabilities: ['zt-reg-chat'] });
    expect(view).not.toHaveProperty('token');
    // The Python agent's hash was indexed by the registry (the REGISTER event): a write the service user may make.
    expect(registry.logger.lines).toContainEqual(expect.stringContaining(`Agent ${pythonId}: added to the capability index`));
  });

  it('marks a crashed provisioned agent INACTIVE by its sweep, and ACTIVE again when it comes back', async () => {
    const crashing = await world.provision('crash', { capabilities: ['zt-reg-crash'] });
    // The agent's own connection: cutting it is what Redis sees of a crashed process (no deregistration).
    const connection = new MasConnection({ redisUrl: crashing.redisUrl });
    try {
      await world.start(crashing, { capabilities: ['zt-reg-crash'], connection, ...HEARTBEAT });
      await waitFor(async () => (await statusListed(crashing.id)) === 'ACTIVE', 5_000, 'the agent listed ACTIVE');
      // The gateway registers it with the default heartbeat TTL; the agent's own beats shorten it.
      await waitFor(async () => (await world.admin.command.pttl(MasKeys.heartbeat(crashing.id))) <= HEARTBEAT.heartbeatTtlMs, 2_000, 'its own heartbeat');

      connection.command.disconnect();
      connection.subscriber.disconnect();
      const timeout = HEARTBEAT.heartbeatTtlMs + 2 * CHECK_MS + 2_000;
      await waitFor(async () => (await statusOf(world.admin.command, crashing.id)) === 'INACTIVE', timeout, 'the crash detected');
      expect(await statusListed(crashing.id)).toBe('INACTIVE');
      expect(registry.logger.lines).toContainEqual(expect.stringContaining(`Agent ${crashing.id}: heartbeat expired, marked INACTIVE (sweep)`));
      expect(await registry.metric('mas_registry_expiries_detected_total', { source: 'sweep' })).toBeGreaterThanOrEqual(1);
      expect(await registry.metric('mas_registry_expiries_detected_total', { source: 'notification' })).toBe(0);

      await connection.command.connect();
      await waitFor(async () => (await statusOf(world.admin.command, crashing.id)) === 'ACTIVE', 2 * CHECK_MS + 3_000, 'the agent back');
    } finally {
      await world.stopAgents();
      await connection.close();
    }
  });

  it('answers /health (Redis and the monitor up, notifications unavailable), /metrics and the dashboard snapshot', async () => {
    const health = await registry.get('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', info: { redis: { status: 'up' }, monitor: { status: 'up', keyspaceNotifications: 'unavailable' } } });

    const metrics = await registry.get('/metrics');
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain('mas_registry_registrations_total');
    expect(await registry.metric('mas_registry_agents', { status: 'ACTIVE' })).toBeGreaterThanOrEqual(1);

    const snapshot = await registry.get('/dashboard/snapshot');
    expect(snapshot.status).toBe(200);
    const body = (await snapshot.json()) as { agents: Array<{ id: string; status: string }>; gateway: { auditLength: number } | null };
    expect(body.agents).toContainEqual(expect.objectContaining({ id: pythonId, status: 'ACTIVE' }));
    // The gateway audited the registrations: the snapshot's gateway panel reads the audit trail.
    expect(body.gateway?.auditLength).toBeGreaterThan(0);
    expect((await registry.get('/')).status).toBe(200);
  });
});
