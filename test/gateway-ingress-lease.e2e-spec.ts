import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MasKeys } from '@mas/core';
import { AuditQuery } from '../apps/gateway/src/audit/audit-query';
import { GatewayPipeline } from '../apps/gateway/src/pipeline/gateway-pipeline';
import { resetGatewayKeys, startGateway, TestGateway } from './gateway/harness';
import { gatewayAgentFactory } from './gateway/spec-helpers';
import { PrivateRedis, startPrivateRedis } from './support/private-redis';
import { AgentTracker, Probes, waitFor } from './support/e2e-helpers';

// An entry an instance has read but not yet decided (waiting for a slot, or in a slow check) is still
// that instance's: another instance must not claim it after `claimIdleMs` and decide it a second time.
const SPEC = 'gwlease';
let privateRedis: PrivateRedis;
const gateways: TestGateway[] = [];
const agents = new AgentTracker();
const probes = new Probes();
const gatewayAgent = gatewayAgentFactory(SPEC, () => privateRedis.url, agents);
const SLOW_MS = 400;
const SENDS = 4;

beforeAll(async () => {
  privateRedis = await startPrivateRedis(12);
  await resetGatewayKeys(probes.client(privateRedis.url));
});

afterEach(() => agents.stopAll());

afterAll(async () => {
  for (const gateway of gateways) await gateway.app.close();
  await probes.closeAll();
  await privateRedis?.stop();
});

describe('ingress entries held by a live instance', () => {
  it('are not claimed by a second instance while the first one works through them: each message decided and delivered once', async () => {
    const settings = { ingress: { maxInFlight: 1, claimIdleMs: 300 } };
    const first = await startGateway(privateRedis.url, settings);
    gateways.push(first);
    // A slow check on the first instance: each message takes SLOW_MS, one at a time, so the entries it
    // has read wait far longer than claimIdleMs for their turn.
    const pipeline = first.app.get(GatewayPipeline);
    const process = pipeline.process.bind(pipeline);
    pipeline.process = async (ingress) => {
      await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      return process(ingress);
    };
    const { agent: alice } = await gatewayAgent('alice', { decisionTimeoutMs: 15_000 });
    const { agent: bob, received } = await gatewayAgent('bob');
    const redis = probes.client(privateRedis.url);
    const sends = Array.from({ length: SENDS }, (_, i) => alice.send(bob.id, 'job', { i }));
    await waitFor(async () => ((await redis.xpending(MasKeys.gatewayIngress, MasKeys.gatewayGroup)) as [number])[0] === SENDS, 5_000, 'the first instance to read every entry');
    const second = await startGateway(privateRedis.url, settings);
    gateways.push(second);
    await Promise.all(sends);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // time for any second decision to land
    expect(received.map((m) => m.data.i).sort()).toEqual([0, 1, 2, 3]);
    const audited = await first.app.get(AuditQuery).query({ sender: alice.id, limit: 100 });
    expect(audited.map((e) => e.decision)).toEqual(Array(SENDS).fill('ALLOWED'));
  }, 30_000);
});
