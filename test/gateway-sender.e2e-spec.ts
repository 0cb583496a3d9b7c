import { describe, expect, it } from 'vitest';
import { Agent, GatewayRejectedError, INGRESS_FIELDS, MasKeys, verifyEnvelope } from '@mas/core';
import { privateSuite } from './support/private-redis';
import { uniqueId } from './support/e2e-helpers';

// The sending side of gateway mode with no gateway running: what it appends to the ingress, and what
// a send waiting for a decision that never comes ends with.
const suite = privateSuite(3);

describe('a gateway-mode sender', () => {
  it('appends each message signed (the envelope as JSON writes it, the block last) and rejects with SERVICE_UNAVAILABLE when no decision comes in time', async () => {
    const alice = new Agent(uniqueId('gwsend', 'alice'), { redisUrl: suite.redisUrl, logger: suite.logger, gateway: { decisionTimeoutMs: 300 } });
    await suite.agents.start(alice);
    const target = uniqueId('gwsend', 'bob');
    const started = Date.now();
    const outcomes = await Promise.all(
      [1, 2, 3].map((n) =>
        alice.send(target, 'order', { n, note: 'é "q"', items: [{ sku: 'A', qty: n }] }).then(
          () => 'ALLOWED',
          (error: unknown) => (error instanceof GatewayRejectedError ? error.decision : `error: ${String(error)}`),
        ),
      ),
    );
    expect(outcomes).toEqual(['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);

    const redis = suite.probes.client(suite.redisUrl);
    const secret = (await redis.get(MasKeys.signingKey(alice.id)))!;
    const entries = (await redis.xrange(MasKeys.gatewayIngressFor(alice.id), '-', '+')).map(([, fields]) => Object.fromEntries(chunks(fields)));
    const mine = entries.filter((fields) => JSON.parse(fields[INGRESS_FIELDS.envelope]).sender_id === alice.id);
    expect(mine).toHaveLength(3);
    const nonces = new Set<string>();
    for (const fields of mine) {
      const text = fields[INGRESS_FIELDS.envelope];
      const envelope = JSON.parse(text);
      expect(fields[INGRESS_FIELDS.notify]).toBe('1');
      expect(Object.keys(envelope)).toEqual(['sender_id', 'target_id', 'message_type', 'data', 'meta', 'timestamp', 'message_id', 'signature']);
      expect(text).toBe(JSON.stringify(envelope));
      expect(verifyEnvelope(envelope, { hmacSecret: secret })).toBe(true);
      expect(verifyEnvelope({ ...envelope, data: { ...envelope.data, n: 9 } }, { hmacSecret: secret })).toBe(false);
      nonces.add(envelope.signature.nonce);
    }
    expect(nonces.size).toBe(3);
  });
});

function chunks(fields: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < fields.length; i += 2) pairs.push([fields[i], fields[i + 1]]);
  return pairs;
}
