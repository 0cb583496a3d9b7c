import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GatewayRejectedError, MasKeys, ProvisionedAgent } from '@mas/core';
import { ZeroTrustWorld } from './support/zero-trust';

// Red team: in zero-trust mode an agent should reach others only through the gateway, whose checks
// (block list, DLP, audit) apply to what it sends. Here bob, whose card numbers the DLP keeps from
// leaving (credit_card: BLOCK), and who is blocked from sending to mallory at all, tries to get a
// card number to mallory by ways that skip the gateway's checks. SAFE outcome asserted. (Open: his own
// heartbeat key and inbox-limits hash, which his user may write and every agent's user may read.)
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
  it('the baseline: the gateway refuses bob sending the card to mallory', async () => {
    const bob = await world.start(bobId, { capabilities: ['payments'] });
    const error = await bob.agent.send(mallory.id, 'note', { card: CARD }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayRejectedError);
  });

  it("a card number in bob's registration metadata (registered by the gateway, without a DLP scan) does not reach mallory's discovery", async () => {
    const bob = world.build(bobId, { capabilities: ['payments'], metadata: { note: `card ${CARD}` } });
    await bob.agent.start().catch(() => undefined);
    const record = await world.client(mallory.redisUrl).hgetall(MasKeys.agent(bobId.id));
    expect(JSON.stringify(record), "bob's record as mallory reads it").not.toContain(CARD);
  });
});
