import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import type { ProvisionedAgent } from '@mas/core';
import { sleep, waitFor } from '../support/e2e-helpers';
import { ZeroTrustAgent, ZeroTrustWorld } from '../support/zero-trust';

// Red team: what a provisioned agent can do with EVAL, granted to its own Redis user. The test
// performs the attack with mallory's own URL and asserts the SAFE outcome; a failing test is a finding.
// (Its attacks on the streams it could append to — trimming the shared ingress and dlq:messages,
// exhausting the ingress ids — are closed: test/zero-trust-ingress.e2e-spec.ts.)
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
  it('cannot stall Redis (and so the gateway and every agent) with one EVAL of an endless loop', async () => {
    await alice.agent.send(bobId.id, 'payment', { warm: true });
    // mallory's own user may run EVAL: a script that never ends needs no key at all.
    const evalError = refusal(() => attacker.eval('local i = 0 while true do i = i + 1 end', 0));
    await sleep(100);
    const started = Date.now();
    const sent = await refusal(() => alice.agent.send(bobId.id, 'payment', { during: true }));
    const tookMs = Date.now() - started;
    // Let Redis go on: the operator kills the script (possible once the busy threshold passed).
    await waitFor(
      async () => {
        const killed = await world.admin.command.call('SCRIPT', 'KILL').then(
          () => true,
          (e: Error) => /NOTBUSY/.test(e.message),
        );
        return killed;
      },
      20_000,
      'the operator killing the script',
      200,
    );
    const rejected = await evalError;
    expect(rejected, 'EVAL refused to a provisioned agent (or the loop stopped by a limit)').toBeDefined();
    expect(sent, "alice's send while mallory's script ran").toBeUndefined();
    expect(tookMs, "alice's send decided within 2 s while mallory's script ran").toBeLessThan(2_000);
  }, 40_000);
});
