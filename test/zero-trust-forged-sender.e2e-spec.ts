import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import { createMessage, decodeCredentials, encodeEntrySignature, INGRESS_FIELDS, MasKeys, ProvisionedAgent, signEnvelopeText, signingInput } from '@mas/core';
import { ChannelTap, waitFor } from './support/e2e-helpers';
import { decisionsOn } from './gateway/spec-helpers';
import { ZeroTrustAgent, ZeroTrustWorld } from './support/zero-trust';

// Issue 12, for provisioned senders: their signature is what authenticates them (they present no
// token). An attacker holding another agent's credentials may still XADD to the shared ingress any
// envelope naming alice as its sender. Such an entry must be refused as unauthenticated — whether
// or not message signing is on — audited as such (alice only as the claimed sender), and must never
// make the gateway send alice anything or file it under her.

/**
 * Ingress entries (their fields past the envelope's) claiming `sender`, signed with a key that is not
 * its own (or not signed at all): signed entries alternate between an entry signature (the form
 * provisioned agents sign in) and a signature block inside the envelope (the form they signed in
 * before, and gateway-mode agents still do).
 */
function forgeries(sender: string, target: string, count: number, signed: boolean): string[][] {
  const { privateKey } = generateKeyPairSync('ed25519');
  return Array.from({ length: count }, (_, i) => {
    const envelope = createMessage({ senderId: sender, targetId: target, messageType: 'transfer', data: { amount: 1_000_000, i } }).toWire() as Record<string, unknown>;
    envelope.message_id = `forged-${i}-${randomUUID()}`;
    if (signed && i % 2 === 0) {
      const text = JSON.stringify(envelope);
      return [INGRESS_FIELDS.envelope, text, INGRESS_FIELDS.signature, encodeEntrySignature(signEnvelopeText(text, { sender, target }, privateKey))];
    }
    if (signed) {
      const nonce = randomUUID();
      envelope.signature = { alg: 'ed25519', nonce, value: sign(null, Buffer.from(signingInput(envelope as never, 'ed25519', nonce)), privateKey).toString('base64') };
    }
    return [INGRESS_FIELDS.envelope, JSON.stringify(envelope)];
  });
}

for (const signing of [true, false]) {
  describe(`a forged provisioned sender (message signing ${signing ? 'on' : 'off'})`, () => {
    let world: ZeroTrustWorld;
    let mallory: ProvisionedAgent;
    let aliceId: ProvisionedAgent;
    let bobId: ProvisionedAgent;
    let attacker: Redis;
    let alice: ZeroTrustAgent;
    let bob: ZeroTrustAgent;
    let tap: ChannelTap;

    beforeAll(async () => {
      world = await ZeroTrustWorld.start(14, { features: { messageSigning: signing } });
      mallory = await world.provision('mallory');
      aliceId = await world.provision('alice');
      bobId = await world.provision('bob');
      attacker = world.client(mallory.redisUrl);
      alice = await world.start(aliceId);
      bob = await world.start(bobId);
      tap = await new ChannelTap(world.redis.url).subscribe(MasKeys.agentChannel(aliceId.id));
    }, 30_000);
    afterAll(async () => {
      await tap?.close();
      await world?.close();
    });

    it('is refused as unauthenticated: nothing delivered, nothing sent to alice, nothing filed under her', async () => {
      const admin = world.admin.command;
      const auditBefore = await admin.xlen(MasKeys.audit);
      const filedBefore = await admin.xlen(MasKeys.auditBySender(aliceId.id)); // her registration
      for (const fields of forgeries(aliceId.id, bobId.id, 20, signing)) {
        await attacker.xadd(MasKeys.agentIngress(mallory.id), '*', ...fields, INGRESS_FIELDS.token, 'stolen', INGRESS_FIELDS.notify, '1');
      }
      await waitFor(async () => (await admin.xlen(MasKeys.agentIngress(mallory.id))) === 0, 10_000, 'the forgeries decided and acked');
      // alice's own message behind them is still allowed and delivered
      await alice.agent.send(bobId.id, 'hello', { real: true });
      await waitFor(() => bob.received.some((m) => m.messageType === 'hello'), 5_000, "alice's real message");

      expect(bob.received.filter((m) => m.messageType === 'transfer')).toEqual([]);
      const decided = decisionsOn(tap.on(MasKeys.agentChannel(aliceId.id)));
      expect(decided.map((d) => d.decision)).toContain('ALLOWED'); // her real message's decision was seen
      expect(decided.filter((d) => d.message_id.startsWith('forged-'))).toEqual([]);
      const entries = (await admin.xrange(MasKeys.audit, '-', '+')).slice(auditBefore).map(([, fields]) => {
        const record: Record<string, string> = {};
        for (let i = 0; i < fields.length; i += 2) record[fields[i]] = fields[i + 1];
        return record;
      });
      const forged = entries.filter((e) => e.message_type !== 'hello');
      expect(forged.length).toBeGreaterThan(0);
      for (const entry of forged) {
        expect(entry.decision).toBe('AUTH_FAILED');
        expect(entry.sender_id ?? '').toBe('');
        expect(entry.claimed_sender).toBe(aliceId.id);
      }
      expect(await admin.xlen(MasKeys.auditBySender(aliceId.id))).toBe(filedBefore + 1); // her real message only
    });

    it("an entry alice signed, appended to mallory's own stream, is refused by whose stream it came from", async () => {
      // A copy of alice's entry, or one signed with her key: valid under her key, but only alice's Redis
      // user can append to alice's stream, and this one came from mallory's.
      const admin = world.admin.command;
      const { privateKey } = decodeCredentials(aliceId.credentials, aliceId.id);
      const envelope = createMessage({ senderId: aliceId.id, targetId: bobId.id, messageType: 'transfer.copy', data: { amount: 5 } }).toWire();
      const text = JSON.stringify(envelope);
      const signature = encodeEntrySignature(signEnvelopeText(text, { sender: aliceId.id, target: bobId.id }, privateKey));
      const auditBefore = await admin.xlen(MasKeys.audit);
      await attacker.xadd(MasKeys.agentIngress(mallory.id), '*', INGRESS_FIELDS.envelope, text, INGRESS_FIELDS.signature, signature, INGRESS_FIELDS.token, '', INGRESS_FIELDS.notify, '1');
      await waitFor(async () => (await admin.xlen(MasKeys.audit)) > auditBefore, 5_000, 'the copy decided');
      await alice.agent.send(bobId.id, 'hello.after', {});
      await waitFor(() => bob.received.some((m) => m.messageType === 'hello.after'), 5_000, "alice's real message");

      expect(bob.received.filter((m) => m.messageType === 'transfer.copy')).toEqual([]);
      const copy = (await admin.xrange(MasKeys.audit, '-', '+'))
        .slice(auditBefore)
        .map(([, fields]) => Object.fromEntries(fields.flatMap((value, i) => (i % 2 ? [] : [[value, fields[i + 1]]]))))
        .find((entry) => entry.message_type === 'transfer.copy');
      expect(copy).toMatchObject({ decision: 'AUTH_FAILED', sender_id: '', claimed_sender: aliceId.id });
      expect(JSON.parse(copy!.violations)).toEqual(['auth:foreign_stream']);
    });
  });
}
