import { describe, expect, it } from 'vitest';
import { MasConnection, MasKeys } from '@mas/core';
import { AuditQuery } from '../apps/gateway/src/audit/audit-query';
import { decisionOf, gatewayAgentFactory, gatewaySuite } from './gateway/spec-helpers';
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
      const found = (await query.query({ sender: alice.id })).filter((e) => e.message_id === messageId);
      return found.length === 2 ? found : undefined;
    }, 5_000, 'the replay to be decided');
    expect(entries.map((e) => e.decision).sort()).toEqual(['AUTHZ_DENIED', 'SIGNATURE_INVALID']);
    expect(entries.find((e) => e.decision === 'SIGNATURE_INVALID')?.violations).toEqual(['signature:replay']);
    expect(received).toHaveLength(0);
  });
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
