import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import { createMessage, DEREGISTER_REQUEST_TYPE, decodeCredentials, encodeEntrySignature, GATEWAY_SENDER_ID, INGRESS_FIELDS, MasKeys, ProvisionedAgent, signEnvelopeText, signEnvelopeTexts } from '@mas/core';
import { waitFor } from './support/e2e-helpers';
import { ZeroTrustAgent, ZeroTrustWorld } from './support/zero-trust';

// Red-team pass of 2026-12-03 on the day's changes: batched entry signatures and the refusal of
// entries of an agent's own ingress stream naming another sender (`auth:foreign_stream`). Mallory
// holds her own Redis user and private key, and appends whatever her ACL allows to her own stream.
// Each case asserts what alice, bob and the operator observe; all hold on the code of 6bc22f1. The
// one that does not (a registration request signed as mallory naming alice, decided and filed as
// alice's) is test/redteam-open/redteam-today.open-spec.ts.

type Fields = Record<string, string>;
const record = (fields: string[]): Fields => Object.fromEntries(fields.flatMap((value, i) => (i % 2 ? [] : [[value, fields[i + 1]]])));

describe("mallory's own ingress stream, entries that try to pass as alice's", () => {
  let world: ZeroTrustWorld;
  let malloryId: ProvisionedAgent;
  let aliceId: ProvisionedAgent;
  let bobId: ProvisionedAgent;
  let attacker: Redis;
  let bob: ZeroTrustAgent;
  let alice: ZeroTrustAgent;
  let malloryKey: ReturnType<typeof decodeCredentials>['privateKey'];

  /** Appends `fields` to mallory's stream and waits until the gateway acked them. */
  const append = async (...entries: string[][]) => {
    for (const fields of entries) await attacker.xadd(MasKeys.agentIngress(malloryId.id), '*', ...fields, INGRESS_FIELDS.token, '', INGRESS_FIELDS.notify, '1');
    await waitFor(async () => (await world.admin.command.xlen(MasKeys.agentIngress(malloryId.id))) === 0, 10_000, "mallory's entries decided");
  };
  const audited = async (from: number) => (await world.admin.command.xrange(MasKeys.audit, '-', '+')).slice(from).map(([, fields]) => record(fields));

  beforeAll(async () => {
    world = await ZeroTrustWorld.start(15);
    malloryId = await world.provision('mallory');
    aliceId = await world.provision('alice');
    bobId = await world.provision('bob');
    attacker = world.client(malloryId.redisUrl);
    malloryKey = decodeCredentials(malloryId.credentials, malloryId.id).privateKey;
    alice = await world.start(aliceId);
    bob = await world.start(bobId);
    await world.start(malloryId); // registered and ACTIVE: her key authenticates her own entries
  }, 30_000);
  afterAll(async () => {
    await world?.close();
  });

  it("a batch mallory signed as herself around envelopes naming alice: nothing reaches bob, each is refused", async () => {
    const auditBefore = await world.admin.command.xlen(MasKeys.audit);
    const texts = [0, 1, 2].map((i) => JSON.stringify(createMessage({ senderId: aliceId.id, targetId: bobId.id, messageType: `rt.batch.${i}`, data: { i } }).toWire()));
    // Her signature field names her (so the stream's owner check passes); the envelopes name alice.
    const signatures = signEnvelopeTexts(texts.map((text) => ({ text, sender: malloryId.id, target: bobId.id })), malloryKey);
    expect(signatures.every((s) => s.path?.length)).toBe(true);
    await append(...texts.map((text, i) => [INGRESS_FIELDS.envelope, text, INGRESS_FIELDS.signature, encodeEntrySignature(signatures[i])]));
    await waitFor(async () => (await audited(auditBefore)).filter((e) => e.message_type?.startsWith('rt.batch.')).length === 3, 5_000, 'three decisions');

    expect(bob.received.filter((m) => m.messageType.startsWith('rt.batch.'))).toEqual([]);
    const decisions = (await audited(auditBefore)).filter((e) => e.message_type?.startsWith('rt.batch.'));
    for (const entry of decisions) {
      expect(entry.decision).toBe('AUTH_FAILED');
      expect(entry.sender_id ?? '').toBe('');
      expect(JSON.parse(entry.violations)).toEqual(['auth:malformed']);
    }
  });

  it("a deregistration of alice from mallory's stream (her signature, or one naming alice, or none) leaves alice registered and reachable", async () => {
    expect(await world.admin.command.hget(MasKeys.agent(aliceId.id), 'status')).toBe('ACTIVE');
    const auditBefore = await world.admin.command.xlen(MasKeys.audit);
    const envelope = () => JSON.stringify(createMessage({ senderId: aliceId.id, targetId: GATEWAY_SENDER_ID, messageType: DEREGISTER_REQUEST_TYPE, data: {} }).toWire());
    const [asHerself, namingAlice, unsigned] = [envelope(), envelope(), envelope()];
    await append(
      [INGRESS_FIELDS.envelope, asHerself, INGRESS_FIELDS.signature, encodeEntrySignature(signEnvelopeText(asHerself, { sender: malloryId.id, target: GATEWAY_SENDER_ID }, malloryKey))],
      [INGRESS_FIELDS.envelope, namingAlice, INGRESS_FIELDS.signature, encodeEntrySignature(signEnvelopeText(namingAlice, { sender: aliceId.id, target: GATEWAY_SENDER_ID }, malloryKey))],
      [INGRESS_FIELDS.envelope, unsigned],
    );
    await waitFor(async () => (await audited(auditBefore)).filter((e) => e.message_type === DEREGISTER_REQUEST_TYPE).length === 3, 5_000, 'three decisions');

    const decisions = (await audited(auditBefore)).filter((e) => e.message_type === DEREGISTER_REQUEST_TYPE);
    expect(decisions.map((e) => e.decision).filter((d) => d === 'ALLOWED')).toEqual([]);
    expect(await world.admin.command.hget(MasKeys.agent(aliceId.id), 'status')).toBe('ACTIVE');
    await alice.agent.send(bobId.id, 'rt.after', {});
    await waitFor(() => bob.received.some((m) => m.messageType === 'rt.after'), 5_000, "alice's message after the attempts");
  });

  it('a dead letter mallory files naming alice as sender and the gateway as source is filed under mallory, unsigned', async () => {
    const before = await world.admin.command.xlen(MasKeys.deadLetters);
    const envelope = JSON.stringify(createMessage({ senderId: aliceId.id, targetId: bobId.id, messageType: 'rt.letter', data: { amount: 1 } }).toWire());
    await append([
      INGRESS_FIELDS.deadLetter, '1',
      'envelope', envelope, 'agent_id', bobId.id, 'sender_id', aliceId.id, 'source', 'mas.gateway', 'gateway_signature', 'A'.repeat(88), 'reason', 'x', 'attempts', '1',
    ]);
    await waitFor(async () => (await world.admin.command.xlen(MasKeys.deadLetters)) > before, 5_000, 'the letter filed');
    const [letter] = (await world.admin.command.xrange(MasKeys.deadLetters, '-', '+')).slice(before).map(([, fields]) => record(fields));
    expect(letter.agent_id).toBe(malloryId.id);
    expect(letter.source).toBe(MasKeys.inbox(malloryId.id));
    expect(letter.gateway_signature).toBeUndefined();
    expect(letter.sender_id ?? '').not.toBe(aliceId.id);
  });
});
