import { describe, expect, it } from 'vitest';
import { Agent, AgentMessage, InboxFullError, MasKeys } from '@mas/core';
import { privateSuite } from './support/private-redis';
import { uniqueId, waitFor } from './support/e2e-helpers';

// An inbox's capacity belongs to its receiver (issue: no silent loss, point 1): a sender's options
// never trim it; a full inbox refuses with InboxFullError or, by the receiver's choice, moves its
// oldest unread entries to the dead-letter stream; only acknowledged entries are ever trimmed.
const SPEC = 'loss-cap';
const id = (label: string) => uniqueId(SPEC, label);

const suite = privateSuite(12);
const { agents, probes, logger } = suite;

/** A reliable receiver that records the `seq` of what it handles. */
function receiver(agentId: string, inbox: Record<string, unknown> = {}) {
  const seqs: number[] = [];
  const agent = new Agent(agentId, {
    redisUrl: suite.redisUrl,
    logger,
    delivery: 'reliable',
    inbox: { blockMs: 100, ...inbox },
    onMessage: (message: AgentMessage) => void seqs.push(message.data.seq as number),
  });
  return { agent, seqs };
}

/** Starts `agent` once (declaring its limits) and stops it: its inbox now fills while it is away. */
async function declareAndGoOffline(agent: Agent): Promise<void> {
  await agent.start();
  await agent.stop();
}

describe('inbox capacity belongs to the receiver', () => {
  it('keeps every message a sender with a small inbox.maxLength sends to an offline receiver', async () => {
    const target = receiver(id('target'));
    await declareAndGoOffline(target.agent);
    const sender = await agents.start(new Agent(id('sender'), { redisUrl: suite.redisUrl, logger, inbox: { maxLength: 10 } }));

    for (let seq = 0; seq < 1_000; seq++) await sender.send(target.agent.id, 'work', { seq }, { reliable: true });
    await agents.start(target.agent);

    await waitFor(() => target.seqs.length === 1_000, 15_000, () => `1000 delivered (got ${target.seqs.length})`);
    expect(new Set(target.seqs).size).toBe(1_000);
  });

  it('refuses sends beyond the declared capacity with InboxFullError, and delivers what it accepted', async () => {
    const target = receiver(id('target'), { maxLength: 50 });
    await declareAndGoOffline(target.agent);
    const sender = await agents.start(new Agent(id('sender'), { redisUrl: suite.redisUrl, logger }));

    const outcomes: unknown[] = [];
    for (let seq = 0; seq < 80; seq++) outcomes.push(await sender.send(target.agent.id, 'work', { seq }, { reliable: true }).catch((e: unknown) => e));

    expect(outcomes.slice(0, 50)).toEqual(Array(50).fill(1));
    for (const refused of outcomes.slice(50)) {
      expect(refused).toBeInstanceOf(InboxFullError);
      expect(refused).toMatchObject({ targetId: target.agent.id, capacity: 50 });
    }
    await agents.start(target.agent);
    await waitFor(() => target.seqs.length === 50, 10_000, 'the 50 accepted');
    expect([...target.seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('moves the oldest unread entries to the dead-letter stream when the receiver chose dead-letter', async () => {
    const target = receiver(id('target'), { maxLength: 50, overflow: 'dead-letter' });
    await declareAndGoOffline(target.agent);
    const sender = await agents.start(new Agent(id('sender'), { redisUrl: suite.redisUrl, logger }));
    const redis = probes.client(suite.redisUrl);
    const dlqBefore = await redis.xlen(MasKeys.deadLetters);

    for (let seq = 0; seq < 80; seq++) await sender.send(target.agent.id, 'work', { seq }, { reliable: true });

    const letters = (await redis.xrange(MasKeys.deadLetters, '-', '+')).slice(dlqBefore);
    expect(letters).toHaveLength(30);
    const moved = letters.map(([, fields]) => JSON.parse(fields[fields.indexOf('envelope') + 1]).data.seq as number);
    expect(moved).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(letters[0][1]).toContain(target.agent.id);
    await agents.start(target.agent);
    await waitFor(() => target.seqs.length === 50, 10_000, 'the 50 newest');
    expect([...target.seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 30));
  });

  it('makes room by trimming only what the group acknowledged', async () => {
    const target = receiver(id('target'), { maxLength: 20 });
    await agents.start(target.agent);
    const sender = await agents.start(new Agent(id('sender'), { redisUrl: suite.redisUrl, logger }));
    const redis = probes.client(suite.redisUrl);

    for (let seq = 0; seq < 200; seq++) {
      await sender.send(target.agent.id, 'work', { seq }, { reliable: true });
      await waitFor(() => target.seqs.length === seq + 1, 5_000, `message ${seq}`, 2);
    }

    expect(target.seqs).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(await redis.xlen(MasKeys.inbox(target.agent.id))).toBeLessThanOrEqual(21);
  });
});
