import { describe, expect, it } from 'vitest';
import { MasKeys } from '@mas/core';
import { decisionOf, gatewayAgentFactory, gatewaySuite } from './gateway/spec-helpers';
import { waitFor } from './support/e2e-helpers';

// Issue 15: the gateway reads the policy of a whole ingress batch at once. A change must still hold
// for every message sent after it, while other messages keep the gateway's batches full.
const suite = gatewaySuite(5, { rateLimit: { perMinute: 1_000_000, perHour: 10_000_000 } });
const SPEC = 'gwfresh';
const gatewayAgent = gatewayAgentFactory(SPEC, () => suite.redisUrl, suite.agents);
const BURST = 20;

/** Sends from `from` to `to` in the background until stopped: the gateway always has a batch in flight. */
function keepBusy(send: () => Promise<unknown>): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) await Promise.all(Array.from({ length: 10 }, () => send().catch(() => undefined)));
  })();
  return async () => {
    running = false;
    await loop;
  };
}

describe('policy changes under load', () => {
  it('a block, a role change and a revocation hold for every message sent after them', async () => {
    const { agent: alice } = await gatewayAgent('alice', { decisionTimeoutMs: 1_500 });
    const { agent: bob, received } = await gatewayAgent('bob');
    const { agent: carol } = await gatewayAgent('carol');
    const stop = keepBusy(() => alice.send(carol.id, 'background', {}));
    const burst = async (phase: string) => Promise.all(Array.from({ length: BURST }, (_, i) => decisionOf(alice.send(bob.id, 'probe', { phase, i }))));
    try {
      expect(new Set(await burst('open'))).toEqual(new Set(['ALLOWED']));

      await suite.redis.sadd(MasKeys.blockedTargets(alice.id), bob.id);
      expect(new Set(await burst('blocked'))).toEqual(new Set(['AUTHZ_DENIED']));
      await suite.redis.del(MasKeys.blockedTargets(alice.id));
      expect(new Set(await burst('unblocked'))).toEqual(new Set(['ALLOWED']));

      await suite.redis.sadd(MasKeys.rolePermissions(`${SPEC}-narrow`), `send:${carol.id}`);
      await suite.redis.sadd(MasKeys.agentRoles(alice.id), `${SPEC}-narrow`);
      expect(new Set(await burst('narrow role'))).toEqual(new Set(['AUTHZ_DENIED']));
      await suite.redis.del(MasKeys.agentRoles(alice.id));
      expect(new Set(await burst('default role'))).toEqual(new Set(['ALLOWED']));

      await suite.redis.sadd(MasKeys.revokedTokens(alice.id), alice.registrationToken!);
      // Unauthenticated: the gateway tells the claimed sender nothing, so each send times out.
      expect((await burst('revoked')).every((decision) => decision !== 'ALLOWED')).toBe(true);
    } finally {
      await stop();
    }
    const probes = () => received.filter((m) => m.messageType === 'probe').map((m) => (m.data as { phase: string }).phase);
    await waitFor(() => probes().length >= 3 * BURST, 5_000, 'the allowed probes');
    expect(probes().sort()).toEqual([...Array(BURST).fill('default role'), ...Array(BURST).fill('open'), ...Array(BURST).fill('unblocked')]);
    await suite.redis.del(MasKeys.revokedTokens(alice.id), MasKeys.rolePermissions(`${SPEC}-narrow`));
  }, 60_000);
});
