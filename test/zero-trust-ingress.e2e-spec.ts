import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import { MasKeys, ProvisionedAgent } from '@mas/core';
import { sleep, waitFor } from './support/e2e-helpers';
import type { TestGateway } from './gateway/harness';
import { ZeroTrustAgent, ZeroTrustWorld } from './support/zero-trust';

// Zero-trust ingress: each provisioned agent appends ONLY to an ingress stream of its own
// (`mas.gateway.ingress:<id>`, XADD alone through an ACL selector) and the gateway reads every
// provisioned agent's stream fairly. The red team's attacks on the shared ingress and the dead-letter
// stream (once test/redteam-open/zero-trust-streams and costly-entries) are performed with mallory's
// own user: each is refused, or harms only mallory's own stream.
let world: ZeroTrustWorld;
let mallory: ProvisionedAgent;
let aliceId: ProvisionedAgent;
let bobId: ProvisionedAgent;
let alice: ZeroTrustAgent;
let bob: ZeroTrustAgent;
let attacker: Redis;
/** The gateway's settings here: zero-trust only, and limits high enough for the bursts of these tests. */
const GATEWAY = { zeroTrust: { requireProvisioned: true }, rateLimit: { perMinute: 100_000, perHour: 1_000_000 } };

/** What `run` was rejected with (or undefined when it succeeded). */
async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(() => undefined, (error: unknown) => error);
}

/** Closes every gateway of the world (a restart, a rollout); start one again with `world.startGateway`. */
async function stopGateways(): Promise<void> {
  const gateways = (world as unknown as { gateways: TestGateway[] }).gateways;
  await Promise.all(gateways.splice(0).map((gateway) => gateway.app.close()));
}

beforeAll(async () => {
  world = await ZeroTrustWorld.start(13, GATEWAY);
  mallory = await world.provision('mallory', { capabilities: ['chat'] });
  aliceId = await world.provision('alice', { capabilities: ['payments'] });
  bobId = await world.provision('bob', { capabilities: ['echo'] });
  attacker = world.client(mallory.redisUrl);
}, 30_000);

beforeEach(async () => {
  alice = await world.start(aliceId, { capabilities: ['payments'] });
  bob = await world.start(bobId, { capabilities: ['echo'] });
}, 15_000);
afterEach(() => world.stopAgents());
afterAll(() => world?.close());

describe('zero-trust ingress: a provisioned agent appends only to a stream of its own', () => {
  it("cannot trim the shared ingress (XADD ... MAXLEN 0) and so drop other agents' messages before the gateway reads them", async () => {
    const total = 200;
    let trims = 0;
    let trimError: unknown;
    let attacking = true;
    // mallory trims the ingress to nothing, over and over, while alice sends.
    const attack = (async () => {
      while (attacking) {
        const errors = await Promise.all(Array.from({ length: 20 }, () => refusal(() => attacker.xadd(MasKeys.gatewayIngress, 'MAXLEN', '0', '*', 'envelope', '{}'))));
        trimError = errors.find(Boolean);
        if (trimError) return;
        trims += errors.length;
      }
    })();
    const outcomes = await Promise.allSettled(Array.from({ length: total }, (_, i) => alice.agent.send(bobId.id, 'payment', { i })));
    attacking = false;
    await attack;
    const lost = outcomes.filter((o) => o.status === 'rejected').length;
    await waitFor(() => bob.received.filter((m) => m.messageType === 'payment').length >= total - lost, 5_000, 'the allowed payments at bob').catch(() => undefined);
    await sleep(300);
    expect(lost, `alice's sends decided (none lost to mallory's ${trims} trims)`).toBe(0);
    expect({ trims, refused: trimError !== undefined }, 'mallory may not trim the ingress').toEqual({ trims: 0, refused: true });
    expect(bob.received.filter((m) => m.messageType === 'payment').length).toBe(total);
  }, 40_000);

  it("cannot trim alice's own stream either, nor delete, retype or regroup its own", async () => {
    const own = MasKeys.agentIngress(mallory.id);
    expect(await refusal(() => attacker.xadd(MasKeys.agentIngress(aliceId.id), 'MAXLEN', '0', '*', 'envelope', '{}')), "XADD to alice's stream").toBeDefined();
    // On its own stream mallory may XADD (the gateway reads it) and nothing else.
    for (const [what, run] of [
      ['DEL', () => attacker.del(own)],
      ['SET', () => attacker.set(own, 'x')],
      ['XGROUP CREATE', () => attacker.xgroup('CREATE', own, 'mine', '$')],
      ['XGROUP DELCONSUMER', () => attacker.xgroup('DELCONSUMER', own, MasKeys.gatewayGroup, 'anyone')],
      ['XREADGROUP', () => attacker.xreadgroup('GROUP', MasKeys.gatewayGroup, 'me', 'COUNT', 1, 'STREAMS', own, '>')],
      ['EVAL DEL', () => attacker.eval("return redis.call('DEL', KEYS[1])", 1, own)],
    ] as const) {
      expect(String((await refusal(run)) ?? `${what} succeeded`), what).toMatch(/NOPERM|permission/i);
    }
  });

  it("cannot trim away alice's entries waiting in the ingress while the gateway restarts", async () => {
    await stopGateways();
    const sending = Promise.allSettled(Array.from({ length: 5 }, (_, i) => alice.agent.send(bobId.id, 'payment', { waiting: i })));
    await waitFor(async () => (await world.admin.command.xlen(MasKeys.agentIngress(aliceId.id))) >= 5, 5_000, "alice's entries in her ingress stream");
    const error = await refusal(() => attacker.xadd(MasKeys.gatewayIngress, 'MAXLEN', '0', '*', 'envelope', '{}'));
    const ownTrim = await refusal(() => attacker.xadd(MasKeys.agentIngress(aliceId.id), 'MAXLEN', '0', '*', 'envelope', '{}'));
    await world.startGateway(GATEWAY);
    const outcomes = await sending;
    const lost = outcomes.filter((o) => o.status === 'rejected').length;
    expect(lost, "alice's sends lost to mallory's trim").toBe(0);
    expect(error, 'the trim of the shared ingress is refused').toBeDefined();
    expect(ownTrim, "the trim of alice's stream is refused").toBeDefined();
  }, 30_000);

  it('cannot erase the dead-letter stream (XADD dlq:messages MAXLEN 0)', async () => {
    await world.admin.command.xadd(MasKeys.deadLetters, '*', 'reason', 'target_gone', 'detail', 'operator test letter');
    const before = await world.admin.command.xlen(MasKeys.deadLetters);
    const error = await refusal(() => attacker.xadd(MasKeys.deadLetters, 'MAXLEN', '0', '*', 'reason', 'x'));
    const after = await world.admin.command.xlen(MasKeys.deadLetters);
    expect(after, 'dead letters left after mallory trimmed the DLQ').toBeGreaterThanOrEqual(before);
    expect(error, 'the trim is refused').toBeDefined();
  });

  it("a provisioned agent's failed deliveries still reach dlq:messages (through its own stream, filed by the gateway under its id)", async () => {
    await world.stopAgents();
    await world.start(bobId, {
      capabilities: ['echo'],
      delivery: 'reliable',
      inbox: { maxAttempts: 2, claimIdleMs: 200 },
      onMessage: async () => {
        throw new Error('cannot handle it');
      },
    });
    alice = await world.start(aliceId, { capabilities: ['payments'] });
    const before = await world.admin.command.xlen(MasKeys.deadLetters);
    await alice.agent.send(bobId.id, 'payment', { doomed: true });
    // mallory cannot file a letter under bob: her stream's letters are filed under mallory.
    await attacker.xadd(MasKeys.agentIngress(mallory.id), '*', 'dead_letter', '1', 'agent_id', bobId.id, 'reason', 'forged', 'source', 'mas.gateway');
    const letters = async () => ((await world.admin.command.xrange(MasKeys.deadLetters, '-', '+')) as Array<[string, string[]]>).slice(before);
    await waitFor(async () => (await letters()).length >= 2, 10_000, 'both dead letters filed');
    const filed = (await letters()).map(([, fields]) => Object.fromEntries(fields.reduce<string[][]>((pairs, v, i) => (i % 2 ? pairs[pairs.length - 1].push(v) : pairs.push([v]), pairs), [])));
    const bobs = filed.filter((letter) => letter.agent_id === bobId.id);
    expect(bobs.length, "bob's letters").toBe(1);
    expect(bobs[0]).toMatchObject({ source: MasKeys.inbox(bobId.id), attempts: '2' });
    expect(bobs[0].reason).toContain('cannot handle it');
    expect(JSON.parse(bobs[0].envelope)).toMatchObject({ sender_id: aliceId.id, message_type: 'payment' });
    expect(filed.find((letter) => letter.reason === 'forged'), "mallory's letter").toMatchObject({ agent_id: mallory.id, source: MasKeys.inbox(mallory.id) });
  }, 30_000);

  it("8 entries of 40 MB in mallory's own stream, read at once after a gateway restart, do not keep alice's next message waiting over 1 s", async () => {
    await alice.agent.send(bobId.id, 'warm-up', {});
    // Appended while no gateway reads (a restart, a rollout), so that one read could return them all.
    await stopGateways();
    const huge = 'x'.repeat(40 * 1024 * 1024);
    const pipeline = attacker.pipeline();
    for (let i = 0; i < 8; i += 1) pipeline.xadd(MasKeys.agentIngress(mallory.id), '*', 'envelope', huge, 'token', '', 'notify', '0');
    const appended = await pipeline.exec();
    expect(appended?.every(([error]) => !error), "mallory's appends to her own stream").toBe(true);
    await world.startGateway(GATEWAY);
    const started = Date.now();
    const outcome = await alice.agent.send(bobId.id, 'payment', { amount: 2 }).then(() => 'ALLOWED', (e: Error) => e.message);
    const decidedMs = Date.now() - started;
    const arrived = await waitFor(() => bob.received.some((m) => m.messageType === 'payment'), 30_000, 'the payment at bob').then(() => Date.now() - started, () => -1);
    if (process.env.ZT_TIMINGS) console.info(`40 MB entries: alice's message decided after ${decidedMs} ms, at bob after ${arrived} ms`);
    expect({ outcome, within1s: decidedMs < 1_000 }, `alice's message behind 320 MB of oversized entries: answered after ${decidedMs} ms, at bob after ${arrived} ms`).toEqual({ outcome: 'ALLOWED', within1s: true });
    await waitFor(async () => (await world.admin.command.xlen(MasKeys.agentIngress(mallory.id))) === 0, 90_000, "mallory's oversized entries dropped and deleted");
  }, 150_000);

  it("a backlog of thousands in mallory's stream does not keep alice's message waiting over 1 s", async () => {
    await stopGateways();
    const junk = JSON.stringify({ sender_id: mallory.id, target_id: bobId.id, message_type: 'spam', data: {}, meta: {}, message_id: 'x', timestamp: 0 });
    const pipeline = attacker.pipeline();
    for (let i = 0; i < 5_000; i += 1) pipeline.xadd(MasKeys.agentIngress(mallory.id), '*', 'envelope', junk, 'token', '', 'notify', '0');
    await pipeline.exec();
    await world.startGateway(GATEWAY);
    const started = Date.now();
    await alice.agent.send(bobId.id, 'payment', { amount: 3 });
    if (process.env.ZT_TIMINGS) console.info(`5,000-entry backlog: alice's message decided after ${Date.now() - started} ms`);
    expect(Date.now() - started, "alice's decision behind mallory's 5,000 entries (ms)").toBeLessThan(1_000);
  }, 60_000);

  // Last: it leaves mallory's stream unusable (for mallory only).
  it('cannot exhaust the ingress stream ids (XADD with the largest id) so that no agent can send any more', async () => {
    const error = await refusal(() => attacker.xadd(MasKeys.gatewayIngress, '18446744073709551615-18446744073709551615', 'envelope', '{}'));
    const own = await refusal(() => attacker.xadd(MasKeys.agentIngress(mallory.id), '18446744073709551615-18446744073709551615', 'envelope', '{}'));
    await sleep(300);
    const sent = await refusal(() => alice.agent.send(bobId.id, 'payment', { after: true }));
    expect(sent === undefined ? undefined : String((sent as Error).message), "alice's send after mallory's XADD").toBeUndefined();
    expect(error, 'mallory may not choose the id of an entry of the shared ingress').toBeDefined();
    expect(own, 'on her own stream she may: it is hers that is closed').toBeUndefined();
  }, 20_000);
});
