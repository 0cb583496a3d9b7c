import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMessage, INGRESS_FIELDS, MasConnection, MasKeys, signEnvelope, signingInput } from '@mas/core';
import { AuditQuery } from '../apps/gateway/src/audit/audit-query';
import { envelopeArg, tappedConnection, withEnvelope } from './gateway/harness';
import { decisionOf, gatewayAgentFactory, gatewaySuite } from './gateway/spec-helpers';
import { waitFor } from './support/e2e-helpers';

// Issue 12: sensitive data where the gateway's DLP did not look, in shapes it did not read, and
// payloads built to cost it time or stack.
const suite = gatewaySuite(7);
const { agents, connections } = suite;
const gatewayAgent = gatewayAgentFactory('gwdlp', () => suite.redisUrl, agents);
const CARD = '4111111111111111';
const grouped = (sep: string) => CARD.match(/.{4}/g)!.join(sep);

/** An agent whose envelopes are rewritten by `edit` and signed again with its own key (a client that writes what it likes). */
async function rewritingAgent(label: string, edit: (envelope: Record<string, any>) => void, decisionTimeoutMs?: number) {
  const connection = tappedConnection(suite.redisUrl, async (args, forward) => {
    const envelope = envelopeArg(args);
    edit(envelope);
    const secret = (await suite.redis.get(MasKeys.signingKey(envelope.sender_id)))!;
    const nonce = envelope.signature.nonce as string;
    const value = createHmac('sha256', Buffer.from(secret, 'hex')).update(signingInput(envelope as never, 'hmac-sha256', nonce)).digest('base64');
    return forward(withEnvelope(args, { ...envelope, signature: { alg: 'hmac-sha256', nonce, value } }));
  });
  connections.push(connection);
  return gatewayAgent(label, { connection, decisionTimeoutMs });
}

describe('DLP over the whole envelope', () => {
  it('finds a card number in message_type, message_id, meta.correlation_id, an extra field and an object key', async () => {
    const { agent: bob, received } = await gatewayAgent('bob');
    // A new message id: the decision goes to an id the sender does not wait for, so read it in the audit trail.
    const { agent: renamer } = await rewritingAgent('in-message-id', (e) => void (e.message_id = `msg-${CARD}`), 300);
    await renamer.send(bob.id, 'note', { ok: true }).catch(() => undefined);
    const [renamed] = await waitFor(async () => {
      const found = await suite.gateway.app.get(AuditQuery).query({ sender: renamer.id });
      return found.length ? found : undefined;
    }, 5_000, 'the renamed message');
    expect(renamed).toMatchObject({ decision: 'DLP_BLOCKED', violations: ['dlp:credit_card'] });
    const places: Array<[string, (envelope: Record<string, any>) => void]> = [
      ['message_type', (e) => void (e.message_type = `charge.${CARD}`)],
      ['meta.correlation_id', (e) => void (e.meta.correlation_id = grouped('-'))],
      ['extra field', (e) => void (e.customer_ref = `card ${grouped(' ')}`)],
      ['object key', (e) => void (e.data = { cards: { [grouped(' ')]: { holder: 'Ann' } } })],
    ];
    for (const [where, edit] of places) {
      const { agent } = await rewritingAgent(`in-${where.replace(/\W/g, '-')}`, edit);
      expect(await decisionOf(agent.send(bob.id, 'note', { ok: true })), where).toBe('DLP_BLOCKED');
    }
    const entries = await suite.gateway.app.get(AuditQuery).query({ target: bob.id, decision: 'DLP_BLOCKED' });
    expect(entries.flatMap((e) => e.findings).join(' ')).not.toContain(CARD.slice(0, 8)); // findings name places, never values
    expect(received).toEqual([]);
  });

  it('reads through encodings, separators, invisible characters, other digits and split arrays', async () => {
    const { agent: alice } = await gatewayAgent('alice');
    const { agent: bob, received } = await gatewayAgent('bob2');
    const disguises: Record<string, unknown> = {
      base64: Buffer.from(`card=${CARD}`).toString('base64'),
      base64url: Buffer.from(JSON.stringify({ pan: CARD })).toString('base64url'),
      hex: Buffer.from(`pan:${CARD}`).toString('hex'),
      percent: `https://shop.example/pay?cc=${encodeURIComponent(grouped(' '))}`,
      dots: grouped('.'),
      slashes: grouped('/'),
      underscores: grouped('_'),
      zeroWidth: [...CARD].join('\u200b'),
      nbsp: grouped('\u00a0'),
      enDash: grouped('\u2013'),
      fullWidth: [...CARD].map((d) => String.fromCodePoint(0xff10 + Number(d))).join(''),
      arabicIndic: [...CARD].map((d) => String.fromCodePoint(0x0660 + Number(d))).join(''),
      split: CARD.match(/.{4}/g),
    };
    for (const [name, value] of Object.entries(disguises)) {
      expect(await decisionOf(alice.send(bob.id, 'pay', { value })), name).toBe('DLP_BLOCKED');
    }
    expect(await decisionOf(alice.send(bob.id, 'pay', { value: 'order 4111-1111-1111-1112 (not a card)' }))).toBe('ALLOWED');
    await waitFor(() => received.length === 1, 5_000, 'the clean message');
  });
});

describe('DLP budget', () => {
  it('refuses a 200,000-integer array as too large to scan, quickly', async () => {
    const { agent: alice } = await gatewayAgent('bulk');
    const { agent: bob } = await gatewayAgent('bulk-target');
    const started = performance.now();
    const refused = await alice.send(bob.id, 'bulk', { values: new Array(200_000).fill(7) }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ decision: 'DLP_BLOCKED', reason: expect.stringMatching(/too large to scan/) });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('an unrelated message is decided within 1.5 s while five 580 KB arrays are checked', async () => {
    const { agent: heavy } = await gatewayAgent('heavy');
    const { agent: alice } = await gatewayAgent('light');
    const { agent: bob } = await gatewayAgent('light-target');
    // Signed beforehand (the sender's own cost is not the gateway's), then written at once.
    const [secret, token] = await Promise.all([suite.redis.get(MasKeys.signingKey(heavy.id)), suite.redis.get(MasKeys.agentToken(heavy.id))]);
    const big = new Array(290_000).fill(1); // "1," × 290,000: 580 KB
    const entries = Array.from({ length: 5 }, () => {
      const envelope = signEnvelope(createMessage({ senderId: heavy.id, targetId: bob.id, messageType: 'big', data: { big } }).toWire(), { alg: 'hmac-sha256', secret: secret! });
      return JSON.stringify(envelope);
    });
    const pipeline = suite.redis.pipeline();
    for (const envelope of entries) pipeline.xadd(MasKeys.gatewayIngress, '*', INGRESS_FIELDS.envelope, envelope, INGRESS_FIELDS.token, token!, INGRESS_FIELDS.notify, '0');
    await pipeline.exec();
    const started = performance.now();
    expect(await decisionOf(alice.send(bob.id, 'small', { hi: 1 }))).toBe('ALLOWED');
    console.log(`[dlp-budget] unrelated message decided in ${Math.round(performance.now() - started)} ms`);
    // 7.1 s before issue 12. The five are refused before any walk (their values are counted first:
    // about 0.5 ms of DLP each); what is left is the ingress parsing each envelope twice and the
    // signature check's canonical JSON of 2.9 MB: about 150-200 ms alone, 1.16 s seen in a full
    // suite run on 2 busy cores, hence 1.5 s here.
    expect(performance.now() - started).toBeLessThan(1_500);
    const audit = suite.gateway.app.get(AuditQuery);
    const refused = await waitFor(async () => {
      const found = await audit.query({ sender: heavy.id });
      return found.length === 5 ? found : undefined;
    }, 10_000, 'the five big messages');
    expect(refused.map((e) => e.decision)).toEqual(new Array(5).fill('DLP_BLOCKED'));
  });

  it('4,000-deep data is decided (no stack overflow)', async () => {
    const { agent: alice } = await gatewayAgent('deep');
    const { agent: bob, received } = await gatewayAgent('deep-target');
    let deep: Record<string, unknown> = { leaf: 'ok' };
    for (let i = 0; i < 4_000; i += 1) deep = { d: deep };
    expect(await decisionOf(alice.send(bob.id, 'deep', deep))).toBe('ALLOWED');
    await waitFor(() => received.length === 1, 5_000, 'the deep message');
  });
});
