import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MasKeys, ProvisionedAgent } from '@mas/core';
import type { TestGateway } from '../gateway/harness';
import { waitFor } from '../support/e2e-helpers';
import { ZeroTrustWorld } from '../support/zero-trust';

// Red team: what one ingress entry costs the gateway before it is refused. Entries far over
// `ingress.max_message_bytes` are read in full (a batch of up to 1,024 entries with no byte bound)
// before the size check. (The junk envelope of many small objects under a junk signature is closed:
// test/gateway-costly-entries.e2e-spec.ts.) The flood criterion is asserted (the next valid
// message decided within 1 s); a failing test is a finding.
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

describe('red team: oversized ingress entries', () => {
  it("8 ingress entries of 40 MB each, read at once after a gateway restart (the size limit is checked only after the gateway read them), do not keep alice's next message waiting over 1 s", async () => {
    const alice = await world.start(aliceId, { capabilities: ['payments'] });
    const bob = await world.start(bobId, { capabilities: ['echo'] });
    await alice.agent.send(bobId.id, 'warm-up', {});
    // Appended while no gateway reads (a restart, a rollout), so that one read returns them all;
    // with a gateway reading as they arrive they may be read a few at a time.
    const gateways = (world as unknown as { gateways: TestGateway[] }).gateways;
    await Promise.all(gateways.splice(0).map((gateway) => gateway.app.close()));
    const attacker = world.client(mallory.redisUrl);
    const huge = 'x'.repeat(40 * 1024 * 1024);
    const pipeline = attacker.pipeline();
    for (let i = 0; i < 8; i += 1) pipeline.xadd(MasKeys.gatewayIngress, '*', 'envelope', huge, 'token', '', 'notify', '0');
    await pipeline.exec();
    await world.startGateway(GATEWAY);
    const started = Date.now();
    const outcome = await alice.agent.send(bobId.id, 'payment', { amount: 2 }).then(() => 'ALLOWED', (e: Error) => e.message);
    const decidedMs = Date.now() - started;
    const arrived = await waitFor(() => bob.received.some((m) => m.messageType === 'payment'), 30_000, 'the payment at bob').then(() => Date.now() - started, () => -1);
    expect({ outcome, within1s: decidedMs < 1_000 }, `alice's message behind 320 MB of oversized entries: answered after ${decidedMs} ms, at bob after ${arrived} ms`).toEqual({ outcome: 'ALLOWED', within1s: true });
  }, 60_000);
});
