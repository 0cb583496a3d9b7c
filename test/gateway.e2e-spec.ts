import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  Agent,
  AgentMessage,
  GatewayDecision,
  GatewayRejectedError,
  INGRESS_FIELDS,
  MasConnection,
  MasKeys,
  signingInput,
} from '@mas/core';
import { AuditQuery } from '../apps/gateway/src/audit/audit-query';
import { IngressConsumer } from '../apps/gateway/src/ingress/ingress.consumer';
import { envelopeArg, resetGatewayKeys, startGateway, tappedConnection, TestGateway, withEnvelope } from './gateway/harness';
import { decisionsOn } from './gateway/spec-helpers';
import { PrivateRedis, startPrivateRedis } from './support/private-redis';
import { AgentTracker, Probes, QuietLogger, uniqueId, waitFor } from './support/e2e-helpers';

// The gateway owns fixed key names (audit:messages, dlq:messages, the ingress stream) and its
// agents open connections: it gets a redis-server of its own so no other spec sees either.
let privateRedis: PrivateRedis;
let redisUrl: string;
const SPEC = 'gw';
const LIMITED = uniqueId(SPEC, 'limited');

const agents = new AgentTracker();
const probes = new Probes();
const connections: MasConnection[] = [];
let gateways: TestGateway[] = [];
let redis: ReturnType<Probes['client']>;

/** A started gateway-mode agent that records what it receives (and answers `echo` requests). */
async function gatewayAgent(label: string, options: { signing?: 'ed25519'; connection?: MasConnection; decisionTimeoutMs?: number } = {}) {
  const received: AgentMessage[] = [];
  const agent = new Agent(uniqueId(SPEC, label), {
    redisUrl,
    gateway: { signing: options.signing, decisionTimeoutMs: options.decisionTimeoutMs ?? 5_000 },
    connection: options.connection,
    logger: new QuietLogger(),
    onMessage: async (message) => {
      received.push(message);
      if (message.messageType === 'echo') await message.reply('echo.reply', { echoed: message.data });
    },
  });
  await agents.start(agent);
  return { agent, received };
}

/** The decision `promise` was rejected with. */
async function rejection(promise: Promise<unknown>): Promise<GatewayRejectedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayRejectedError);
  return error as GatewayRejectedError;
}

async function expectDecision(promise: Promise<unknown>, decision: GatewayDecision, reason?: RegExp): Promise<void> {
  const error = await rejection(promise);
  expect(error.decision).toBe(decision);
  if (reason) expect(error.reason).toMatch(reason);
}

function audit(): AuditQuery {
  return gateways[0].app.get(AuditQuery);
}

beforeAll(async () => {
  privateRedis = await startPrivateRedis(9);
  redisUrl = privateRedis.url;
  redis = probes.client(redisUrl);
  await resetGatewayKeys(redis);
  const overrides = { rateLimit: { overrides: [{ agentId: LIMITED, perMinute: 3 }] } };
  gateways = await Promise.all([1, 2, 3].map(() => startGateway(redisUrl, overrides)));
});

afterEach(async () => {
  await agents.stopAll();
  await Promise.all(connections.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await Promise.all(gateways.map((g) => g.app.close()));
  await probes.closeAll();
  await privateRedis?.stop();
});

describe('gateway: delivery', () => {
  it('delivers between two gateway-mode agents with no extra code; send resolves once ALLOWED', async () => {
    const { agent: alice } = await gatewayAgent('alice');
    const { agent: bob, received } = await gatewayAgent('bob');
    await expect(alice.send(bob.id, 'greeting', { hello: 'bob', nested: { list: [1, 2] } })).resolves.toBe(1);
    await waitFor(() => received.length === 1, 5_000, 'bob to receive the greeting');
    const [message] = received;
    expect(message).toMatchObject({ senderId: alice.id, targetId: bob.id, messageType: 'greeting', data: { hello: 'bob', nested: { list: [1, 2] } } });
    expect(message.extra?.signature).toBeUndefined(); // the gateway strips the signature block
    const [entry] = await audit().query({ sender: alice.id });
    expect(entry).toMatchObject({ decision: 'ALLOWED', target_id: bob.id, message_id: message.messageId });
  });

  it('delivers data holding a Date, a toJSON object and a function as JSON writes them (the signature covers what the gateway parses)', async () => {
    const { agent: alice } = await gatewayAgent('dates-a');
    const { agent: bob, received } = await gatewayAgent('dates-b');
    const at = new Date(Date.UTC(2026, 11, 3, 12, 0, 0));
    const amount = { toJSON: () => '19.99 EUR' };
    await expect(alice.send(bob.id, 'dated', { at, amount, format: () => 'x', list: [at] })).resolves.toBe(1);
    await waitFor(() => received.length === 1, 5_000, 'bob to receive the dated message');
    expect(received[0].data).toEqual({ at: '2026-12-03T12:00:00.000Z', amount: '19.99 EUR', list: ['2026-12-03T12:00:00.000Z'] });
  });

  it('carries a request and its reply through the gateway both ways', async () => {
    const { agent: alice } = await gatewayAgent('req');
    const { agent: bob } = await gatewayAgent('rep');
    const reply = await alice.request(bob.id, 'echo', { n: 42 }, { timeout: 5_000, priority: 'HIGH' });
    expect(reply.data).toEqual({ echoed: { n: 42 } });
    const entries = await audit().query({ target: bob.id });
    expect(entries.map((e) => [e.decision, e.priority])).toEqual([['ALLOWED', 'HIGH']]);
  });

  it('indexes by sender and target with pointers into audit:messages; older full copies and entries cut since are handled', async () => {
    const { agent: alice } = await gatewayAgent('idx-a');
    const { agent: bob } = await gatewayAgent('idx-b');
    for (let i = 0; i < 3; i += 1) await alice.send(bob.id, 'n', { i });
    const index = (await redis.xrange(MasKeys.auditBySender(alice.id), '-', '+')) as Array<[string, string[]]>;
    expect(index.map(([, fields]) => fields[0])).toEqual(['audit_id', 'audit_id', 'audit_id']);
    expect(index.every(([, fields]) => fields.length === 2)).toBe(true);
    const main = (await audit().query({ order: 'oldest', limit: 10_000 })).filter((e) => e.sender_id === alice.id);
    expect(index.map(([, fields]) => fields[1])).toEqual(main.map((e) => e.id));
    const bySender = await audit().query({ sender: alice.id, order: 'oldest' });
    expect(bySender).toEqual(main); // every field read from the entry itself
    expect(await audit().query({ target: bob.id, order: 'oldest' })).toEqual(main);

    // An index entry of an earlier version (a copy of every field) is read as it is; one whose
    // entry was cut from audit:messages is left out.
    const legacy = main[0];
    const copy = Object.entries(legacy).flatMap(([k, v]) => (k === 'id' ? [] : [k, Array.isArray(v) ? JSON.stringify(v) : String(v ?? '')]));
    await redis.xadd(MasKeys.auditBySender(alice.id), '*', ...copy, 'audit_id', legacy.id);
    await redis.xadd(MasKeys.auditBySender(alice.id), '*', 'audit_id', '1-1'); // long gone
    const after = await audit().query({ sender: alice.id, order: 'oldest' });
    expect(after.map((e) => e.id)).toEqual([...main.map((e) => e.id), legacy.id]);
    expect(after[3]).toMatchObject({ decision: legacy.decision, hash: legacy.hash, sender_id: alice.id });
  });

  it('three instances share the ingress', async () => {
    const { agent: alice } = await gatewayAgent('load-a');
    const { agent: bob, received } = await gatewayAgent('load-b');
    const before = gateways.map((g) => g.app.get(IngressConsumer).processed);
    for (let i = 0; i < 24; i += 1) await alice.send(bob.id, 'n', { i });
    await waitFor(() => received.length === 24, 5_000, 'all 24 messages');
    // An instance counts an entry once it is done with it, which can be just after the target got it.
    const shares = () => gateways.map((g, i) => g.app.get(IngressConsumer).processed - before[i]);
    await waitFor(() => shares().reduce((a, b) => a + b) >= 24, 2_000, () => `24 entries counted (got ${shares().join('+')})`);
    expect(shares().reduce((a, b) => a + b)).toBe(24);
    expect(shares().every((share) => share > 0)).toBe(true);
    expect(new Set((await audit().query({ sender: alice.id })).map((e) => e.instance)).size).toBe(3);
  });

  it('an entry taken by an instance that died is claimed by a live one (XAUTOCLAIM)', async () => {
    // The sender's XADD lands in the stream already read by a consumer that never acks: a crashed gateway.
    const dead = tappedConnection(redisUrl, async (args) => {
      const [[, [id]]] = (await redis
        .multi()
        .xadd(...(args as [string, string, ...string[]]))
        .xreadgroup('GROUP', MasKeys.gatewayGroup, 'crashed-gateway', 'COUNT', 1, 'STREAMS', MasKeys.gatewayIngress, '>')
        .exec()) as [[null, string], unknown];
      return id;
    });
    connections.push(dead);
    const { agent: alice } = await gatewayAgent('orphan-a', { connection: dead });
    const { agent: bob, received } = await gatewayAgent('orphan-b');
    const started = Date.now();
    await expect(alice.send(bob.id, 'late', {})).resolves.toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400); // claimIdleMs: 500
    await waitFor(() => received.length === 1, 5_000, 'the reclaimed message');
  });
});

describe('gateway: every decision reaches the sender', () => {
  it('AUTH_FAILED for a revoked token: audited as unauthenticated, and no message goes to the claimed sender', async () => {
    const { agent: alice } = await gatewayAgent('revoked', { decisionTimeoutMs: 1_000 });
    const { agent: bob, received } = await gatewayAgent('revoked-b');
    await redis.sadd(MasKeys.revokedTokens(alice.id), alice.registrationToken!);
    const tap = await probes.tap(redisUrl, MasKeys.agentChannel(alice.id));
    const sent = alice.send(bob.id, 'x', {}).catch((e: unknown) => e);
    const [entry] = await waitFor(async () => {
      const found = (await audit().query({ decision: 'AUTH_FAILED' })).filter((e) => e.claimed_sender === alice.id);
      return found.length ? found : undefined;
    }, 5_000, 'the unauthenticated entry');
    expect(entry).toMatchObject({ sender_id: '', claimed_sender: alice.id, decision: 'AUTH_FAILED', violations: ['auth:revoked_token'] });
    expect(await audit().query({ sender: alice.id })).toEqual([]); // not filed under the name it claimed
    await sent; // the sender learns nothing from the gateway (its send times out)
    expect(tap.on(MasKeys.agentChannel(alice.id))).toEqual([]);
    expect(received).toHaveLength(0);
  });

  it('AUTHZ_DENIED by a block list, which wins over the allow list', async () => {
    const { agent: alice } = await gatewayAgent('blocker');
    const { agent: bob } = await gatewayAgent('blocked');
    await redis.sadd(MasKeys.allowedTargets(alice.id), bob.id);
    await redis.sadd(MasKeys.blockedTargets(alice.id), `${SPEC}-blocked-*`);
    await expectDecision(alice.send(bob.id, 'x', {}), 'AUTHZ_DENIED', /block list/);
  });

  it('AUTHZ_DENIED for an unknown or inactive target, whatever the role says', async () => {
    const { agent: alice } = await gatewayAgent('lonely');
    await expectDecision(alice.send(uniqueId(SPEC, 'nobody'), 'x', {}), 'AUTHZ_DENIED', /not registered/);
    const { agent: sleeper } = await gatewayAgent('sleeper');
    await redis.hset(MasKeys.agent(sleeper.id), 'status', 'INACTIVE');
    await expectDecision(alice.send(sleeper.id, 'x', {}), 'AUTHZ_DENIED', /INACTIVE/);
  });

  it('RBAC: a role grants send:<pattern> (anchored, case-sensitive); other targets are denied', async () => {
    const { agent: alice } = await gatewayAgent('ops-client');
    const { agent: ops } = await gatewayAgent('ops');
    const { agent: other } = await gatewayAgent('other');
    const role = uniqueId(SPEC, 'role');
    await redis.sadd(MasKeys.agentRoles(alice.id), role);
    await redis.sadd(MasKeys.rolePermissions(role), `send:${SPEC}-ops-*`, `SEND:${other.id}`);
    await expect(alice.send(ops.id, 'x', {})).resolves.toBe(1);
    await expectDecision(alice.send(other.id, 'x', {}), 'AUTHZ_DENIED', /no allow-list entry or role permission/);
  });

  it('RATE_LIMITED past the per-minute limit (a per-agent override of 3)', async () => {
    const { agent: limited } = await gatewayAgentWithId(LIMITED);
    const { agent: bob } = await gatewayAgent('limit-target');
    for (let i = 0; i < 3; i += 1) await limited.send(bob.id, 'x', { i });
    await expectDecision(limited.send(bob.id, 'x', {}), 'RATE_LIMITED', /3\/minute/);
  });

  it('DLP_BLOCKED for a card number; an SSN reaches the target redacted to XXX-XX-1234', async () => {
    const { agent: alice } = await gatewayAgent('dlp-a');
    const { agent: bob, received } = await gatewayAgent('dlp-b');
    await expectDecision(alice.send(bob.id, 'pay', { note: 'card 4111 1111 1111 1111 exp 12/29' }), 'DLP_BLOCKED', /credit_card/);
    await alice.send(bob.id, 'hr', { employee: { name: 'Ann', ids: ['SSN 123-45-1234'] }, memo: 'ok' });
    await waitFor(() => received.length === 1, 5_000, 'the redacted message');
    expect(received[0].data).toEqual({ employee: { name: 'Ann', ids: ['SSN XXX-XX-1234'] }, memo: 'ok' });
    const [denied, allowed] = await audit().query({ sender: alice.id, order: 'oldest' });
    expect(denied).toMatchObject({ decision: 'DLP_BLOCKED', violations: ['dlp:credit_card'] });
    expect(allowed).toMatchObject({ decision: 'ALLOWED', findings: ['ssn:REDACT@data.employee.ids[0]'] });
  });

  it('SIGNATURE_INVALID for an envelope tampered with on the way', async () => {
    const tampering = tappedConnection(redisUrl, (args, forward) => {
      const envelope = envelopeArg(args);
      envelope.data.amount = 1_000_000;
      return forward(withEnvelope(args, envelope));
    });
    connections.push(tampering);
    const { agent: alice } = await gatewayAgent('tampered', { connection: tampering });
    const { agent: bob, received } = await gatewayAgent('tampered-b');
    await expectDecision(alice.send(bob.id, 'pay', { amount: 10 }), 'SIGNATURE_INVALID', /does not match/);
    expect(received).toHaveLength(0);
  });

  it('SIGNATURE_INVALID for a reused nonce, even under a new message id and a valid signature', async () => {
    let firstNonce: string | undefined;
    const reusing = tappedConnection(redisUrl, async (args, forward) => {
      const envelope = envelopeArg(args);
      if (!firstNonce) {
        firstNonce = envelope.signature.nonce;
        return forward(args);
      }
      // A client that signs a new message with an old nonce: valid HMAC, nonce already used.
      const secret = (await redis.get(MasKeys.signingKey(envelope.sender_id)))!;
      const value = createHmac('sha256', Buffer.from(secret, 'hex')).update(signingInput(envelope as never, 'hmac-sha256', firstNonce)).digest('base64');
      return forward(withEnvelope(args, { ...envelope, signature: { alg: 'hmac-sha256', nonce: firstNonce, value } }));
    });
    connections.push(reusing);
    const { agent: alice } = await gatewayAgent('nonce', { connection: reusing });
    const { agent: bob } = await gatewayAgent('nonce-b');
    await alice.send(bob.id, 'first', {});
    await expectDecision(alice.send(bob.id, 'second', {}), 'SIGNATURE_INVALID', /nonce already used/);
  });

  it('a captured entry replayed verbatim is refused and not delivered twice', async () => {
    let captured: Array<string | number> | undefined;
    const capturing = tappedConnection(redisUrl, (args, forward) => ((captured = args), forward(args)));
    connections.push(capturing);
    const { agent: alice } = await gatewayAgent('replayed', { connection: capturing });
    const { agent: bob, received } = await gatewayAgent('replayed-b');
    await alice.send(bob.id, 'once', {});
    await redis.xadd(...(captured as [string, string, ...string[]]));
    const messageId = envelopeArg(captured!).message_id as string;
    const copy = await waitFor(async () => (await audit().query({ decision: 'AUTH_FAILED', limit: 1_000 })).find((e) => e.message_id === messageId), 5_000, 'the replay to be audited');
    // a copy of a decided entry proves nothing about who appended it: unauthenticated, not filed under alice
    expect(copy).toMatchObject({ claimed_sender: alice.id, violations: ['auth:replay'] });
    const decisions = (await audit().query({ sender: alice.id, order: 'oldest' })).map((e) => [e.message_id, e.decision]);
    expect(decisions).toEqual([[messageId, 'ALLOWED']]);
    expect(received).toHaveLength(1);
  });
});

describe('gateway: Ed25519 signing', () => {
  it('delivers for an Ed25519 agent; an HMAC-forged message in its name fails', async () => {
    const { agent: signer } = await gatewayAgent('ed', { signing: 'ed25519' });
    const { agent: bob, received } = await gatewayAgent('ed-b');
    await expect(signer.send(bob.id, 'signed', { ok: true })).resolves.toBe(1);
    expect(await redis.get(MasKeys.signingKey(signer.id))).toBeNull(); // the gateway holds only the public key
    // Whoever can read and write Redis: the token, and an HMAC key planted under the agent's name.
    const tap = await probes.tap(redisUrl, MasKeys.agentChannel(signer.id));
    const token = (await redis.get(MasKeys.agentToken(signer.id)))!;
    const secret = 'ab'.repeat(32);
    await redis.set(MasKeys.signingKey(signer.id), secret);
    const forged: Record<string, any> = {
      sender_id: signer.id, target_id: bob.id, message_type: 'forged', data: { pay: 'me' },
      meta: { version: 1, correlation_id: null, expects_reply: false, is_reply: false },
      timestamp: Date.now() / 1000, message_id: 'forged-1',
    };
    const value = createHmac('sha256', Buffer.from(secret, 'hex')).update(signingInput(forged as never, 'hmac-sha256', 'n1')).digest('base64');
    forged.signature = { alg: 'hmac-sha256', nonce: 'n1', value };
    await redis.xadd(MasKeys.gatewayIngress, '*', INGRESS_FIELDS.envelope, JSON.stringify(forged), INGRESS_FIELDS.token, token, INGRESS_FIELDS.notify, '1');
    const decision = await waitFor(() => decisionsOn(tap.on(MasKeys.agentChannel(signer.id))).find((d) => d.message_id === 'forged-1'), 5_000, 'the decision');
    expect(decision).toMatchObject({ decision: 'SIGNATURE_INVALID' });
    expect(received.map((m) => m.messageType)).toEqual(['signed']);
  });
});

async function gatewayAgentWithId(id: string) {
  const agent = new Agent(id, { redisUrl, gateway: { decisionTimeoutMs: 5_000 }, logger: new QuietLogger() });
  await agents.start(agent);
  return { agent };
}
