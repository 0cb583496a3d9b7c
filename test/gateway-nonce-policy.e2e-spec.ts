import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentMessage, GatewayRejectedError, MasConnection, MasKeys } from '@mas/core';
import { AuditQuery } from '../apps/gateway/src/audit/audit-query';
import { envelopeArg, resetGatewayKeys, startGateway, tappedConnection, TestGateway } from './gateway/harness';
import { runNode } from './support/node-process';
import { PrivateRedis, startPrivateRedis } from './support/private-redis';
import { AgentTracker, Probes, QuietLogger, uniqueId, waitFor } from './support/e2e-helpers';

// Attacks of issue 12 on the nonce and the default role, performed against a real gateway.
let privateRedis: PrivateRedis;
let redisUrl: string;
let gateway: TestGateway;
const agents = new AgentTracker();
const probes = new Probes();
const connections: MasConnection[] = [];
let redis: ReturnType<Probes['client']>;
const SPEC = 'gwnp';

async function gatewayAgent(label: string, connection?: MasConnection) {
  const received: AgentMessage[] = [];
  const agent = new Agent(uniqueId(SPEC, label), {
    redisUrl,
    gateway: { decisionTimeoutMs: 5_000 },
    connection,
    logger: new QuietLogger(),
    onMessage: (message) => void received.push(message),
  });
  await agents.start(agent);
  return { agent, received };
}

async function decisionOf(promise: Promise<unknown>): Promise<string> {
  const outcome = await promise.then(() => 'ALLOWED', (e: unknown) => (e instanceof GatewayRejectedError ? e.decision : `error: ${String(e)}`));
  return outcome;
}

beforeAll(async () => {
  privateRedis = await startPrivateRedis(11);
  redisUrl = privateRedis.url;
  redis = probes.client(redisUrl);
  await resetGatewayKeys(redis);
  gateway = await startGateway(redisUrl);
});

afterEach(async () => {
  await agents.stopAll();
  await Promise.all(connections.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await gateway.app.close();
  await probes.closeAll();
  await privateRedis?.stop();
});

describe('nonce', () => {
  it('an envelope refused by the block list uses up its nonce: replayed after the block is lifted it is refused', async () => {
    let captured: Array<string | number> | undefined;
    const capturing = tappedConnection(redisUrl, (args, forward) => ((captured = args), forward(args)));
    connections.push(capturing);
    const { agent: alice } = await gatewayAgent('alice', capturing);
    const { agent: bob, received } = await gatewayAgent('bob');
    await redis.sadd(MasKeys.blockedTargets(alice.id), bob.id);
    expect(await decisionOf(alice.send(bob.id, 'pay', { amount: 10 }))).toBe('AUTHZ_DENIED');
    await redis.del(MasKeys.blockedTargets(alice.id));
    await redis.xadd(...(captured as [string, string, ...string[]]));
    const messageId = envelopeArg(captured!).message_id as string;
    const query = gateway.app.get(AuditQuery);
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
    const env = { REDIS_URL: redisUrl, MAS_CONFIG: undefined, MAS_REDIS__URL: undefined };
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
    await redis.del(MasKeys.role('agent'), MasKeys.rolePermissions('agent'));
  });
});
