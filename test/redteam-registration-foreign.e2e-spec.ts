import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import { createMessage, DEREGISTER_REQUEST_TYPE, decodeCredentials, encodeEntrySignature, GATEWAY_SENDER_ID, INGRESS_FIELDS, MasKeys, ProvisionedAgent, REGISTER_REQUEST_TYPE, signEnvelopeText } from '@mas/core';
import { ChannelTap, waitFor } from './support/e2e-helpers';
import { decisionsOn } from './gateway/spec-helpers';
import { ZeroTrustWorld } from './support/zero-trust';

// Red-team finding of 2026-12-03, closed: a registration request in mallory's own ingress stream
// whose entry `signature` field names mallory (signed with her own key, so the stream-owner check
// `auth:foreign_stream` passes) but whose envelope names alice as `sender_id`. Registration requests
// skip the batch authentication (which refuses such a mismatch as unauthenticated `auth:malformed`);
// the registration handler verified mallory's signature, decoded the envelope and refused the
// mismatch as SIGNATURE_INVALID — recorded from the decoded envelope: audited under alice, told to
// alice on her channel, the nonce mallory chose claimed under alice's keys (on 6bc22f1: 40 of 40).
// Now the handler compares the two names first (the envelope's read without decoding it) and records
// a mismatch as unauthenticated: under no sender, nothing sent to alice, nothing filed under her.

const record = (fields: string[]): Record<string, string> => Object.fromEntries(fields.flatMap((value, i) => (i % 2 ? [] : [[value, fields[i + 1]]])));

describe("a registration request in mallory's stream, signed as mallory, naming alice in its envelope", () => {
  let world: ZeroTrustWorld;
  let malloryId: ProvisionedAgent;
  let aliceId: ProvisionedAgent;
  let attacker: Redis;
  let tap: ChannelTap;

  beforeAll(async () => {
    world = await ZeroTrustWorld.start(15);
    malloryId = await world.provision('mallory');
    aliceId = await world.provision('alice');
    attacker = world.client(malloryId.redisUrl);
    await world.start(aliceId);
    await world.start(malloryId);
    tap = await new ChannelTap(world.redis.url).subscribe(MasKeys.agentChannel(aliceId.id));
  }, 30_000);
  afterAll(async () => {
    await tap?.close();
    await world?.close();
  });

  it('is refused as unauthenticated: nothing filed under alice, nothing told to alice, no nonce of hers used', async () => {
    const admin = world.admin.command;
    const { privateKey } = decodeCredentials(malloryId.credentials, malloryId.id);
    const filedBefore = await admin.xlen(MasKeys.auditBySender(aliceId.id));
    const auditBefore = await admin.xlen(MasKeys.audit);
    const nonces: string[] = [];
    const count = 40;
    for (let i = 0; i < count; i += 1) {
      const wire = createMessage({ senderId: aliceId.id, targetId: GATEWAY_SENDER_ID, messageType: i % 2 ? DEREGISTER_REQUEST_TYPE : REGISTER_REQUEST_TYPE, data: {} }).toWire() as unknown as Record<string, unknown>;
      wire.message_id = `mallory-chose-${i}-${randomUUID()}`;
      const text = JSON.stringify(wire);
      const signature = signEnvelopeText(text, { sender: malloryId.id, target: GATEWAY_SENDER_ID }, privateKey);
      nonces.push(signature.nonce);
      await attacker.xadd(MasKeys.agentIngress(malloryId.id), '*', INGRESS_FIELDS.envelope, text, INGRESS_FIELDS.signature, encodeEntrySignature(signature), INGRESS_FIELDS.token, '', INGRESS_FIELDS.notify, '1');
    }
    await waitFor(async () => (await admin.xlen(MasKeys.agentIngress(malloryId.id))) === 0, 10_000, "mallory's entries decided and acked");

    const entries = (await admin.xrange(MasKeys.audit, '-', '+')).slice(auditBefore).map(([, fields]) => record(fields)).filter((e) => e.message_id?.startsWith('mallory-chose-'));
    const toAlice = decisionsOn(tap.on(MasKeys.agentChannel(aliceId.id))).filter((d) => d.message_id.startsWith('mallory-chose-'));
    const aliceNonces = (await Promise.all(nonces.map((nonce) => admin.exists(MasKeys.nonce(aliceId.id, nonce))))).filter(Boolean).length;

    expect(entries.filter((e) => e.sender_id === aliceId.id)).toEqual([]);
    expect(await admin.xlen(MasKeys.auditBySender(aliceId.id))).toBe(filedBefore);
    expect(toAlice).toEqual([]);
    expect(aliceNonces).toBe(0);
    expect(entries.length).toBeGreaterThan(0); // audited (as unauthenticated ingress is: at a bounded rate per claimed sender)
    for (const entry of entries) expect(entry).toMatchObject({ decision: 'AUTH_FAILED', sender_id: '', claimed_sender: malloryId.id });
  });
});
