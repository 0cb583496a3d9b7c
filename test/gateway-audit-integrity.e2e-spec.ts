import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, MasKeys } from '@mas/core';
import { resetGatewayKeys, startGateway, TestGateway } from './gateway/harness';
import { callApi, gatewayAgentFactory } from './gateway/spec-helpers';
import { PrivateRedis, startPrivateRedis } from './support/private-redis';
import { AgentTracker, Probes } from './support/e2e-helpers';

// Issue 12: whoever can write Redis (but holds no gateway secret) tries to rewrite the audit trail.
let privateRedis: PrivateRedis;
let gateway: TestGateway;
const agents = new AgentTracker();
const probes = new Probes();
let redis: ReturnType<Probes['client']>;
const KEY = 'audit-admin';
const gatewayAgent = gatewayAgentFactory('gwai', () => privateRedis.url, agents);
const verify = async () => (await callApi(gateway.url, '/audit/verify', KEY)).body;

type Entry = [string, string[]];
const field = (fields: string[], name: string) => fields[fields.indexOf(name) + 1];
const entries = async () => (await redis.xrange(MasKeys.audit, '-', '+')) as Entry[];

/** Rewrites the stream (same ids) with `fields`, recomputing every hash as plain SHA-256 (no key), and sets the head. */
async function recompute(list: Entry[]): Promise<void> {
  let previous = '0'.repeat(64);
  const multi = redis.multi().del(MasKeys.audit);
  for (const [id, flat] of list) {
    const record: Record<string, string> = {};
    for (let i = 0; i < flat.length; i += 2) record[flat[i]] = flat[i + 1];
    record.prev_hash = previous;
    delete record.hash;
    record.hash = createHash('sha256').update(canonicalJson(record)).digest('hex');
    previous = record.hash;
    multi.xadd(MasKeys.audit, id, ...Object.entries(record).flat());
  }
  multi.set(MasKeys.auditHead, `${list.length ? field(list[list.length - 1][1], 'seq') : 0}:${previous}`);
  await multi.exec();
}

async function restore(list: Entry[], head: string | null): Promise<void> {
  const multi = redis.multi().del(MasKeys.audit);
  for (const [id, flat] of list) multi.xadd(MasKeys.audit, id, ...flat);
  if (head) multi.set(MasKeys.auditHead, head);
  await multi.exec();
}

async function traffic(n: number): Promise<void> {
  const { agent: alice } = await gatewayAgent('alice');
  const { agent: bob } = await gatewayAgent('bob');
  for (let i = 0; i < n; i += 1) await alice.send(bob.id, 'pay', { i });
}

beforeAll(async () => {
  privateRedis = await startPrivateRedis(13);
  redis = probes.client(privateRedis.url);
  await resetGatewayKeys(redis);
  gateway = await startGateway(privateRedis.url, { http: { apiKey: KEY } }, true);
});

afterEach(() => agents.stopAll());

afterAll(async () => {
  await gateway?.app.close();
  await probes.closeAll();
  await privateRedis?.stop();
});

describe('audit trail against a Redis writer', () => {
  it('a chain recomputed after flipping a decision is detected (the chain key is in force by default)', async () => {
    await traffic(4);
    const original = await entries();
    const head = await redis.get(MasKeys.auditHead);
    const forged = original.map(([id, flat]): Entry => [id, [...flat]]);
    const flat = forged[1][1];
    flat[flat.indexOf('decision') + 1] = 'AUTHZ_DENIED';
    await recompute(forged);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p: { kind: string }) => p.kind)).toContain('edited');
    await restore(original, head);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('deleting the newest entries and resetting audit:head to an earlier value is detected', async () => {
    await traffic(3);
    const earlierHead = await redis.get(MasKeys.auditHead);
    const kept = await entries();
    await traffic(3);
    const all = await entries();
    const head = await redis.get(MasKeys.auditHead);
    await restore(kept, earlierHead); // tail cut, head reset to what it was
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'truncated' }));
    await restore(all, head);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('a head not signed by the gateway is detected', async () => {
    await traffic(1);
    const head = (await redis.get(MasKeys.auditHead))!;
    await redis.set(MasKeys.auditHead, head.split(':').slice(0, 2).join(':'));
    expect((await verify()).problems).toContainEqual(expect.objectContaining({ kind: 'forged' }));
    await redis.set(MasKeys.auditHead, head);
  });
});

describe('audit retention', () => {
  it('cuts by length behind a signed checkpoint: what remains verifies; removing more, or forging the base, does not', async () => {
    const { AuditRetention } = await import('../apps/gateway/src/audit/audit-retention');
    const trimmed = await startGateway(privateRedis.url, { http: { apiKey: KEY }, audit: { maxEntries: 10 } });
    try {
      await traffic(12);
      expect(await trimmed.app.get(AuditRetention).apply()).toBeGreaterThan(0);
      expect(await redis.xlen(MasKeys.audit)).toBe(10);
      expect(await verify()).toMatchObject({ ok: true, checked: 10 });
      const list = await entries();
      const base = await redis.get(MasKeys.auditBase);
      await redis.xdel(MasKeys.audit, list[0][0]); // an entry deleted at the start, behind the cut
      expect((await verify()).problems).toContainEqual(expect.objectContaining({ kind: 'deleted' }));
      await restore(list, null);
      const forgedBase = JSON.parse(base!) as Record<string, unknown>;
      await redis.set(MasKeys.auditBase, JSON.stringify({ ...forgedBase, seq: Number(forgedBase.seq) + 1 }));
      expect((await verify()).problems).toContainEqual(expect.objectContaining({ kind: 'forged' }));
      await redis.set(MasKeys.auditBase, base!);
      expect(await verify()).toMatchObject({ ok: true });
    } finally {
      await trimmed.app.close();
    }
  });
});
