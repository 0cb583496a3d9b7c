import { describe, expect, it } from 'vitest';
import { createMessage, GatewayClient, MasConnection, MasKeys, verifyGatewaySignature } from '@mas/core';
import { AuditQuery } from '../apps/gateway/src/audit/audit-query';
import { envelopeArg, tappedConnection } from './gateway/harness';
import { gatewayAgentFactory, gatewaySuite, inboxEnvelopes } from './gateway/spec-helpers';
import { hasRedisServer } from './support/private-redis';
import { waitFor } from './support/e2e-helpers';

// Issue 12: the gateway's identity, and replies only from whom was asked.
const suite = gatewaySuite(8);
const { agents, probes, connections } = suite;
const gatewayAgent = gatewayAgentFactory('gwid', () => suite.redisUrl, agents);

/** The gateway public keys published in Redis (key id → PEM). */
const publishedKeys = () => suite.redis.hgetall(MasKeys.gatewayPublicKeys);

/** Submits `reply` through the ingress as `sender` would (its own signing key and token: a legitimate agent lying). */
async function submitAs(sender: string, reply: ReturnType<typeof createMessage>): Promise<void> {
  const token = (await suite.redis.hget(MasKeys.agent(sender), 'token'))!;
  await new GatewayClient(sender, suite.redis, MasKeys).submit(reply, token, true);
}

describe('gateway identity', () => {
  // Issue 11: every gateway spec runs the gateway as its least-privilege service user (the harness
  // provisions it); on the shared fallback Redis it keeps the default user.
  it.runIf(hasRedisServer)('connects to Redis as its service user, not the default one', async () => {
    const clients = String(await suite.redis.call('CLIENT', 'LIST')).split('\n').filter((line) => / name=mas-gateway-/.test(line));
    expect(clients.length).toBeGreaterThan(0);
    expect(clients.every((line) => line.includes(` user=${MasKeys.aclServiceUser('gateway')} `))).toBe(true);
  });

  it('signs its decisions and its deliveries with a key it publishes (Ed25519)', async () => {
    const { agent: alice } = await gatewayAgent('alice');
    const target = `gwid-target-${Date.now()}`;
    await suite.redis.hset(MasKeys.agent(target), 'id', target, 'status', 'ACTIVE', 'token', 't', 'capabilities', '[]', 'metadata', '{}', 'registered_at', '0');
    const tap = await probes.tap(suite.redisUrl, MasKeys.agentChannel(alice.id));
    await alice.send(target, 'hello', { n: 1 });
    const keys = Object.values(await publishedKeys());
    expect(keys).toHaveLength(1);
    const decision = await waitFor(() => tap.on(MasKeys.agentChannel(alice.id))[0], 5_000, 'the decision');
    expect(verifyGatewaySignature(decision.json, keys[0])).toBe(true);
    expect(verifyGatewaySignature({ ...decision.json, data: { ...decision.json.data, decision: 'AUTHZ_DENIED' } }, keys[0])).toBe(false);
    const [delivered] = await waitFor(async () => {
      const inbox = await inboxEnvelopes(suite.redis, target);
      return inbox.length ? inbox : undefined;
    }, 5_000, 'the delivery');
    expect(delivered.signature).toBeUndefined();
    expect(verifyGatewaySignature(delivered, keys[0])).toBe(true);
  });
});

describe('replies through the gateway', () => {
  it('a reply from an agent that was not asked, carrying the pending correlation id, is refused; the real one settles the request', async () => {
    let correlationId: string | undefined;
    const capturing = tappedConnection(suite.redisUrl, (args, forward) => {
      correlationId ??= envelopeArg(args).meta.correlation_id as string;
      return forward(args);
    });
    connections.push(capturing);
    const { agent: alice, received } = await gatewayAgent('requester', { connection: capturing });
    const { agent: bob } = await gatewayAgent('replier', { delayMs: 600, reply: () => ({ from: 'bob' }) });
    const { agent: mallory } = await gatewayAgent('mallory');
    const pending = alice.request(bob.id, 'quote', {}, { timeout: 5_000 });
    await waitFor(() => correlationId, 5_000, 'the request on the wire');
    const forged = createMessage({ senderId: mallory.id, targetId: alice.id, messageType: 'reply', data: { from: 'mallory' }, correlationId, isReply: true });
    await submitAs(mallory.id, forged); // lands while bob still works on the request
    const [entry] = await waitFor(async () => {
      const found = await suite.gateway.app.get(AuditQuery).query({ sender: mallory.id });
      return found.length ? found : undefined;
    }, 5_000, 'the forged reply to be decided');
    expect(entry).toMatchObject({ decision: 'AUTHZ_DENIED', violations: ['authz:unsolicited_reply'] });
    const reply = await pending;
    expect(reply.data).toEqual({ from: 'bob' });
    expect(received.filter((m) => m.senderId === mallory.id)).toEqual([]);
  });

  it('a reply to a request nobody routed is refused, and a second reply to a settled request too', async () => {
    const { agent: alice } = await gatewayAgent('asker');
    const { agent: bob } = await gatewayAgent('answerer', { reply: () => ({ ok: true }) });
    const unsolicited = createMessage({ senderId: bob.id, targetId: alice.id, messageType: 'reply', data: {}, correlationId: 'never-asked', isReply: true });
    await submitAs(bob.id, unsolicited);
    const reply = await alice.request(bob.id, 'q', {}, { timeout: 5_000 });
    const again = createMessage({ senderId: bob.id, targetId: alice.id, messageType: 'reply', data: { again: true }, correlationId: reply.meta.correlationId, isReply: true });
    await submitAs(bob.id, again);
    const query = suite.gateway.app.get(AuditQuery);
    const entries = await waitFor(async () => {
      const found = await query.query({ sender: bob.id, order: 'oldest' });
      return found.length === 3 ? found : undefined;
    }, 5_000, 'three replies decided');
    expect(entries.map((e) => [e.message_id, e.decision])).toEqual([
      [unsolicited.messageId, 'AUTHZ_DENIED'],
      [reply.messageId, 'ALLOWED'],
      [again.messageId, 'AUTHZ_DENIED'],
    ]);
  });
});
