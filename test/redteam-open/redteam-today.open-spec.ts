import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import { createMessage, DEREGISTER_REQUEST_TYPE, decodeCredentials, encodeEntrySignature, GATEWAY_SENDER_ID, INGRESS_FIELDS, MasKeys, ProvisionedAgent, REGISTER_REQUEST_TYPE, signEnvelopeText } from '@mas/core';
import { ChannelTap, waitFor } from '../support/e2e-helpers';
import { decisionsOn } from '../gateway/spec-helpers';
import { ZeroTrustWorld } from '../support/zero-trust';

// Red-team pass of 2026-12-03 (FAILS on 6bc22f1). A registration request in mallory's own ingress
// stream whose entry `signature` field names mallory (signed with her own key, so the stream-owner
// check `auth:foreign_stream` passes) but whose envelope names alice as `sender_id`. Registration
// requests skip the batch authentication (which refuses such a mismatch as unauthenticated
// `auth:malformed`); the registration handler verifies mallory's signature, decodes the envelope, and
// only then refuses the mismatch as SIGNATURE_INVALID `signature:mismatch`. That decision is recorded
// from the decoded envelope: audited with `sender_id` alice (filed under her in the per-sender audit),
// told to alice on her channel (a `mas.gateway.decision` for a message id mallory chose), and the
// nonce mallory chose claimed under alice's nonce keys; none of it bounded by the rate at which
// unauthenticated entries are audited. Safe outcome: unauthenticated, audited under no sender,
// nothing sent to alice, nothing filed under her.

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
    console.log(`decisions audited: ${entries.length} ${JSON.stringify(entries.slice(0, 2).map((e) => [e.decision, e.sender_id, e.violations]))}; filed under alice: ${(await admin.xlen(MasKeys.auditBySender(aliceId.id))) - filedBefore}; decision notices on alice's channel: ${toAlice.length}; nonce keys under alice: ${aliceNonces}`);

    expect(entries.filter((e) => e.sender_id === aliceId.id)).toEqual([]);
    expect(await admin.xlen(MasKeys.auditBySender(aliceId.id))).toBe(filedBefore);
    expect(toAlice).toEqual([]);
    expect(aliceNonces).toBe(0);
    for (const entry of entries) expect(entry.decision).toBe('AUTH_FAILED');
  });
});
