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
    // A decision not received in time reads as SERVICE_UNAVAILABLE: generous, for a busy machine.
    const { agent: alice } = await gatewayAgent('alice', { decisionTimeoutMs: 15_000 });
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

    } finally {
      await stop();
    }
    await suite.redis.sadd(MasKeys.revokedTokens(alice.id), alice.registrationToken!);
    // Unauthenticated: the gateway tells the claimed sender nothing (each send would time out), so
    // count the refusals it filed under the claimed sender (this minute and the one before).
    const refusals = async () => {
      const window = Math.floor(Date.now() / 60_000);
      const counts = await suite.redis.mget(MasKeys.auditUnauthenticated(`sender:${alice.id}`, window), MasKeys.auditUnauthenticated(`sender:${alice.id}`, window - 1));
      return counts.reduce((sum, n) => sum + Number(n ?? 0), 0);
    };
    const revoked = Array.from({ length: BURST }, (_, i) => alice.send(bob.id, 'probe', { phase: 'revoked', i }).catch(() => undefined));
    await waitFor(async () => (await refusals()) >= BURST, 30_000, 'the revoked sends to be refused');
    void Promise.all(revoked);
    const probes = () => received.filter((m) => m.messageType === 'probe').map((m) => (m.data as { phase: string }).phase);
    await waitFor(() => probes().length >= 3 * BURST, 5_000, 'the allowed probes');
    expect(probes().sort()).toEqual([...Array(BURST).fill('default role'), ...Array(BURST).fill('open'), ...Array(BURST).fill('unblocked')]);
    await suite.redis.del(MasKeys.revokedTokens(alice.id), MasKeys.rolePermissions(`${SPEC}-narrow`));
  }, 120_000);
});
