import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GatewayRejectedError, MasKeys, ProvisionedAgent } from '@mas/core';
import { ZeroTrustWorld } from '../support/zero-trust';

// Red team: in zero-trust mode an agent should reach others only through the gateway, whose checks
// (block list, DLP, audit) apply to what it sends. Here bob, whose card numbers the DLP keeps from
// leaving (credit_card: BLOCK), and who is blocked from sending to mallory at all, tries to get a
// card number to mallory by ways that skip the gateway's checks. SAFE outcome asserted; a failing
// test is a finding.
const CARD = '4111111111111111';
let world: ZeroTrustWorld;
let mallory: ProvisionedAgent;
let bobId: ProvisionedAgent;

beforeAll(async () => {
  world = await ZeroTrustWorld.start(10, { zeroTrust: { requireProvisioned: true } });
  mallory = await world.provision('mallory', { capabilities: ['chat'] });
  bobId = await world.provision('bob', { capabilities: ['payments'] });
  await world.admin.command.sadd(MasKeys.blockedTargets(bobId.id), mallory.id);
}, 30_000);
afterEach(() => world.stopAgents());
afterAll(() => world?.close());

describe('red team: channels around the gateway between provisioned agents', () => {
  it("a card number in bob's own heartbeat key or inbox-limits hash (his user may write both) is not readable by mallory", async () => {
    const bob = world.client(bobId.redisUrl);
    // bob's Redis user owns these keys; every agent's user may read them.
    await bob.set(MasKeys.heartbeat(bobId.id), `alive ${CARD}`, 'PX', 60_000).catch(() => undefined);
    await bob.hset(MasKeys.inboxLimits(bobId.id), 'note', CARD).catch(() => undefined);
    const reader = world.client(mallory.redisUrl);
    const heartbeat = await reader.get(MasKeys.heartbeat(bobId.id)).catch(() => null);
    const limits = await reader.hgetall(MasKeys.inboxLimits(bobId.id)).catch(() => ({}));
    expect({ heartbeat: String(heartbeat).includes(CARD), limits: JSON.stringify(limits).includes(CARD) }, 'the card read by mallory, outside the gateway').toEqual({ heartbeat: false, limits: false });
  });
});
