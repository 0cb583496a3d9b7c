import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, AgentMessage, MasKeys, MasKeySpace, type MasKeySpaceOptions } from '@mas/core';
import { AgentTracker, Probes, QuietLogger, redisUrlFor, uniqueId } from './support/e2e-helpers';

// The key space of a connection (key style, namespace) on one real Redis: every component names
// its keys and channels from it, so agents of one namespace never see those of another or of the
// default names, and the cluster key style works on a single node too.
const SPEC = 'key-space';
const redisUrl = redisUrlFor(6);
const logger = new QuietLogger();

class Recorder extends Agent {
  readonly received: AgentMessage[] = [];
  @AgentHandler('echo')
  echo(data: Record<string, unknown>) {
    return { echoed: data.n };
  }
  protected override onMessage(message: AgentMessage): unknown {
    this.received.push(message);
    return undefined;
  }
}

const configs: Array<[string, MasKeySpaceOptions]> = [
  ['cluster style', { style: 'cluster' }],
  ['a namespace', { namespace: `ns-${process.pid}` }],
  ['cluster style in a namespace', { style: 'cluster', namespace: `both-${process.pid}` }],
];

describe.each(configs)('Agents in a key space of %s', (_label, space) => {
  const agents = new AgentTracker();
  const probes = new Probes();
  const keys = new MasKeySpace(space);
  const options = { redisUrl, logger, keyStyle: space.style, namespace: space.namespace, heartbeatIntervalMs: 500 };
  afterEach(async () => {
    await agents.stopAll();
    await probes.closeAll();
  });

  it('sends, requests, discovers and keeps state under the names of its key space only', async () => {
    const redis = probes.client(redisUrl);
    const receiverId = uniqueId(SPEC, 'receiver');
    const capability = uniqueId(SPEC, 'cap');
    const receiver = await agents.start(new Recorder(receiverId, { ...options, capabilities: [capability] }));
    const sender = await agents.start(new Agent(uniqueId(SPEC, 'sender'), options));

    expect(await sender.send(receiverId, 'note', { n: 1 })).toBe(1);
    await expect.poll(() => receiver.received.length).toBe(1);
    const reply = await sender.request(receiverId, 'echo', { n: 7 }, { timeout: 3_000 });
    expect(reply.data).toEqual({ echoed: 7 });
    expect((await sender.discover([capability])).map((record) => record.id)).toEqual([receiverId]);
    await receiver.updateState({ count: 3 });

    expect(await redis.hget(keys.agent(receiverId), 'status')).toBe('ACTIVE');
    expect(await redis.exists(keys.heartbeat(receiverId))).toBe(1);
    expect(await redis.sismember(keys.capability(capability), receiverId)).toBe(1);
    expect(await redis.sismember(keys.allAgents, receiverId)).toBe(1);
    expect(await redis.hget(keys.state(receiverId), 'count')).toBe('3');
    // Nothing under the default names.
    expect(await redis.exists(MasKeys.agent(receiverId), MasKeys.heartbeat(receiverId), MasKeys.state(receiverId), MasKeys.capability(capability))).toBe(0);
    // Global keys (the agent set...) differ by namespace only: the styles share them.
    if (space.namespace) expect(await redis.sismember(MasKeys.allAgents, receiverId)).toBe(0);
  });

  it('delivers reliable messages through the inbox of its key space', async () => {
    const redis = probes.client(redisUrl);
    const receiverId = uniqueId(SPEC, 'reliable');
    const sender = await agents.start(new Agent(uniqueId(SPEC, 'rel-sender'), options));
    for (let n = 0; n < 5; n++) await sender.send(receiverId, 'note', { n }, { reliable: true });
    expect(await redis.xlen(keys.inbox(receiverId))).toBe(5);
    expect(await redis.exists(MasKeys.inbox(receiverId))).toBe(0);
    const receiver = await agents.start(new Recorder(receiverId, { ...options, delivery: 'reliable', inbox: { claimIdleMs: 300 } }));
    await expect.poll(() => receiver.received.map((message) => message.data.n).sort()).toEqual([0, 1, 2, 3, 4]);
    await expect.poll(() => receiver.inboxStats?.acked).toBe(5);
    await redis.del(keys.inbox(receiverId), keys.completed(receiverId), keys.inboxLimits(receiverId));
  });

  it('is not reached from the default names, nor reaches them, for the same agent id', async () => {
    const id = uniqueId(SPEC, 'twin');
    const scoped = await agents.start(new Recorder(id, options));
    const plain = await agents.start(new Recorder(id, { redisUrl, logger }));
    const scopedSender = await agents.start(new Agent(uniqueId(SPEC, 'scoped-sender'), options));
    const plainSender = await agents.start(new Agent(uniqueId(SPEC, 'plain-sender'), { redisUrl, logger }));

    expect(await scopedSender.send(id, 'note', { n: 'scoped' })).toBe(1);
    expect(await plainSender.send(id, 'note', { n: 'plain' })).toBe(1);
    await expect.poll(() => scoped.received.length + plain.received.length).toBe(2);
    expect(scoped.received.map((message) => message.data.n)).toEqual(['scoped']);
    expect(plain.received.map((message) => message.data.n)).toEqual(['plain']);
  });
});

afterAll(async () => {
  const probes = new Probes();
  const redis = probes.client(redisUrl);
  for (const [, space] of configs) {
    const keys = new MasKeySpace(space);
    const stale = await redis.keys(`${keys.prefix}*${SPEC}-*`);
    if (stale.length) await redis.del(...stale);
  }
  await probes.closeAll();
});
