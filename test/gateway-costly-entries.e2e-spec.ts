import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { createMessage, encodeEntrySignature, INGRESS_FIELDS, MasKeys, ProvisionedAgent, signEnvelopeText } from '@mas/core';
import { waitFor } from './support/e2e-helpers';
import { ZeroTrustWorld } from './support/zero-trust';

// Red team (found open, closed since): what one ingress entry naming a provisioned sender costs the
// gateway before it is refused. mallory needs no key to name alice; before, an entry naming her
// passed the credentials read, so the gateway parsed the whole envelope, wrote its canonical JSON
// and verified an Ed25519 signature over it (~220 ms for ~1 MB of 70,000 small objects) before it
// could tell the signature was junk. A provisioned sender now signs the envelope text as written, in
// the entry's own `signature` field, checked before any parse (a hash and one verification), and an
// entry naming a provisioned sender without one is refused unparsed. The flood criterion:
// the next valid message decided within 1 s.
let world: ZeroTrustWorld;
let mallory: ProvisionedAgent;
let aliceId: ProvisionedAgent;
let bobId: ProvisionedAgent;

beforeAll(async () => {
  world = await ZeroTrustWorld.start(11, { zeroTrust: { requireProvisioned: true } });
  mallory = await world.provision('mallory', { capabilities: ['chat'] });
  aliceId = await world.provision('alice', { capabilities: ['payments'] });
  bobId = await world.provision('bob', { capabilities: ['echo'] });
}, 30_000);
afterEach(() => world.stopAgents());
afterAll(() => world?.close());

/** ~1 MB of small objects: canonical JSON sorts the keys of each one; `escaped` adds a quote inside a string, so the text holds a backslash. */
function junkEnvelope(escaped: boolean): Record<string, unknown> {
  const items = Array.from({ length: 70_000 }, () => ({ k: 1, j: 2 }));
  return createMessage({ senderId: aliceId.id, targetId: bobId.id, messageType: 'bulk', data: { items, ...(escaped ? { note: 'say "hi"' } : {}) } }).toWire() as unknown as Record<string, unknown>;
}

/** The ingress entry fields of one variant: the envelope text and, for some, an entry signature by a key that is not alice's. */
function junkEntry(variant: 'signature inside the envelope' | 'entry signature' | 'entry signature, escapes in the text'): string[] {
  const escaped = variant === 'entry signature, escapes in the text';
  const envelope = junkEnvelope(escaped);
  if (variant === 'signature inside the envelope') {
    // The form provisioned agents signed in before: a junk signature block inside the envelope.
    return [INGRESS_FIELDS.envelope, JSON.stringify({ ...envelope, signature: { alg: 'ed25519', nonce: 'n', value: 'AAAA' } }), INGRESS_FIELDS.token, '', INGRESS_FIELDS.notify, '0'];
  }
  const text = JSON.stringify(envelope);
  const { privateKey } = generateKeyPairSync('ed25519'); // mallory's own key pair, not alice's
  const signature = encodeEntrySignature(signEnvelopeText(text, { sender: aliceId.id, target: bobId.id }, privateKey));
  return [INGRESS_FIELDS.envelope, text, INGRESS_FIELDS.token, '', INGRESS_FIELDS.notify, '0', INGRESS_FIELDS.signature, signature];
}

describe('red team: entries that cost the gateway seconds', () => {
  it.each(['signature inside the envelope', 'entry signature', 'entry signature, escapes in the text'] as const)(
    "20 copies of one 1 MB envelope naming alice with a junk %s do not keep alice's next message waiting over 1 s",
    async (variant) => {
      const alice = await world.start(aliceId, { capabilities: ['payments'] });
      const bob = await world.start(bobId, { capabilities: ['echo'] });
      await alice.agent.send(bobId.id, 'warm-up', {});

      const fields = junkEntry(variant);
      expect(fields[1].length).toBeLessThan(1_048_576);
      expect(fields[1].includes('\\')).toBe(variant === 'entry signature, escapes in the text');
      const admin = world.admin.command;
      const auditBefore = await admin.xlen(MasKeys.audit);
      const attacker = world.client(mallory.redisUrl);
      const pipeline = attacker.pipeline();
      for (let i = 0; i < 20; i += 1) pipeline.xadd(MasKeys.agentIngress(mallory.id), '*', ...fields);
      await pipeline.exec();

      const started = Date.now();
      await alice.agent.send(bobId.id, 'payment', { amount: 1 });
      const decidedMs = Date.now() - started;
      await waitFor(() => bob.received.some((m) => m.messageType === 'payment'), 5_000, 'the payment at bob');
      expect(decidedMs, "alice's message decided behind mallory's 20 MB of junk (ms)").toBeLessThan(1_000);

      // The junk was refused as unauthenticated ingress, under alice's name only as the claimed sender.
      await waitFor(async () => (await admin.xlen(MasKeys.agentIngress(mallory.id))) === 0, 10_000, 'the junk decided and acked');
      const decisions = (await admin.xrange(MasKeys.audit, '-', '+')).slice(auditBefore).map(([, f]) => ({ decision: f[f.indexOf('decision') + 1], type: f[f.indexOf('message_type') + 1] }));
      expect(decisions.filter((d) => d.type !== 'payment').every((d) => d.decision === 'AUTH_FAILED'), JSON.stringify(decisions)).toBe(true);
      expect(bob.received.filter((m) => m.messageType === 'bulk')).toEqual([]);
    },
    60_000,
  );
});
