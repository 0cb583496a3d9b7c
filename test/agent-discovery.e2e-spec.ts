import type Redis from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, AgentNotStartedError, MasKeys } from '@mas/core';
import { AgentTracker, Probes, QuietLogger, redisUrlFor, uniqueId } from './support/e2e-helpers';

const SPEC = 'agent-discovery';
const redisUrl = redisUrlFor(7);
const logger = new QuietLogger();

/** Discovery exactly as the Python mas-framework 0.3 does it: SCAN agent:*, one colon, ACTIVE, ANY capability. */
async function pythonDiscover(redis: Redis, capabilities?: string[]) {
  const found: Array<{ id: string; capabilities: string[]; metadata: Record<string, unknown> }> = [];
  for await (const keys of redis.scanStream({ match: 'agent:*', count: 500 })) {
    for (const key of keys as string[]) {
      if (key.split(':').length - 1 !== 1) continue;
      if ((await redis.type(key)) !== 'hash') continue;
      const data = await redis.hgetall(key);
      if (!data || data.status !== 'ACTIVE') continue;
      const caps = JSON.parse(data.capabilities ?? '[]') as string[];
      if (capabilities?.length && !capabilities.some((c) => caps.includes(c))) continue;
      found.push({ id: data.id, capabilities: caps, metadata: JSON.parse(data.metadata ?? '{}') });
    }
  }
  return found;
}

describe('Agent discovery', () => {
  const agents = new AgentTracker();
  const probes = new Probes();
  const redis = probes.client(redisUrl);
  let tag: string;
  let capA: string;
  let capB: string;
  let capC: string;
  const ids = (records: Array<{ id: string }>) => records.map((r) => r.id).filter((i) => i.includes(tag)).sort();

  beforeEach(() => {
    // Capabilities unique to each test, so agents of other specs and runs never match.
    tag = uniqueId(SPEC, 't');
    [capA, capB, capC] = ['nlp', 'vision', 'audio'].map((c) => `${c}-${tag}`);
  });
  afterEach(() => agents.stopAll());
  afterAll(() => probes.closeAll());

  async function startAll() {
    const make = (label: string, capabilities: string[], metadata?: Record<string, unknown>) =>
      agents.start(new Agent(`${tag}-${label}`, { redisUrl, logger, capabilities, metadata }));
    return {
      nlp: await make('nlp', [capA], { model: 'small', version: 2 }),
      vision: await make('vision', [capB]),
      both: await make('both', [capA, capB]),
      audio: await make('audio', [capC]),
      none: await make('none', []),
    };
  }

  it('matches ANY of the asked capabilities', async () => {
    const a = await startAll();

    expect(ids(await a.none.discover([capA]))).toEqual([a.both.id, a.nlp.id].sort());
    expect(ids(await a.none.discover([capA, capB]))).toEqual([a.both.id, a.nlp.id, a.vision.id].sort());
    expect(ids(await a.none.discover([capC, `missing-${tag}`]))).toEqual([a.audio.id]);
    expect(await a.none.discover([`missing-${tag}`])).toEqual([]);
  });

  it('returns id, capabilities, metadata, status and registration time', async () => {
    const a = await startAll();
    const before = Date.now() / 1000;

    const [record] = await a.none.discover([capA, capC]).then((r) => r.filter((x) => x.id === a.nlp.id));

    expect(record).toMatchObject({ id: a.nlp.id, capabilities: [capA], metadata: { model: 'small', version: 2 }, status: 'ACTIVE' });
    expect(record.registeredAt).toBeGreaterThan(before - 60);
    expect(record.registeredAt).toBeLessThanOrEqual(Date.now() / 1000 + 1);
  });

  it('returns every ACTIVE agent when no capability is asked', async () => {
    const a = await startAll();

    const all = await a.none.discover();

    expect(ids(all)).toEqual([a.audio.id, a.both.id, a.nlp.id, a.none.id, a.vision.id].sort());
    expect(all.every((r) => r.status === 'ACTIVE')).toBe(true);
    expect(ids(await a.none.discover([]))).toEqual(ids(all));
  });

  it('leaves out agents marked INACTIVE in their registry hash', async () => {
    const a = await startAll();

    // What the registry app does when a heartbeat expires.
    await redis.hset(MasKeys.agent(a.nlp.id), 'status', 'INACTIVE');

    expect(ids(await a.none.discover([capA]))).toEqual([a.both.id]);
    expect(ids(await a.none.discover())).not.toContain(a.nlp.id);
    expect(ids(await pythonDiscover(redis, [capA]))).toEqual([a.both.id]);
  });

  it('forgets stopped agents', async () => {
    const a = await startAll();

    await a.nlp.stop();
    await a.vision.stop();

    expect(ids(await a.none.discover([capA, capB]))).toEqual([a.both.id]);
    expect(ids(await a.none.discover())).toEqual([a.audio.id, a.both.id, a.none.id].sort());
    expect(await redis.sismember(MasKeys.capability(capA), a.nlp.id)).toBe(0);
    expect(await redis.exists(MasKeys.agent(a.nlp.id))).toBe(0);
  });

  it('is found by the Python implementation (SCAN over agent:{id} hashes)', async () => {
    const a = await startAll();

    expect(ids(await pythonDiscover(redis, [capA]))).toEqual([a.both.id, a.nlp.id].sort());
    expect(ids(await pythonDiscover(redis, [capB, capC]))).toEqual([a.audio.id, a.both.id, a.vision.id].sort());
    expect(ids(await pythonDiscover(redis))).toEqual([a.audio.id, a.both.id, a.nlp.id, a.none.id, a.vision.id].sort());

    const [python] = (await pythonDiscover(redis, [capA])).filter((r) => r.id === a.nlp.id);
    expect(python).toEqual({ id: a.nlp.id, capabilities: [capA], metadata: { model: 'small', version: 2 } });
  });

  it('writes the agent:{id} hash with the fields of the wire contract', async () => {
    const agent = await agents.start(
      new Agent(`${tag}-hash`, { redisUrl, logger, capabilities: [capA, capB], metadata: { region: 'eu' } }),
    );
    const before = Date.now() / 1000;

    expect(MasKeys.agent(agent.id)).toBe(`agent:${agent.id}`);
    const hash = await redis.hgetall(`agent:${agent.id}`);

    for (const field of ['id', 'capabilities', 'metadata', 'status', 'token', 'registered_at']) {
      expect(hash, field).toHaveProperty(field);
    }
    expect(hash.id).toBe(agent.id);
    expect(JSON.parse(hash.capabilities)).toEqual([capA, capB]);
    expect(JSON.parse(hash.metadata)).toEqual({ region: 'eu' });
    expect(hash.status).toBe('ACTIVE');
    expect(hash.token).toBe(agent.registrationToken);
    expect(hash.token.length).toBeGreaterThanOrEqual(16);
    const registeredAt = Number(hash.registered_at);
    expect(hash.registered_at).toMatch(/^\d+(\.\d+)?$/); // epoch seconds as a string
    expect(registeredAt).toBeGreaterThan(before - 60);
    expect(registeredAt).toBeLessThanOrEqual(Date.now() / 1000 + 1);

    // heartbeat: epoch seconds, with a TTL
    const heartbeat = await redis.get(`agent:${agent.id}:heartbeat`);
    expect(Number(heartbeat)).toBeGreaterThan(before - 60);
    expect(await redis.pttl(`agent:${agent.id}:heartbeat`)).toBeGreaterThan(0);
  });

  it('uses the default heartbeat TTL of 60 s', async () => {
    const agent = await agents.start(new Agent(`${tag}-ttl`, { redisUrl, logger }));

    const ttl = await redis.pttl(MasKeys.heartbeat(agent.id));

    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('does not list a pure client started with register: false, which can still talk', async () => {
    const a = await startAll();
    const client = await agents.start(new Agent(`${tag}-client`, { redisUrl, logger, register: false, capabilities: [capA] }));

    expect(ids(await client.discover([capA]))).toEqual([a.both.id, a.nlp.id].sort());
    expect(ids(await client.discover())).not.toContain(client.id);
    expect(await redis.exists(MasKeys.agent(client.id), MasKeys.heartbeat(client.id))).toBe(0);
    expect(client.registrationToken).toBeUndefined();
    await expect(client.request(a.nlp.id, 'anything', {}, { timeout: 2_000 })).rejects.toMatchObject({ name: 'NoHandlerError' });
  });

  it('cannot discover before start', async () => {
    const agent = agents.track(new Agent(`${tag}-idle`, { redisUrl, logger }));
    await expect(agent.discover()).rejects.toBeInstanceOf(AgentNotStartedError);
  });
});
