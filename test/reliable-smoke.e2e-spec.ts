import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, AgentMessage } from '@mas/core';

const REDIS_URL = 'redis://127.0.0.1:6379/6';
const suffix = randomUUID().slice(0, 8);

class Counter extends Agent {
  seen: string[] = [];
  @AgentHandler('count')
  async count(data: { n: number }, message: AgentMessage) {
    this.seen.push(message.messageId);
    const current = (this.state as Record<string, number>).total ?? 0;
    await this.updateState({ total: current + data.n });
  }
}

describe('reliable smoke', () => {
  const agents: Agent[] = [];
  afterEach(async () => {
    for (const a of agents.splice(0)) await a.stop();
  });

  it('delivers messages sent while offline, commits state with the ack', async () => {
    const id = `rel-smoke-${suffix}`;
    const sender = new Agent(`rel-sender-${suffix}`, { redisUrl: REDIS_URL });
    agents.push(sender);
    await sender.start();
    for (let i = 0; i < 20; i++) await sender.send(id, 'count', { n: 1 }, { reliable: true });
    const receiver = new Counter(id, { redisUrl: REDIS_URL, delivery: 'reliable', inbox: { claimIdleMs: 300, maxInFlight: 1 } });
    agents.push(receiver);
    await receiver.start();
    await expect.poll(() => receiver.seen.length, { timeout: 5000 }).toBe(20);
    await expect.poll(() => receiver.inboxStats?.acked).toBe(20);
    expect((receiver.state as Record<string, number>).total).toBe(20);
  });
});
