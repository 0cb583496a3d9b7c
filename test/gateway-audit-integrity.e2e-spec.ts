import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, MasKeys } from '@mas/core';
import { resetGatewayKeys, startGateway, TestGateway } from './gateway/harness';
import { callApi, gatewayAgentFactory } from './gateway/spec-helpers';
import { PrivateRedis, startPrivateRedis } from './support/private-redis';
import { AgentTracker, Probes, sleep } from './support/e2e-helpers';

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

  it('verifies ok while the gateway appends (no false alarm of a cut tail)', async () => {
    const { agent: alice } = await gatewayAgent('busy-alice');
    const { agent: bob } = await gatewayAgent('busy-bob');
    let sending = true;
    const load = (async () => {
      // Refused sends (over the rate limit) are audited too: every send appends an entry.
      for (let i = 0; sending; i += 1) await Promise.allSettled(Array.from({ length: 20 }, (_, j) => alice.send(bob.id, 'pay', { i, j })));
    })();
    const reports: Array<{ ok: boolean; problems: unknown[] }> = [];
    try {
      for (let round = 0; round < 30; round += 1) reports.push(await verify());
    } finally {
      sending = false;
      await load;
    }
    expect(reports.filter((report) => !report.ok).map((report) => report.problems)).toEqual([]);
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
      // The cut is also a signed checkpoint, and what remains is still proven entry by entry.
      expect(await cutCheckpoints()).toContainEqual(expect.objectContaining(JSON.parse(base!)));
      await expectEditDetected(list);
    } finally {
      await trimmed.app.close();
    }
  });

  it('cuts by age once real time passed the max age, behind a signed checkpoint: what remains verifies, tampering with it does not', async () => {
    const { AuditRetention } = await import('../apps/gateway/src/audit/audit-retention');
    const maxAgeMs = 1_500;
    const aging = await startGateway(privateRedis.url, { http: { apiKey: KEY }, audit: { maxAgeMs } });
    try {
      const { agent: alice } = await gatewayAgent('aging-a');
      const { agent: bob } = await gatewayAgent('aging-b');
      const sent = async (n: number) => {
        const before = (await entries()).length;
        for (let i = 0; i < n; i += 1) await alice.send(bob.id, 'pay', { i });
        return (await entries()).slice(before);
      };
      const old = await sent(4);
      await sleep(maxAgeMs + 200); // real time: the first four are older than the max age now
      const fresh = await sent(3);
      // One instance at a time holds the retention lease (an earlier test's run may still hold it).
      await redis.del(MasKeys.auditRetentionLease);
      const cut = await aging.app.get(AuditRetention).apply();
      expect(cut).toBeGreaterThanOrEqual(old.length); // the four, and whatever earlier tests left
      const remaining = await entries();
      expect(remaining.map(([id]) => id)).toEqual(fresh.map(([id]) => id));
      expect(await redis.xrange(MasKeys.audit, old[0][0], old[old.length - 1][0])).toEqual([]);

      const lastOld = old[old.length - 1][1];
      const base = JSON.parse((await redis.get(MasKeys.auditBase))!) as Record<string, unknown>;
      expect(base).toMatchObject({ kind: 'cut', seq: Number(field(lastOld, 'seq')), hash: field(lastOld, 'hash') });
      expect(await cutCheckpoints()).toContainEqual(expect.objectContaining(base));
      expect(await verify()).toMatchObject({ ok: true, checked: fresh.length, base: { seq: base.seq, hash: base.hash } });

      await expectEditDetected(remaining);
      await redis.xdel(MasKeys.audit, remaining[0][0]); // the entry right after the cut
      expect((await verify()).problems).toContainEqual(expect.objectContaining({ kind: 'deleted' }));
      await restore(remaining, null);
      expect(await verify()).toMatchObject({ ok: true, checked: fresh.length });
    } finally {
      await aging.app.close();
    }
  });
});

/** Checkpoints of kind `cut` in `audit:checkpoints`, as objects. */
async function cutCheckpoints(): Promise<Array<Record<string, unknown>>> {
  const list = (await redis.xrange(MasKeys.auditCheckpoints, '-', '+')) as Entry[];
  return list
    .map(([, flat]) => Object.fromEntries(flat.map((value, i) => [value, flat[i + 1]]).filter((_, i) => i % 2 === 0)))
    .filter((checkpoint) => checkpoint.kind === 'cut')
    .map((checkpoint) => ({ ...checkpoint, seq: Number(checkpoint.seq), ts: Number(checkpoint.ts) }));
}

/** Flips the decision of the second of `list` (the current trail) in place: verify says edited; put back, it is ok again. */
async function expectEditDetected(list: Entry[]): Promise<void> {
  const edited = list.map(([id, flat]): Entry => [id, [...flat]]);
  const flat = edited[1][1];
  flat[flat.indexOf('decision') + 1] = field(flat, 'decision') === 'ALLOWED' ? 'AUTHZ_DENIED' : 'ALLOWED';
  await restore(edited, null);
  expect((await verify()).problems).toContainEqual(expect.objectContaining({ kind: 'edited', seq: Number(field(flat, 'seq')) }));
  await restore(list, null);
  expect(await verify()).toMatchObject({ ok: true });
}
