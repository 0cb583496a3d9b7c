import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MasKeys } from '../redis/keys';
import { AgentViewReader } from './agent-view-reader';

// A real Redis (REDIS_URL, database 13); every id and capability is of this run only.
const redisUrl = `${(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d*$/, '')}/13`;
const run = randomBytes(4).toString('hex');
const id = (label: string) => `spec-view-${label}-${run}`;
const cap = (label: string) => `spec-cap-${label}-${run}`;
const ids = { ours: id('a-ours'), python: id('b-python'), unindexed: id('c-unindexed'), notHash: id('d-string') };
let redis: Redis;
let reader: AgentViewReader;

beforeAll(async () => {
  redis = new Redis(redisUrl, { connectionName: 'mas-spec-agent-views' });
  reader = new AgentViewReader(redis, MasKeys, { batchSize: 2 }); // several pipelines per listing
  const now = Date.now() / 1000;
  await redis
    .multi()
    .hset(MasKeys.agent(ids.ours), { id: ids.ours, capabilities: JSON.stringify([cap('x'), cap('y')]), metadata: '{"team":"a"}', status: 'ACTIVE', token: 'secret', registered_at: String(now - 10), delivery: 'reliable' })
    .set(MasKeys.heartbeat(ids.ours), String(now - 2), 'EX', 60)
    .hset(MasKeys.agent(ids.python), { id: ids.python, capabilities: JSON.stringify([cap('x')]), metadata: '{}', status: 'INACTIVE', registered_at: '1700000000.5' })
    .hset(MasKeys.agent(ids.unindexed), { id: ids.unindexed, capabilities: JSON.stringify([cap('y')]), metadata: '{}', status: 'ACTIVE', registered_at: '1700000001' })
    .set(MasKeys.agent(ids.notHash), 'not a registry hash')
    .sadd(MasKeys.capability(cap('x')), ids.ours, ids.python, id('gone'))
    .sadd(MasKeys.capability(cap('y')), ids.ours, ids.notHash)
    .exec();
});

afterAll(async () => {
  await redis.del(...Object.values(ids).flatMap((agent) => [MasKeys.agent(agent), MasKeys.heartbeat(agent)]), MasKeys.capability(cap('x')), MasKeys.capability(cap('y')));
  redis.disconnect();
});

describe('AgentViewReader', () => {
  it('reads an agent hash and its heartbeat into a view, never with the token', async () => {
    const view = await reader.get(ids.ours);
    expect(view).toMatchObject({ id: ids.ours, capabilities: [cap('x'), cap('y')], metadata: { team: 'a' }, status: 'ACTIVE', delivery: 'reliable', alive: true });
    expect(view).not.toHaveProperty('token');
    expect(view!.secondsSinceHeartbeat).toBeGreaterThanOrEqual(1.9);
    expect(view!.secondsSinceHeartbeat).toBeLessThan(10);
    expect(view!.lastHeartbeatAt).toBeCloseTo(Date.now() / 1000 - 2, 0);
  });

  it('reads a Python agent without heartbeat as not alive, and an id without a registry hash as absent', async () => {
    expect(await reader.get(ids.python)).toEqual({
      id: ids.python, capabilities: [cap('x')], metadata: {}, status: 'INACTIVE', registeredAt: 1700000000.5, alive: false, lastHeartbeatAt: null, secondsSinceHeartbeat: null,
    });
    expect(await reader.read([id('nobody'), ids.notHash, ids.ours])).toMatchObject([undefined, undefined, { id: ids.ours }]);
  });

  it('lists from the capability index: ANY of the capabilities, by status, sorted, skipping ids without a hash', async () => {
    const ofIndex = async (filter: Parameters<AgentViewReader['listIndexed']>[0]) => (await reader.listIndexed(filter)).map((view) => view.id);
    expect(await ofIndex({ capability: [cap('x'), cap('y')] })).toEqual([ids.ours, ids.python]);
    expect(await ofIndex({ capability: [cap('x')], status: 'INACTIVE' })).toEqual([ids.python]);
    expect(await ofIndex({ capability: [cap('y')] })).toEqual([ids.ours]); // not the unindexed one: only SCAN finds it
  });

  it('lists every registry hash by SCAN, filtered by the capabilities of each record', async () => {
    const ofAll = async (filter: Parameters<AgentViewReader['listAll']>[0]) => (await reader.listAll(filter)).map((view) => view.id);
    expect(await ofAll({ capability: [cap('y')] })).toEqual([ids.ours, ids.unindexed]);
    expect(await ofAll({ capability: [cap('x'), cap('y')], status: 'ACTIVE' })).toEqual([ids.ours, ids.unindexed]);
    const every = await reader.scanIds();
    expect(every).toEqual(expect.arrayContaining([ids.ours, ids.python, ids.unindexed]));
    expect(every).not.toContain(ids.notHash);
  });
});
