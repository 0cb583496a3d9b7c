import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, GatewayRejectedError, MasConnection, MasKeys } from '@mas/core';
import { resetGatewayKeys, startGateway, tappedConnection, TestGateway } from './gateway/harness';
import { runNode } from './support/node-process';
import { privateSuite } from './support/private-redis';
import { sleep, uniqueId } from './support/e2e-helpers';

// A refusal can reach a gateway-mode sender before its own XADD to the ingress has resolved
// (issue: no silent loss, point 6): every refusal must reach its caller, none may surface as an
// unhandled rejection (fatal under Node's default --unhandled-rejections=throw).
const SPEC = 'loss-race';
const FIXTURE = join(__dirname, 'fixtures/gateway-refused-sender.cjs');
const suite = privateSuite(12);
let gateway: TestGateway;

beforeAll(async () => {
  await resetGatewayKeys(suite.probes.client(suite.redisUrl));
  gateway = await startGateway(suite.redisUrl, { rateLimit: { perMinute: 100_000, perHour: 1_000_000 } });
});
afterAll(() => gateway?.app.close());

describe('gateway decisions that arrive before the ingress write resolves', () => {
  it('rejects the send with the decision when the decision wins the race (no unhandled rejection)', async () => {
    const target = await suite.agents.start(new Agent(uniqueId(SPEC, 'target'), { redisUrl: suite.redisUrl, logger: suite.logger, gateway: true }));
    const senderId = uniqueId(SPEC, 'slow-ack');
    await suite.probes.client(suite.redisUrl).sadd(MasKeys.blockedTargets(senderId), target.id);
    // The XADD reaches the gateway at once, but its reply reaches the sender only after the decision.
    const connection: MasConnection = tappedConnection(suite.redisUrl, async (args, forward) => {
      const id = await forward(args);
      await sleep(300);
      return id;
    });
    const rejections: unknown[] = [];
    const onUnhandled = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const sender = await suite.agents.start(new Agent(senderId, { redisUrl: suite.redisUrl, logger: suite.logger, connection, gateway: true }));
      const error = await sender.send(target.id, 'refused.work', {}).catch((e: unknown) => e);
      await sleep(100);
      expect(error).toBeInstanceOf(GatewayRejectedError);
      expect((error as GatewayRejectedError).decision).toBe('AUTHZ_DENIED');
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await suite.agents.stopAll();
      await connection.close();
    }
  });

  it('delivers each of 2,000 refusals to its caller, with --unhandled-rejections=strict', async () => {
    const target = await suite.agents.start(new Agent(uniqueId(SPEC, 'target'), { redisUrl: suite.redisUrl, logger: suite.logger, gateway: true }));
    const senderId = uniqueId(SPEC, 'sender');
    await suite.probes.client(suite.redisUrl).sadd(MasKeys.blockedTargets(senderId), target.id);

    const run = await runNode(FIXTURE, [], {
      env: { NODE_OPTIONS: '--unhandled-rejections=strict', MAS_FIXTURE: JSON.stringify({ redisUrl: suite.redisUrl, agentId: senderId, target: target.id, count: 2_000 }) },
      timeoutMs: 120_000,
    });

    expect(run.stderr).not.toMatch(/fatal|Unhandled|UnhandledPromiseRejection/);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').pop()!)).toEqual({ rejected: 2_000, other: 0 });
  }, 150_000);
});
