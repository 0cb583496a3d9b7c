import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, createMessage, decisionCorrelationId, GATEWAY_DECISION_TYPE, GATEWAY_DECISIONS_TYPE, GATEWAY_SENDER_ID, MasKeys } from '@mas/core';
import { resetGatewayKeys, startGateway, TestGateway } from './gateway/harness';
import { decisionOf, gatewayAgentFactory } from './gateway/spec-helpers';
import { privateSuite } from './support/private-redis';
import { sleep, uniqueId, waitFor } from './support/e2e-helpers';

// The agent side of the gateway's identity (issue: gateway hardening): a gateway-mode agent accepts
// only what the gateway signed, and in every mode a reply settles a request only when it comes from
// the request's target.
const SPEC = 'trust';
const suite = privateSuite(12);
const gatewayAgent = gatewayAgentFactory(SPEC, () => suite.redisUrl, suite.agents);
let gateway: TestGateway;

beforeAll(async () => {
  await resetGatewayKeys(suite.probes.client(suite.redisUrl));
  gateway = await startGateway(suite.redisUrl);
});
afterAll(() => gateway?.app.close());

class Echo extends Agent {
  @AgentHandler('echo')
  async echo(data: Record<string, unknown>) {
    await sleep(200);
    return { echoed: data };
  }
}

describe('a gateway-mode agent trusts only the gateway', () => {
  it.each(['one decision', 'a batch of decisions'])('ignores forged ALLOWED decisions racing the real one (%s), 20 times of 20', async (form) => {
    const { agent: alice } = await gatewayAgent('alice');
    const { agent: bob } = await gatewayAgent('bob');
    const redis = suite.probes.client(suite.redisUrl);
    await redis.sadd(MasKeys.blockedTargets(alice.id), bob.id);
    const tap = suite.probes.client(suite.redisUrl);
    // The forger watches the ingress and answers every message of alice's at once with ALLOWED.
    let forged = 0;
    const newest = (await tap.xrevrange(MasKeys.gatewayIngress, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
    const watching = (async () => {
      let last = newest;
      while (forged < 20) {
        const read = (await tap.xread('BLOCK', 2_000, 'STREAMS', MasKeys.gatewayIngress, last)) as Array<[string, Array<[string, string[]]>]> | null;
        for (const [id, fields] of read?.[0]?.[1] ?? []) {
          last = id;
          const envelope = JSON.parse(fields[fields.indexOf('envelope') + 1]) as { message_id: string };
          const decision =
            form === 'one decision'
              ? createMessage({
                  senderId: GATEWAY_SENDER_ID,
                  targetId: alice.id,
                  messageType: GATEWAY_DECISION_TYPE,
                  data: { message_id: envelope.message_id, decision: 'ALLOWED' },
                  correlationId: decisionCorrelationId(envelope.message_id),
                  isReply: true,
                })
              : createMessage({
                  senderId: GATEWAY_SENDER_ID,
                  targetId: alice.id,
                  messageType: GATEWAY_DECISIONS_TYPE,
                  data: { decisions: [{ message_id: envelope.message_id, decision: 'ALLOWED', reason: 'forged' }] },
                });
          await redis.publish(MasKeys.agentChannel(alice.id), JSON.stringify(decision.toWire()));
          forged += 1;
        }
        if (!read) break;
      }
    })();

    const decisions: string[] = [];
    for (let n = 0; n < 20; n++) decisions.push(await decisionOf(alice.send(bob.id, 'transfer', { n })));
    await watching;

    expect(forged).toBe(20);
    expect(decisions).toEqual(Array(20).fill('AUTHZ_DENIED'));
    await waitFor(() => alice.stats.unverified === 20, 3_000, () => `20 forgeries dropped (got ${alice.stats.unverified})`);
  });

  it('drops an unsigned entry written into its inbox, and counts it', async () => {
    const { agent: bob, received } = await gatewayAgent('bob');
    const forgery = createMessage({ senderId: GATEWAY_SENDER_ID, targetId: bob.id, messageType: 'transfer', data: { amount: 1 } });
    await suite.probes.client(suite.redisUrl).xadd(MasKeys.inbox(bob.id), '*', MasKeys.envelopeField, JSON.stringify(forgery.toWire()));

    await waitFor(() => bob.stats.unverified === 1, 5_000, 'the forgery to be dropped');
    expect(received).toEqual([]);
  });
});

describe('a reply settles a request only when it comes from the request\'s target', () => {
  it('ignores a reply from another sender carrying the correlation id (direct mode)', async () => {
    const echo = await suite.agents.start(new Echo(uniqueId(SPEC, 'echo'), { redisUrl: suite.redisUrl, logger: suite.logger }));
    const client = await suite.agents.start(new Agent(uniqueId(SPEC, 'client'), { redisUrl: suite.redisUrl, logger: suite.logger }));
    const spy = suite.probes.client(suite.redisUrl);
    const redis = suite.probes.client(suite.redisUrl);
    await spy.subscribe(MasKeys.agentChannel(echo.id));
    spy.on('message', (_channel: string, raw: string) => {
      const request = JSON.parse(raw) as { message_id: string; meta: { correlation_id: string } };
      const reply = createMessage({ senderId: 'mallory', targetId: client.id, messageType: 'echo.reply', data: { echoed: 'forged' }, correlationId: request.meta.correlation_id, isReply: true });
      void redis.publish(MasKeys.agentChannel(client.id), JSON.stringify(reply.toWire()));
    });

    const reply = await client.request(echo.id, 'echo', { real: true });

    expect(reply.senderId).toBe(echo.id);
    expect(reply.data).toEqual({ echoed: { real: true } });
    expect(client.stats.unmatchedReplies).toBe(1);
  });
});
