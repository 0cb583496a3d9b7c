import { describe, expect, it } from 'vitest';
import { Agent, AgentHandler, MasKeys } from '@mas/core';
import { privateSuite } from './support/private-redis';
import { sleep, uniqueId, waitFor } from './support/e2e-helpers';

// A stream of bad requests must not turn an agent into an amplifier (issue: no silent loss, point 7):
// error replies go only to senders that exist, at a bounded rate per sender, and every message is
// counted once.
const SPEC = 'loss-amp';
const id = (label: string) => uniqueId(SPEC, label);

class Failing extends Agent {
  @AgentHandler('explode')
  explode() {
    throw new Error('always fails');
  }
}

function request(sender: string, target: string, n: number): string {
  return JSON.stringify({
    sender_id: sender,
    target_id: target,
    message_type: 'explode',
    data: { n },
    meta: { version: 1, correlation_id: `c-${n}`, expects_reply: true, is_reply: false },
    timestamp: Date.now() / 1000,
    message_id: `m-${sender}-${n}`,
  });
}

const suite = privateSuite(12);
const { agents, probes, logger } = suite;

describe('no amplification', () => {
  it('sends no error reply to made-up sender ids, and counts each message once', async () => {
    const target = await agents.start(new Failing(id('target'), { redisUrl: suite.redisUrl, logger }));
    const watcher = probes.client(suite.redisUrl);
    const seen: string[] = [];
    watcher.on('pmessage', (_pattern: string, channel: string) => seen.push(channel));
    await watcher.psubscribe('agent.ghost-*');
    const raw = probes.client(suite.redisUrl);

    for (let n = 0; n < 500; n++) await raw.publish(MasKeys.agentChannel(target.id), request(`ghost-${n}`, target.id, n));

    await waitFor(() => target.stats.handlerErrors === 500, 10_000, () => `500 failures (got ${target.stats.handlerErrors})`);
    await waitFor(() => target.stats.errorRepliesSuppressed === 500, 5_000, 'every error reply suppressed');
    await sleep(200);
    expect(seen).toEqual([]);
    expect(target.stats.received).toBe(500);
    expect(target.stats.handled).toBe(0);
  });

  it('rate-limits error replies to a real agent whose id a flood claims', async () => {
    const target = await agents.start(new Failing(id('target'), { redisUrl: suite.redisUrl, logger }));
    const victim = await agents.start(new Agent(id('victim'), { redisUrl: suite.redisUrl, logger }));
    const tap = await probes.tap(suite.redisUrl, MasKeys.agentChannel(victim.id));
    const raw = probes.client(suite.redisUrl);

    const pipeline = raw.pipeline();
    for (let n = 0; n < 1_000; n++) pipeline.publish(MasKeys.agentChannel(target.id), request(victim.id, target.id, n));
    await pipeline.exec();

    await waitFor(() => target.stats.handlerErrors === 1_000, 10_000, () => `1000 failures (got ${target.stats.handlerErrors})`);
    await sleep(300);
    const replies = tap.on(MasKeys.agentChannel(victim.id)).length;
    expect(replies).toBeGreaterThanOrEqual(200); // the burst
    expect(replies).toBeLessThan(600); // burst + refill at 100/s over the flood, far from 1,000
    expect(target.stats.errorRepliesSuppressed).toBe(1_000 - replies);
    expect(victim.stats.unmatchedReplies).toBe(replies);
  });
});
