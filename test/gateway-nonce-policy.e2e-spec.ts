import { describe, expect, it } from 'vitest';
import { MasConnection, MasKeys } from '@mas/core';
import { AuditQuery } from '../apps/gateway/src/audit/audit-query';
import { decisionOf, decisionsOn, gatewayAgentFactory, gatewaySuite } from './gateway/spec-helpers';
import { envelopeArg, tappedConnection } from './gateway/harness';
import { runNode } from './support/node-process';
import { waitFor } from './support/e2e-helpers';

// Attacks of issue 12 on the nonce and the default role, performed against a real gateway.
const suite = gatewaySuite(11);
const { agents, connections } = suite;
const SPEC = 'gwnp';

/** A gateway-mode agent recording what it receives, optionally on a tapped connection. */
const factory = gatewayAgentFactory(SPEC, () => suite.redisUrl, agents);
const gatewayAgent = (label: string, connection?: MasConnection) => factory(label, { connection });

describe('nonce', () => {
  it('an envelope refused by the block list uses up its nonce: replayed after the block is lifted it is refused', async () => {
    let captured: Array<string | number> | undefined;
    const capturing = tappedConnection(suite.redisUrl, (args, forward) => ((captured = args), forward(args)));
    connections.push(capturing);
    const { agent: alice } = await gatewayAgent('alice', capturing);
    const { agent: bob, received } = await gatewayAgent('bob');
    await suite.redis.sadd(MasKeys.blockedTargets(alice.id), bob.id);
    expect(await decisionOf(alice.send(bob.id, 'pay', { amount: 10 }))).toBe('AUTHZ_DENIED');
    await suite.redis.del(MasKeys.blockedTargets(alice.id));
    await suite.redis.xadd(...(captured as [string, string, ...string[]]));
    const messageId = envelopeArg(captured!).message_id as string;
    const query = suite.gateway.app.get(AuditQuery);
    const entries = await waitFor(async () => {
      const found = (await query.query({ limit: 1_000 })).filter((e) => e.message_id === messageId);
      return found.length === 2 ? found : undefined;
    }, 5_000, 'the replay to be decided');
    // the copy is unauthenticated ingress: audited under no sender, alice only as the claimed one
    const [replay, first] = entries; // newest first
    expect(first).toMatchObject({ decision: 'AUTHZ_DENIED', sender_id: alice.id });
    expect(replay).toMatchObject({ decision: 'AUTH_FAILED', claimed_sender: alice.id, violations: ['auth:replay'] });
    expect(replay.sender_id ?? '').toBe('');
    expect(received).toHaveLength(0);
  });
});

describe('replay flood', () => {
  // The attacker copies one valid, signed entry off the ingress and appends it again and again. Its
  // signature is good, but a verbatim replay proves nothing about who wrote the entry: like any
  // unauthenticated ingress it is audited under nobody's name, at a bounded rate, and never answered.
  const REPLAYS = 2_000;

  it('a captured entry appended 2,000 times sends nothing to its sender, leaves the audit bounded and the gateway responsive', async () => {
    let captured: Array<string | number> | undefined;
    const capturing = tappedConnection(suite.redisUrl, (args, forward) => ((captured ??= args), forward(args)));
    connections.push(capturing);
    const { agent: alice } = await gatewayAgent('replayed', capturing);
    const { agent: bob, received } = await gatewayAgent('replay-target');
    const tap = await suite.probes.tap(suite.redisUrl, MasKeys.agentChannel(alice.id));
    expect(await decisionOf(alice.send(bob.id, 'once', { n: 1 }))).toBe('ALLOWED');
    const messageId = envelopeArg(captured!).message_id as string;
    const auditBefore = await suite.redis.xlen(MasKeys.audit);
    const pipeline = suite.redis.pipeline();
    for (let i = 0; i < REPLAYS; i += 1) pipeline.xadd(...(captured as [string, string, ...string[]]));
    await pipeline.exec();
    expect(await decisionOf(alice.send(bob.id, 'after', { n: 2 }))).toBe('ALLOWED');
    await waitFor(async () => (await suite.redis.xlen(MasKeys.gatewayIngress)) === 0, 20_000, 'every replay decided, acked and deleted');
    await waitFor(() => received.length === 2, 5_000, 'the two real messages');
    const answered = decisionsOn(tap.on(MasKeys.agentChannel(alice.id))).filter((d) => d.message_id === messageId);
    expect(answered).toHaveLength(1); // the decision about the original send, nothing about its replays
    const rate = suite.gateway.settings.audit.unauthenticatedPerMinute;
    expect((await suite.redis.xlen(MasKeys.audit)) - auditBefore).toBeLessThanOrEqual(rate * 2 + 1);
    const query = suite.gateway.app.get(AuditQuery);
    const underAlice = (await query.query({ sender: alice.id, limit: 1_000 })).filter((e) => e.message_id === messageId);
    expect(underAlice.map((e) => e.decision)).toEqual(['ALLOWED']);
    expect(received.map((m) => m.messageType)).toEqual(['once', 'after']);
  }, 60_000);
});

describe('policy', () => {
  it('removing the last permission of the configured default role leaves it with none, and mas roles says so', async () => {
    const { agent: alice } = await gatewayAgent('sender');
    const { agent: bob } = await gatewayAgent('friend');
    const { agent: carol } = await gatewayAgent('stranger');
    const env = { REDIS_URL: suite.redisUrl, MAS_CONFIG: undefined, MAS_REDIS__URL: undefined };
    const shownBefore = await runNode('dist/apps/cli/src/main.js', ['roles', 'show', 'agent', '--json'], { env });
    expect(JSON.parse(shownBefore.stdout)).toMatchObject({ name: 'agent', configured: false, applies: 'built-in default', permissions: ['send:*'] });
    const created = await runNode('dist/apps/cli/src/main.js', ['roles', 'create', 'agent', `send:${bob.id}`], { env });
    expect(created.code).toBe(0);
    expect(await decisionOf(alice.send(bob.id, 'x', {}))).toBe('ALLOWED');
    expect(await decisionOf(alice.send(carol.id, 'x', {}))).toBe('AUTHZ_DENIED');
    const removed = await runNode('dist/apps/cli/src/main.js', ['roles', 'remove-permission', 'agent', `send:${bob.id}`, '--json'], { env });
    expect(JSON.parse(removed.stdout)).toMatchObject({ name: 'agent', configured: true, applies: 'configured', permissions: [] });
    expect(await decisionOf(alice.send(bob.id, 'x', {}))).toBe('AUTHZ_DENIED');
    expect(await decisionOf(alice.send(carol.id, 'x', {}))).toBe('AUTHZ_DENIED');
    await suite.redis.del(MasKeys.role('agent'), MasKeys.rolePermissions('agent'));
  });
});
