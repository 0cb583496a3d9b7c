import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import { MasKeys, ProvisionedAgent } from '@mas/core';
import { sleep, waitFor } from '../support/e2e-helpers';
import type { TestGateway } from '../gateway/harness';
import { ZeroTrustAgent, ZeroTrustWorld } from '../support/zero-trust';

// Red team: what a provisioned agent can do with the commands its own Redis user is granted on the
// keys it may only append to (the shared ingress, the dead-letter stream) and with EVAL. Each test
// performs the attack with mallory's own URL and asserts the SAFE outcome; a failing test is a finding.
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

describe('red team: a provisioned agent and the streams it may append to', () => {
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

  it("cannot trim away alice's entries waiting in the ingress while the gateway restarts", async () => {
    const gateways = (world as unknown as { gateways: TestGateway[] }).gateways;
    await Promise.all(gateways.splice(0).map((gateway) => gateway.app.close()));
    const sending = Promise.allSettled(Array.from({ length: 5 }, (_, i) => alice.agent.send(bobId.id, 'payment', { waiting: i })));
    await waitFor(async () => (await world.admin.command.xlen(MasKeys.gatewayIngress)) >= 5, 5_000, "alice's entries in the ingress");
    const error = await refusal(() => attacker.xadd(MasKeys.gatewayIngress, 'MAXLEN', '0', '*', 'envelope', '{}'));
    await world.startGateway(GATEWAY);
    const outcomes = await sending;
    const lost = outcomes.filter((o) => o.status === 'rejected').length;
    expect(lost, "alice's sends lost to mallory's trim").toBe(0);
    expect(error, 'the trim is refused').toBeDefined();
  }, 30_000);

  it('cannot erase the dead-letter stream (XADD dlq:messages MAXLEN 0)', async () => {
    await world.admin.command.xadd(MasKeys.deadLetters, '*', 'reason', 'target_gone', 'detail', 'operator test letter');
    const before = await world.admin.command.xlen(MasKeys.deadLetters);
    const error = await refusal(() => attacker.xadd(MasKeys.deadLetters, 'MAXLEN', '0', '*', 'reason', 'x'));
    const after = await world.admin.command.xlen(MasKeys.deadLetters);
    expect(after, 'dead letters left after mallory trimmed the DLQ').toBeGreaterThanOrEqual(before);
    expect(error, 'the trim is refused').toBeDefined();
  });

  // Last: it leaves the ingress unusable for everyone in this Redis.
  it('cannot exhaust the ingress stream ids (XADD with the largest id) so that no agent can send any more', async () => {
    const error = await refusal(() => attacker.xadd(MasKeys.gatewayIngress, '18446744073709551615-18446744073709551615', 'envelope', '{}'));
    await sleep(300);
    const sent = await refusal(() => alice.agent.send(bobId.id, 'payment', { after: true }));
    expect(sent === undefined ? undefined : String((sent as Error).message), "alice's send after mallory's XADD").toBeUndefined();
    expect(error, 'mallory may not choose the id of an ingress entry').toBeDefined();
  }, 20_000);
});
