import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMessage, MasKeys, ProvisionedAgent } from '@mas/core';
import { DeadLetterReplay } from '../apps/gateway/src/routing/dead-letter-replay';
import type { TestGateway } from './gateway/harness';
import { sleep, waitFor } from './support/e2e-helpers';
import { ZeroTrustWorld } from './support/zero-trust';

// Red team: the DLQ replay of a provisioned sender's letter. Authentication of a replay trusts the
// gateway's signature on the letter in place of the sender's own; but the gateway also signs the
// letters of entries it never decided ("unprocessable": read more than `ingress.maxAttempts` times),
// whatever their envelope claims. The SAFE outcome is asserted; a failing test is a finding.
let world: ZeroTrustWorld;
let mallory: ProvisionedAgent;
let aliceId: ProvisionedAgent;
let bobId: ProvisionedAgent;

const gatewaysOf = (w: ZeroTrustWorld) => (w as unknown as { gateways: TestGateway[] }).gateways;

beforeAll(async () => {
  world = await ZeroTrustWorld.start(12, { zeroTrust: { requireProvisioned: true } });
  mallory = await world.provision('mallory', { capabilities: ['chat'] });
  aliceId = await world.provision('alice', { capabilities: ['payments'] });
  bobId = await world.provision('bob', { capabilities: ['echo'] });
}, 30_000);
afterEach(() => world.stopAgents());
afterAll(() => world?.close());

describe('red team: DLQ replay as the original sender', () => {
  it("an unsigned envelope naming alice, dead-lettered as unprocessable, is not delivered as alice's when the operator replays the DLQ", async () => {
    await world.start(aliceId, { capabilities: ['payments'] });
    const bob = await world.start(bobId, { capabilities: ['echo'] });
    // The gateways go down (a crash loop, a rollout): entries wait in the ingress.
    await Promise.all(gatewaysOf(world).splice(0).map((gateway) => gateway.app.close()));

    // mallory appends, with its own Redis user, an envelope naming alice, unsigned (it has no key of hers).
    const forged = createMessage({ senderId: aliceId.id, targetId: bobId.id, messageType: 'payment', data: { amount: 1_000_000, to: mallory.id } }).toWire();
    const attacker = world.client(mallory.redisUrl);
    const ingress = MasKeys.agentIngress(mallory.id); // the only stream its user may append to
    const entryId = (await attacker.xadd(ingress, '*', 'envelope', JSON.stringify(forged), 'token', '', 'notify', '0'))!;

    // Simulated: gateway instances read the entry and died before deciding it, more than
    // `ingress.maxAttempts` (5) times (XCLAIM RETRYCOUNT stands in for those reads).
    const admin = world.admin.command;
    await admin.xreadgroup('GROUP', MasKeys.gatewayGroup, 'dead-instance', 'COUNT', 100, 'STREAMS', ingress, '>');
    await admin.xclaim(ingress, MasKeys.gatewayGroup, 'dead-instance', 0, entryId, 'RETRYCOUNT', 6);
    await sleep(600); // idle longer than claimIdleMs

    const gateway = await world.startGateway();
    const letter = await waitFor(async () => {
      const entries = (await admin.xrange(MasKeys.deadLetters, '-', '+')) as Array<[string, string[]]>;
      return entries.find(([, fields]) => fields.includes(forged.message_id));
    }, 10_000, 'the unprocessable dead letter');
    expect(bob.received.filter((m) => m.messageType === 'payment')).toEqual([]);

    // The operator replays the dead letters (POST /dlq/replay).
    const results = await gateway.app.get(DeadLetterReplay).replayAll();
    await sleep(800);
    const result = results.find((r) => r.id === letter[0]);
    expect(
      bob.received.filter((m) => m.messageType === 'payment').map((m) => `${m.senderId}: ${JSON.stringify(m.data)}`),
      "delivered to bob as alice's, though alice never signed it",
    ).toEqual([]);
    expect(result?.delivered, `replay result ${JSON.stringify(result)}`).toBe(false);
  }, 40_000);

  it("alice's own entry, dead-lettered as unprocessable, is checked again on replay by the entry signature it kept, and delivered as hers", async () => {
    const alice = await world.start(aliceId, { capabilities: ['payments'] });
    const bob = await world.start(bobId, { capabilities: ['echo'] });
    await Promise.all(gatewaysOf(world).splice(0).map((gateway) => gateway.app.close()));
    const admin = world.admin.command;
    const before = (await admin.xrange(MasKeys.agentIngress(aliceId.id), '-', '+')).length;
    const sent = alice.agent.send(bobId.id, 'payment', { amount: 7 }).catch((error: unknown) => error); // no gateway decides it now
    const [entryId, fields] = await waitFor(async () => (await admin.xrange(MasKeys.agentIngress(aliceId.id), '-', '+'))[before], 5_000, "alice's entry");
    expect(fields).toContain('signature'); // signed as written, beside the envelope
    await admin.xreadgroup('GROUP', MasKeys.gatewayGroup, 'dead-instance', 'COUNT', 100, 'STREAMS', MasKeys.agentIngress(aliceId.id), '>');
    await admin.xclaim(MasKeys.agentIngress(aliceId.id), MasKeys.gatewayGroup, 'dead-instance', 0, entryId, 'RETRYCOUNT', 6);
    await sleep(600);
    const gateway = await world.startGateway();
    const letter = await waitFor(async () => {
      const entries = (await admin.xrange(MasKeys.deadLetters, '-', '+')) as Array<[string, string[]]>;
      return entries.find(([, f]) => f.includes(entryId));
    }, 10_000, 'the unprocessable dead letter');
    expect(letter[1]).toContain('entry_signature');
    await sent;
    const [result] = await Promise.all([gateway.app.get(DeadLetterReplay).replay(letter[0])]);
    expect(result, `replay result ${JSON.stringify(result)}`).toMatchObject({ delivered: true, decision: 'ALLOWED' });
    await waitFor(() => bob.received.some((m) => m.messageType === 'payment' && m.senderId === aliceId.id), 5_000, "alice's payment at bob");
  }, 40_000);
  it("alice's message dead-lettered after admission (her target's inbox failed) is replayed as hers once repaired, and refused once her key has changed", async () => {
    const alice = await world.start(aliceId, { capabilities: ['payments'] });
    await world.start(bobId, { capabilities: ['echo'] });
    const admin = world.admin.command;
    // bob's inbox cannot be written (a stand-in for an out-of-memory Redis): the admitted messages' deliveries fail.
    await admin.multi().del(MasKeys.inbox(bobId.id)).set(MasKeys.inbox(bobId.id), 'not a stream').exec();
    await alice.agent.send(bobId.id, 'payment', { amount: 9 });
    await alice.agent.send(bobId.id, 'payment', { amount: 10 });
    const letters = await waitFor(async () => {
      const entries = (await admin.xrange(MasKeys.deadLetters, '-', '+')) as Array<[string, string[]]>;
      const failed = entries.filter(([, f]) => f.includes(bobId.id) && f.some((v) => v.startsWith('delivery_failed')));
      return failed.length === 2 ? failed : undefined;
    }, 10_000, 'the two failed deliveries in the dead-letter stream');
    expect(letters[0][1]).toContain('sender_key_sha256'); // the key that authenticated alice, signed with the letter
    await admin.del(MasKeys.inbox(bobId.id)); // repaired
    const gateway = gatewaysOf(world)[gatewaysOf(world).length - 1];
    const replay = gateway.app.get(DeadLetterReplay);
    const payments = async () => {
      const entries = (await admin.xrange(MasKeys.inbox(bobId.id), '-', '+')) as Array<[string, string[]]>;
      return entries.map(([, f]) => JSON.parse(f[f.indexOf('envelope') + 1]) as { sender_id: string; message_type: string; data: unknown }).filter((e) => e.message_type === 'payment');
    };

    const result = await replay.replay(letters[0][0]);
    expect(result, `replay result ${JSON.stringify(result)}`).toMatchObject({ delivered: true, decision: 'ALLOWED' });
    const delivered = await waitFor(async () => ((await payments()).length ? payments() : undefined), 5_000, "alice's payment in bob's inbox");
    expect(delivered).toEqual([expect.objectContaining({ sender_id: aliceId.id, data: { amount: 9 } })]);

    // alice is provisioned again with a new key (her old one leaked, say): what the old key authenticated is not replayed.
    await world.provisioner.provisionAgent(aliceId.id, { capabilities: ['payments'] });
    const refused = await replay.replay(letters[1][0]);
    expect(refused, `replay result ${JSON.stringify(refused)}`).toMatchObject({ delivered: false, decision: 'AUTH_FAILED' });
    await sleep(300);
    expect((await payments()).map((e) => e.data)).toEqual([{ amount: 9 }]);
    expect((await admin.xrange(MasKeys.deadLetters, letters[1][0], letters[1][0])).length).toBe(1); // it stays where it is
  }, 40_000);

  /** The gateway's letters for `target` (oldest first), and the payments in `target`'s inbox. */
  const lettersFor = async (target: string) =>
    ((await world.admin.command.xrange(MasKeys.deadLetters, '-', '+')) as Array<[string, string[]]>).filter(([, f]) => f[f.indexOf('agent_id') + 1] === target && f.includes('gateway_signature'));
  const paymentsAt = async (target: string) =>
    ((await world.admin.command.xrange(MasKeys.inbox(target), '-', '+')) as Array<[string, string[]]>)
      .map(([, f]) => JSON.parse(f[f.indexOf('envelope') + 1]) as { sender_id: string; message_type: string; data: unknown })
      .filter((e) => e.message_type === 'payment');
  /** A fresh sender's payment to a fresh target whose circuit is OPEN: refused CIRCUIT_OPEN, dead-lettered after admission. */
  const circuitOpenLetter = async (amount: number) => {
    const senderId = await world.provision('dave', { capabilities: ['payments'] });
    const targetId = await world.provision('carol', { capabilities: ['echo'] });
    const sender = await world.start(senderId, { capabilities: ['payments'] });
    await world.start(targetId, { capabilities: ['echo'] });
    await world.admin.command.hset(MasKeys.circuit(targetId.id), 'state', 'OPEN', 'opened_at', Date.now());
    await sender.agent.send(targetId.id, 'payment', { amount }).catch((error: unknown) => error);
    const [letter] = await waitFor(async () => ((await lettersFor(targetId.id)).length ? lettersFor(targetId.id) : undefined), 10_000, 'the circuit_open letter');
    expect(letter[1]).toContain('sender_key_sha256');
    const replay = gatewaysOf(world)[gatewaysOf(world).length - 1].app.get(DeadLetterReplay);
    return { senderId, targetId, letter, replay };
  };

  it("a letter replayed while its target's circuit is still open stays the one letter of its message: replaying the DLQ once the circuit closed delivers it once", async () => {
    const { targetId, letter, replay } = await circuitOpenLetter(21);
    const early = await replay.replay(letter[0]); // the operator tries too early
    expect(early, `replay result ${JSON.stringify(early)}`).toMatchObject({ delivered: false, decision: 'CIRCUIT_OPEN' });
    expect((await lettersFor(targetId.id)).map(([id]) => id), 'letters of the one message').toEqual([letter[0]]);
    await world.admin.command.del(MasKeys.circuit(targetId.id)); // the target recovered
    await replay.replayAll({ agentId: targetId.id });
    await waitFor(async () => ((await paymentsAt(targetId.id)).length ? true : undefined), 5_000, 'the payment delivered');
    await sleep(500);
    expect((await paymentsAt(targetId.id)).map((e) => e.data), 'payments delivered').toEqual([{ amount: 21 }]);
  }, 40_000);

  it('two replays of one letter at once (two operators, two gateway instances) deliver it once', async () => {
    const { targetId, letter, replay } = await circuitOpenLetter(22);
    await world.admin.command.del(MasKeys.circuit(targetId.id));
    const other = (await world.startGateway()).app.get(DeadLetterReplay);
    const results = await Promise.all([replay.replay(letter[0]), other.replay(letter[0])]);
    await waitFor(async () => ((await paymentsAt(targetId.id)).length ? true : undefined), 5_000, 'the payment delivered');
    await sleep(800);
    expect((await paymentsAt(targetId.id)).map((e) => e.data), `payments delivered; replay results ${JSON.stringify(results)}`).toEqual([{ amount: 22 }]);
    expect(results.filter((r) => r.delivered)).toHaveLength(1);
  }, 40_000);

  it("an operator-level user who can write dlq:messages cannot have a provisioned sender's admitted message delivered twice by copying its letter", async () => {
    const { targetId, letter, replay } = await circuitOpenLetter(24);
    await world.admin.command.del(MasKeys.circuit(targetId.id));
    const copy = (await world.admin.command.xadd(MasKeys.deadLetters, '*', ...letter[1]))!; // the same fields, gateway signature included
    const results = [await replay.replay(letter[0]), await replay.replay(copy)];
    await waitFor(async () => ((await paymentsAt(targetId.id)).length ? true : undefined), 5_000, 'the payment delivered');
    await sleep(800);
    expect((await paymentsAt(targetId.id)).map((e) => e.data), `payments delivered; replay results ${JSON.stringify(results)}`).toEqual([{ amount: 24 }]);
  }, 40_000);

  it('a replayed message whose delivery fails again is dead-lettered anew, and that letter can be replayed in turn (once)', async () => {
    const senderId = await world.provision('erin', { capabilities: ['payments'] });
    const targetId = await world.provision('carol', { capabilities: ['echo'] });
    const sender = await world.start(senderId, { capabilities: ['payments'] });
    await world.start(targetId, { capabilities: ['echo'] });
    const admin = world.admin.command;
    await admin.multi().del(MasKeys.inbox(targetId.id)).set(MasKeys.inbox(targetId.id), 'not a stream').exec(); // deliveries fail
    await sender.agent.send(targetId.id, 'payment', { amount: 25 });
    const [first] = await waitFor(async () => ((await lettersFor(targetId.id)).length ? lettersFor(targetId.id) : undefined), 10_000, 'the first letter');
    const replay = gatewaysOf(world)[gatewaysOf(world).length - 1].app.get(DeadLetterReplay);
    expect(await replay.replay(first[0])).toMatchObject({ delivered: true, decision: 'ALLOWED' }); // admitted, and failing again
    const [second] = await waitFor(async () => {
      const letters = await lettersFor(targetId.id);
      return letters.length && letters[0][0] !== first[0] ? letters : undefined;
    }, 10_000, 'the letter of the second failure');
    await admin.del(MasKeys.inbox(targetId.id)); // repaired
    const results = [await replay.replay(second[0]), await replay.replay(second[0]).catch((error: unknown) => String(error))];
    await waitFor(async () => ((await paymentsAt(targetId.id)).length ? true : undefined), 5_000, 'the payment delivered');
    await sleep(500);
    expect((await paymentsAt(targetId.id)).map((e) => e.data), `replay results ${JSON.stringify(results)}`).toEqual([{ amount: 25 }]);
  }, 40_000);

  it('a letter of a sender deprovisioned since is refused, and stays', async () => {
    const { senderId, targetId, letter, replay } = await circuitOpenLetter(23);
    await world.admin.command.del(MasKeys.circuit(targetId.id));
    await world.stopAgents();
    await world.provisioner.deprovisionAgent(senderId.id);
    const refused = await replay.replay(letter[0]);
    expect(refused, `replay result ${JSON.stringify(refused)}`).toMatchObject({ delivered: false, decision: 'AUTH_FAILED' });
    await sleep(300);
    expect(await paymentsAt(targetId.id)).toEqual([]);
    expect((await lettersFor(targetId.id)).map(([id]) => id)).toEqual([letter[0]]);
  }, 40_000);
});
