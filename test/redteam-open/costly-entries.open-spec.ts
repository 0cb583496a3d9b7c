import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMessage, decodeCredentials, GATEWAY_SENDER_ID, MasKeys, ProvisionedAgent, REGISTER_REQUEST_TYPE, signEnvelope } from '@mas/core';
import { waitFor } from '../support/e2e-helpers';
import { ZeroTrustWorld } from '../support/zero-trust';

// Red team: what one ingress entry costs the gateway before it is refused. An entry naming a
// provisioned, ACTIVE sender passes the credentials read, so the gateway parses the whole envelope,
// writes its canonical JSON and verifies an Ed25519 signature over it before it can tell the
// signature is junk (auth:bad_signature). mallory needs no key for that: it names alice. The issue's
// flood criterion is asserted (the next valid message decided within 1 s); a failing test is a finding.
let world: ZeroTrustWorld;
let mallory: ProvisionedAgent;
let aliceId: ProvisionedAgent;
let bobId: ProvisionedAgent;
const GATEWAY = { zeroTrust: { requireProvisioned: true } };

beforeAll(async () => {
  world = await ZeroTrustWorld.start(11, GATEWAY);
  mallory = await world.provision('mallory', { capabilities: ['chat'] });
  aliceId = await world.provision('alice', { capabilities: ['payments'] });
  bobId = await world.provision('bob', { capabilities: ['echo'] });
}, 30_000);
afterEach(() => world.stopAgents());
afterAll(() => world?.close());

describe('red team: entries that cost the gateway seconds', () => {
  it("20 copies of one 1 MB envelope naming alice with a junk signature do not keep alice's next message waiting over 1 s", async () => {
    const alice = await world.start(aliceId, { capabilities: ['payments'] });
    const bob = await world.start(bobId, { capabilities: ['echo'] });
    await alice.agent.send(bobId.id, 'warm-up', {});

    // ~1 MB of small objects: canonical JSON sorts the keys of each one.
    const items = Array.from({ length: 70_000 }, () => ({ k: 1, j: 2 }));
    const junk = { ...createMessage({ senderId: aliceId.id, targetId: bobId.id, messageType: 'bulk', data: { items } }).toWire(), signature: { alg: 'ed25519', nonce: 'n', value: 'AAAA' } };
    const raw = JSON.stringify(junk);
    expect(raw.length).toBeLessThan(1_048_576);
    const attacker = world.client(mallory.redisUrl);
    const pipeline = attacker.pipeline();
    for (let i = 0; i < 20; i += 1) pipeline.xadd(MasKeys.gatewayIngress, '*', 'envelope', raw, 'token', '', 'notify', '0');
    await pipeline.exec();

    const started = Date.now();
    await alice.agent.send(bobId.id, 'payment', { amount: 1 });
    const decidedMs = Date.now() - started;
    await waitFor(() => bob.received.some((m) => m.messageType === 'payment'), 5_000, 'the payment at bob');
    expect(decidedMs, "alice's message decided behind mallory's 20 MB of junk (ms)").toBeLessThan(1_000);
  }, 60_000);
});

describe('red team: registration requests and the limits every other message is held to', () => {
});
