import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, AgentMessage, DuplicateAgentError, MasError, MasKeys } from '@mas/core';
import { AgentTracker, Probes, QuietLogger, redisUrlFor, sleep, uniqueId, waitFor } from './support/e2e-helpers';

const SPEC = 'agent-robustness';
const redisUrl = redisUrlFor(8);
/** Used by nothing else: CLIENT LIST is filtered on it. */
const poolDb = 9;
const id = (label: string) => uniqueId(SPEC, label);

class Collector extends Agent {
  readonly got: AgentMessage[] = [];
  @AgentHandler('good')
  good(_data: unknown, message: AgentMessage) {
    this.got.push(message);
    return { ok: true };
  }
  @AgentHandler('boom')
  boom() {
    throw new Error('handler exploded');
  }
}

function envelope(target: string, messageType: string, data: Record<string, unknown> = {}) {
  return JSON.stringify({
    sender_id: 'raw-sender',
    target_id: target,
    message_type: messageType,
    data,
    meta: { version: 1, correlation_id: null, expects_reply: false, is_reply: false },
    timestamp: Date.now() / 1000,
    message_id: `m-${Math.random()}`,
  });
}

describe('Agent robustness', () => {
  const logger = new QuietLogger();
  const agents = new AgentTracker();
  const probes = new Probes();
  const redis = probes.client(redisUrl);
  afterEach(() => agents.stopAll());
  afterAll(() => probes.closeAll());

  it('counts malformed payloads, drops them and handles the next good message', async () => {
    const agent = await agents.start(new Collector(id('malformed'), { redisUrl, logger }));
    const channel = MasKeys.agentChannel(agent.id);
    const bad = [
      'not json at all',
      '{"sender_id": "x", ',
      '',
      '42',
      'null',
      '[1, 2, 3]',
      '"just a string"',
      JSON.stringify({ target_id: agent.id, message_type: 'good', data: {}, message_id: '1' }), // no sender
      JSON.stringify({ sender_id: 'x', target_id: agent.id, data: {}, message_id: '1' }), // no type
      JSON.stringify({ sender_id: 'x', target_id: agent.id, message_type: 'good', data: [1], message_id: '1' }), // data not an object
      JSON.stringify({ sender_id: 'x', target_id: agent.id, message_type: 'good', data: {}, message_id: '1', timestamp: 'now' }),
      JSON.stringify({ sender_id: 'x', target_id: agent.id, message_type: 'good', data: {}, message_id: '1', meta: 'yes' }),
      JSON.stringify({ sender_id: 'x', target_id: agent.id, message_type: 'good', data: {}, message_id: '1', meta: { correlation_id: 7 } }),
      JSON.stringify({ sender_id: 'x', target_id: agent.id, message_type: 'good', data: {} }), // no message id
      JSON.stringify({ sender_id: 42, target_id: agent.id, message_type: 'good', data: {}, message_id: '1' }),
    ];
    for (const payload of bad) await redis.publish(channel, payload);
    await redis.publish(channel, envelope(agent.id, 'good', { n: 1 }));

    await waitFor(() => agent.got.length === 1, 3_000, 'the good message');
    expect(agent.got[0].data).toEqual({ n: 1 });
    expect(agent.stats.malformed).toBe(bad.length);
    expect(agent.stats.oversized).toBe(0);
    expect(agent.stats.received).toBe(bad.length + 1);
    expect(agent.stats.handled).toBe(1);
  });

  it('drops and counts messages over maxMessageBytes, and handles the next one', async () => {
    const agent = await agents.start(new Collector(id('oversized'), { redisUrl, logger, maxMessageBytes: 1_024 }));
    const sender = await agents.start(new Agent(id('sender'), { redisUrl, logger }));

    // Senders that do not check the receiver's declared limit (raw clients, other implementations).
    await redis.publish(MasKeys.agentChannel(agent.id), envelope(agent.id, 'good', { blob: 'x'.repeat(2_000) }));
    await redis.publish(MasKeys.agentChannel(agent.id), envelope(agent.id, 'good', { blob: 'é'.repeat(600) })); // 600 chars but 1 200 bytes
    await redis.publish(MasKeys.agentChannel(agent.id), envelope(agent.id, 'good', { blob: 'y'.repeat(5_000) }));
    await sender.send(agent.id, 'good', { small: true });

    await waitFor(() => agent.got.length === 1, 3_000, 'the small message');
    expect(agent.got[0].data).toEqual({ small: true });
    expect(agent.stats.oversized).toBe(3);
    expect(agent.stats.malformed).toBe(0);
  });

  it('keeps serving after a handler throws on a plain send', async () => {
    const agent = await agents.start(new Collector(id('throws'), { redisUrl, logger }));
    const sender = await agents.start(new Agent(id('sender'), { redisUrl, logger }));

    await sender.send(agent.id, 'boom', {});
    await sender.send(agent.id, 'good', { after: 'boom' });

    await waitFor(() => agent.got.length === 1);
    expect(agent.stats.handlerErrors).toBe(1);
    await expect(sender.request(agent.id, 'good', {}, { timeout: 2_000 })).resolves.toMatchObject({ data: { ok: true } });
  });

  it('counts a reply nobody waits for as unmatched', async () => {
    const agent = await agents.start(new Collector(id('unmatched'), { redisUrl, logger }));
    const stray = JSON.parse(envelope(agent.id, 'x.reply'));
    stray.meta = { version: 1, correlation_id: 'nobody-asked', expects_reply: false, is_reply: true };
    await redis.publish(MasKeys.agentChannel(agent.id), JSON.stringify(stray));
    await redis.publish(MasKeys.agentChannel(agent.id), envelope(agent.id, 'good'));

    await waitFor(() => agent.got.length === 1);
    expect(agent.stats.unmatchedReplies).toBe(1);
    expect(agent.stats.malformed).toBe(0);
  });

  it('can be stopped and started again (same instance)', async () => {
    const agent = agents.track(new Collector(id('again'), { redisUrl, logger }));
    const sender = await agents.start(new Agent(id('sender'), { redisUrl, logger }));
    await agent.start();
    await agent.stop();
    await agent.start();

    await expect(sender.request(agent.id, 'good', {}, { timeout: 2_000 })).resolves.toMatchObject({ data: { ok: true } });
    expect(await redis.exists(MasKeys.agent(agent.id))).toBe(1);
  });

  it('refuses ids that cannot be a channel name or a key pattern', () => {
    for (const bad of ['', 'has space', 'star*', 'what?', 'br[ack]et']) {
      expect(() => new Agent(bad, { redisUrl, logger }), JSON.stringify(bad)).toThrow(MasError);
    }
  });

  describe('duplicate ids', () => {
    it('refuses a second agent with a live id, and the first keeps working', async () => {
      const agentId = id('dup');
      const first = await agents.start(new Collector(agentId, { redisUrl, logger }));
      const token = await redis.hget(MasKeys.agent(agentId), 'token');
      const sender = await agents.start(new Agent(id('sender'), { redisUrl, logger }));

      const second = agents.track(new Collector(agentId, { redisUrl, logger }));
      const error = await second.start().catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DuplicateAgentError);
      expect((error as DuplicateAgentError).agentId).toBe(agentId);
      expect(second.isRunning).toBe(false);
      expect(await redis.hget(MasKeys.agent(agentId), 'token')).toBe(token);
      // the live agent still gets its messages, and only it
      await expect(sender.request(agentId, 'good', { n: 1 }, { timeout: 2_000 })).resolves.toMatchObject({ data: { ok: true } });
      expect(first.got).toHaveLength(1);
      expect(second.got).toHaveLength(0);
    });

    it('lets { replace: true } take the id over', async () => {
      const agentId = id('replace');
      const first = await agents.start(new Collector(agentId, { redisUrl, logger, capabilities: ['old'] }));
      const sender = await agents.start(new Agent(id('sender'), { redisUrl, logger }));

      const second = await agents.start(new Collector(agentId, { redisUrl, logger, replace: true, capabilities: ['new'] }));

      expect(second.isRunning).toBe(true);
      const hash = await redis.hgetall(MasKeys.agent(agentId));
      expect(hash.token).toBe(second.registrationToken);
      expect(hash.token).not.toBe(first.registrationToken);
      expect(JSON.parse(hash.capabilities)).toEqual(['new']);
      await expect(sender.request(agentId, 'good', {}, { timeout: 2_000 })).resolves.toMatchObject({ data: { ok: true } });
      expect(second.got).toHaveLength(1);

      // The replaced agent stopping must not take its successor's registration or channel with it.
      await first.stop();
      expect(await redis.hget(MasKeys.agent(agentId), 'token')).toBe(second.registrationToken);
      expect(await redis.exists(MasKeys.heartbeat(agentId))).toBe(1);
      await expect(sender.request(agentId, 'good', {}, { timeout: 2_000 })).resolves.toMatchObject({ data: { ok: true } });
      expect(second.got).toHaveLength(2);
    });

    it('accepts the id again once the holder stopped', async () => {
      const agentId = id('reuse');
      const first = await agents.start(new Agent(agentId, { redisUrl, logger }));
      await first.stop();

      const second = await agents.start(new Agent(agentId, { redisUrl, logger }));
      expect(second.isRunning).toBe(true);
    });
  });

  describe('graceful stop', () => {
    it('calls onStop, publishes DEREGISTER, removes agent:{id} and its heartbeat, keeps the state', async () => {
      const calls: string[] = [];
      class Hooked extends Agent {
        protected override onStart() {
          calls.push('onStart');
        }
        protected override async onStop() {
          calls.push(`onStop running=${this.isRunning}`);
          await this.send(this.id, 'bye', {}); // the agent can still talk in onStop
        }
      }
      const agentId = id('graceful');
      const agent = await agents.start(new Hooked(agentId, { redisUrl, logger, capabilities: [`cap-${agentId}`] }));
      const tap = await probes.tap(redisUrl, MasKeys.systemChannel);
      await agent.updateState({ kept: 'yes', n: 1 });
      expect(calls).toEqual(['onStart']);
      expect(await redis.exists(MasKeys.agent(agentId), MasKeys.heartbeat(agentId))).toBe(2);

      await agent.stop();

      expect(calls).toEqual(['onStart', 'onStop running=true']);
      expect(agent.isRunning).toBe(false);
      await waitFor(() => tap.messages.some((m) => m.json?.type === 'DEREGISTER' && m.json.agent_id === agentId));
      expect(await redis.exists(MasKeys.agent(agentId))).toBe(0);
      expect(await redis.exists(MasKeys.heartbeat(agentId))).toBe(0);
      expect(await redis.sismember(MasKeys.capability(`cap-${agentId}`), agentId)).toBe(0);
      expect(await redis.hgetall(MasKeys.state(agentId))).toEqual({ kept: 'yes', n: '1' });
      expect(await redis.pubsub('NUMSUB', MasKeys.agentChannel(agentId))).toEqual([MasKeys.agentChannel(agentId), 0]);
      await agent.stop(); // idempotent
    });

    it('runs the onStart / onStop options of a plain Agent', async () => {
      const calls: string[] = [];
      const agent = agents.track(
        new Agent(id('options'), { redisUrl, logger, onStart: () => calls.push('start'), onStop: () => calls.push('stop') }),
      );
      await agent.start();
      await agent.stop();
      expect(calls).toEqual(['start', 'stop']);
    });

    it('waits for running handlers before it returns', async () => {
      const done: string[] = [];
      class Slow extends Agent {
        @AgentHandler('slow')
        async slow() {
          await sleep(300);
          done.push('finished');
        }
      }
      const agent = await agents.start(new Slow(id('slow'), { redisUrl, logger }));
      const sender = await agents.start(new Agent(id('sender'), { redisUrl, logger }));
      await sender.send(agent.id, 'slow', {});
      await waitFor(() => agent.stats.received === 1);

      await agent.stop();

      expect(done).toEqual(['finished']);
    });
  });

  describe('connections', () => {
    it('shares one subscriber and one command connection among 20 agents of a process', async () => {
      const url = redisUrlFor(poolDb);
      const masClients = async () => {
        const list = (await redis.client('LIST')) as string;
        const lines = list.split('\n').filter((line) => line.includes(` db=${poolDb} `));
        return {
          command: lines.filter((line) => / name=mas-command /.test(line)).length,
          subscriber: lines.filter((line) => / name=mas-subscriber /.test(line)).length,
        };
      };
      const before = await masClients();

      const started = await Promise.all(
        Array.from({ length: 20 }, (_, i) => agents.start(new Agent(id(`pool${i}`), { redisUrl: url, logger }))),
      );

      expect(await masClients()).toEqual({ command: before.command + 1, subscriber: before.subscriber + 1 });
      // and they all work over it
      const replies = await Promise.all(
        started.slice(1).map((agent) => started[0].send(agent.id, 'hello', {})),
      );
      expect(replies).toEqual(Array(19).fill(1));

      await agents.stopAll();
      await waitFor(async () => {
        const now = await masClients();
        return now.command === before.command && now.subscriber === before.subscriber;
      }, 5_000, 'the shared connections to close after the last agent stopped');
    });
  });
});
