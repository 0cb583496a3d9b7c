import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INGRESS_FIELDS, MasKeys } from '@mas/core';
import { IngressConsumer } from '../apps/gateway/src/ingress/ingress.consumer';
import { resetGatewayKeys, startGateway, TestGateway } from './gateway/harness';
import { decisionOf, decisionsOn, gatewayAgentFactory } from './gateway/spec-helpers';
import { PrivateRedis, startPrivateRedis } from './support/private-redis';
import { AgentTracker, Probes, waitFor } from './support/e2e-helpers';

// Issue 12: 10,000 unauthenticated junk entries, each claiming to come from a real agent.
let privateRedis: PrivateRedis;
let gateway: TestGateway;
const agents = new AgentTracker();
const probes = new Probes();
let redis: ReturnType<Probes['client']>;
const gatewayAgent = gatewayAgentFactory('gwflood', () => privateRedis.url, agents);
const FLOOD = 10_000;

beforeAll(async () => {
  privateRedis = await startPrivateRedis(10);
  redis = probes.client(privateRedis.url);
  await resetGatewayKeys(redis);
  gateway = await startGateway(privateRedis.url);
});

afterEach(() => agents.stopAll());

afterAll(async () => {
  await gateway?.app.close();
  await probes.closeAll();
  await privateRedis?.stop();
});

describe('unauthenticated flood', () => {
  it('leaves the gateway responsive, the audit bounded, and sends nothing to the claimed sender', async () => {
    const { agent: alice } = await gatewayAgent('alice');
    const { agent: bob, received } = await gatewayAgent('bob');
    const tap = await probes.tap(privateRedis.url, MasKeys.agentChannel(alice.id));
    const auditBefore = await redis.xlen(MasKeys.audit);
    const processedBefore = gateway.app.get(IngressConsumer).processed;
    const pipeline = redis.pipeline();
    for (let i = 0; i < FLOOD; i += 1) {
      const junk = { sender_id: alice.id, target_id: bob.id, message_type: 'junk', data: { i }, meta: { version: 1, correlation_id: null, expects_reply: false, is_reply: false }, timestamp: Date.now() / 1000, message_id: `junk-${i}` };
      pipeline.xadd(MasKeys.gatewayIngress, '*', INGRESS_FIELDS.envelope, JSON.stringify(junk), INGRESS_FIELDS.token, 'not-the-token', INGRESS_FIELDS.notify, '1');
    }
    await pipeline.exec();
    // The real message goes into the same ingress stream right behind the flood, which the gateway is still reading.
    const started = performance.now();
    const decision = await decisionOf(alice.send(bob.id, 'real', { ok: true }));
    const decidedMs = performance.now() - started;
    console.log(`gateway-flood: real message decided ${decidedMs.toFixed(0)} ms after its send, behind ${FLOOD} unauthenticated entries`);
    expect(decision).toBe('ALLOWED');
    expect(decidedMs).toBeLessThan(1_000);
    await waitFor(() => received.length === 1, 5_000, 'the real message');
    await waitFor(() => gateway.app.get(IngressConsumer).processed - processedBefore >= FLOOD + 1, 30_000, 'the flood to be decided');
    await waitFor(async () => (await redis.xlen(MasKeys.gatewayIngress)) === 0, 5_000, 'every entry acked and deleted');
    expect(((await redis.xpending(MasKeys.gatewayIngress, MasKeys.gatewayGroup)) as [number])[0]).toBe(0);
    const growth = (await redis.xlen(MasKeys.audit)) - auditBefore;
    expect(growth).toBeLessThanOrEqual(gateway.settings.audit.unauthenticatedPerMinute * 2 + 2); // two minute windows at most, plus the real message
    expect(await redis.xlen(MasKeys.auditBySender(alice.id))).toBe(1); // only the real message is filed under alice
    const onChannel = tap.on(MasKeys.agentChannel(alice.id));
    expect(decisionsOn(onChannel).map((d) => d.decision)).toEqual(['ALLOWED']); // the real message's decision, nothing about the junk
    expect(decisionsOn(onChannel).filter((d) => d.message_id.startsWith('junk-'))).toEqual([]);
  }, 60_000);
});
