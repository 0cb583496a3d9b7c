import { describe, expect, it } from 'vitest';
import { MasKeys } from '@mas/core';
import { gatewayAgentFactory, gatewaySuite } from './gateway/spec-helpers';
import { sleep, waitFor } from './support/e2e-helpers';

// Red team: a gateway signature vouches for a record, but does an agent check that the record is for
// it, and that it has not taken it before? Gateway mode on the one shared Redis credential (an
// operator without ACL users — issue 12: the gateway's signature must close what the ACL cannot):
// mallory may read any inbox and write any inbox or channel, and holds only gateway-signed records
// that went to others. Each test asserts the SAFE outcome; a failing one is a finding.
const suite = gatewaySuite(9);
const { agents } = suite;
const gatewayAgent = gatewayAgentFactory('rtbind', () => suite.redisUrl, agents);

/** The next raw envelope delivered to `target`'s inbox after now (mallory reading it with the shared credential). */
async function captureNextDelivery(target: string, send: () => Promise<unknown>): Promise<string> {
  const reader = suite.probes.client(suite.redisUrl);
  const last = ((await reader.xrevrange(MasKeys.inbox(target), '+', '-', 'COUNT', 1)) as Array<[string, string[]]>)[0]?.[0] ?? '0';
  await send();
  return waitFor(async () => {
    const entries = (await reader.xrange(MasKeys.inbox(target), `(${last}`, '+')) as Array<[string, string[]]>;
    const fields = entries[0]?.[1];
    return fields ? fields[fields.indexOf(MasKeys.envelopeField) + 1] : undefined;
  }, 5_000, `a delivery to ${target}`);
}

describe('red team: gateway-signed deliveries are bound to their target and taken once', () => {
  it("a delivery carol→bob, copied into alice's inbox, is not handled by alice as carol's", async () => {
    const { agent: carol } = await gatewayAgent('carol');
    const { agent: bob, received: atBob } = await gatewayAgent('bob');
    const { agent: alice, received: atAlice } = await gatewayAgent('alice');
    const raw = await captureNextDelivery(bob.id, () => carol.send(bob.id, 'transfer.approved', { amount: 1_000_000, to: 'mallory' }));
    await waitFor(() => atBob.some((m) => m.messageType === 'transfer.approved'), 5_000, 'the delivery at bob');
    expect(JSON.parse(raw).target_id).toBe(bob.id);

    await suite.redis.xadd(MasKeys.inbox(alice.id), '*', MasKeys.envelopeField, raw);
    await sleep(800);
    expect(
      atAlice.map((m) => `${m.senderId}→${m.targetId}: ${m.messageType}`),
      'alice handled a record the gateway delivered to bob',
    ).toEqual([]);
  });

  it("the same delivery, published on alice's channel, is not handled by alice either", async () => {
    const { agent: carol } = await gatewayAgent('carol2');
    const { agent: bob } = await gatewayAgent('bob2');
    const { agent: alice, received: atAlice } = await gatewayAgent('alice2');
    const raw = await captureNextDelivery(bob.id, () => carol.send(bob.id, 'transfer.approved', { amount: 1 }));
    await suite.redis.publish(MasKeys.agentChannel(alice.id), raw);
    await sleep(800);
    expect(atAlice.map((m) => `${m.senderId}→${m.targetId}: ${m.messageType}`), 'alice handled a record delivered to bob').toEqual([]);
  });

  it("a delivery bob already handled, appended to bob's inbox again, is not handled a second time", async () => {
    const { agent: carol } = await gatewayAgent('carol3');
    const { agent: bob, received: atBob } = await gatewayAgent('bob3');
    const raw = await captureNextDelivery(bob.id, () => carol.send(bob.id, 'transfer.approved', { amount: 5 }));
    await waitFor(() => atBob.some((m) => m.messageType === 'transfer.approved'), 5_000, 'the delivery at bob');
    for (let i = 0; i < 3; i += 1) await suite.redis.xadd(MasKeys.inbox(bob.id), '*', MasKeys.envelopeField, raw);
    await sleep(800);
    expect(atBob.filter((m) => m.messageType === 'transfer.approved').length, 'times bob handled the one transfer carol sent').toBe(1);
  });
});
