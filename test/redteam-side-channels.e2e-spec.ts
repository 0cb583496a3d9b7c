import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GatewayRejectedError, MasKeys, ProvisionedAgent, RedisPermissionError } from '@mas/core';
import { waitFor } from './support/e2e-helpers';
import { ZeroTrustWorld } from './support/zero-trust';

// Red team: in zero-trust mode an agent should reach others only through the gateway, whose checks
// (block list, DLP, audit) apply to what it sends. Here bob, whose card numbers the DLP keeps from
// leaving (credit_card: BLOCK), and who is blocked from sending to mallory at all, tries to get a
// card number to mallory by ways that skip the gateway's checks. SAFE outcome asserted. His own
// heartbeat key and inbox-limits hash, which his user writes, no other agent's user may read: what
// needs them reads them as a service (the registry the heartbeats, the gateway the limits).
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

  it("a card number in bob's own heartbeat key or inbox-limits hash (his user may write both) is not readable by mallory", async () => {
    const bob = world.client(bobId.redisUrl);
    // bob's Redis user owns these keys: he writes them, and reads them back.
    await bob.set(MasKeys.heartbeat(bobId.id), `alive ${CARD}`, 'PX', 60_000);
    await bob.hset(MasKeys.inboxLimits(bobId.id), 'note', CARD);
    expect(await bob.get(MasKeys.heartbeat(bobId.id))).toContain(CARD);
    const reader = world.client(mallory.redisUrl);
    const heartbeat = await reader.get(MasKeys.heartbeat(bobId.id)).catch((error: unknown) => error);
    const limits = await reader.hgetall(MasKeys.inboxLimits(bobId.id)).catch((error: unknown) => error);
    expect(heartbeat).toBeInstanceOf(RedisPermissionError);
    expect(limits).toBeInstanceOf(RedisPermissionError);
    // Nor by another command on the same keys: a hash read on the heartbeat, a range of the string.
    await expect(reader.call('GETRANGE', MasKeys.heartbeat(bobId.id), '0', '-1')).rejects.toBeInstanceOf(RedisPermissionError);
    await expect(reader.hget(MasKeys.inboxLimits(bobId.id), 'note')).rejects.toBeInstanceOf(RedisPermissionError);
    expect({ heartbeat: String(heartbeat).includes(CARD), limits: JSON.stringify(limits).includes(CARD) }, 'the card read by mallory, outside the gateway').toEqual({ heartbeat: false, limits: false });
  });

  it('what needed those keys still works: discovery from the records, and the size the target declared, held by the gateway', async () => {
    const small = await world.provision('small', { capabilities: ['payments'] });
    const target = await world.start(small, { capabilities: ['payments'], maxMessageBytes: 2_048 });
    const sender = await world.start(mallory, { capabilities: ['chat'] });
    // Discovery reads the records (hash reads of agent:*), the registry's status in them.
    expect((await sender.agent.discover(['payments'])).map((agent) => agent.id)).toContain(small.id);
    // The sender may not read what the target declared: the gateway refuses what it would drop.
    const error = await sender.agent.send(small.id, 'big', { blob: 'x'.repeat(4_000) }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayRejectedError);
    expect((error as GatewayRejectedError).decision).toBe('ROUTING_FAILED');
    expect((error as GatewayRejectedError).message).toMatch(/2048 bytes/);
    await sender.agent.send(small.id, 'fits', { blob: 'x'.repeat(100) });
    await waitFor(() => target.received.some((m) => m.messageType === 'fits'), 5_000, 'the message within the size');
    expect(target.received.map((m) => m.messageType)).toEqual(['fits']);
  });
});
