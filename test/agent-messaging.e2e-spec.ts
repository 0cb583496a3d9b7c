import { afterEach, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, AgentMessage, AgentNotStartedError, MasKeys, UnknownTargetError } from '@mas/core';
import { AgentTracker, Probes, QuietLogger, redisUrlFor, uniqueId, waitFor } from './support/e2e-helpers';

const SPEC = 'agent-messaging';
const redisUrl = redisUrlFor(1);
const id = (label: string) => uniqueId(SPEC, label);
const logger = new QuietLogger();

/** Records every message it gets through the `onMessage` fallback. */
class Inbox extends Agent {
  readonly received: AgentMessage[] = [];
  protected override onMessage(message: AgentMessage): unknown {
    this.received.push(message);
    return undefined;
  }
}

class Pinger extends Agent {
  @AgentHandler('ping')
  ping(data: Record<string, unknown>) {
    return { from: 'Pinger', echo: data.n };
  }
}

class Ponger extends Agent {
  @AgentHandler('ping')
  pong(data: Record<string, unknown>) {
    return { from: 'Ponger', echo: data.n };
  }
}

describe('Agent messaging (send / receive)', () => {
  const agents = new AgentTracker();
  const probes = new Probes();
  afterEach(async () => {
    await agents.stopAll();
    await probes.closeAll();
  });

  it('delivers data, sender, target and type intact', async () => {
    const receiver = await agents.start(new Inbox(id('receiver'), { redisUrl, logger }));
    const sender = await agents.start(new Agent(id('sender'), { redisUrl, logger }));
    const data = {
      text: 'héllo wörld ✓',
      count: 3,
      ratio: 0.25,
      flag: false,
      nothing: null,
      list: [1, 'two', { three: 3 }],
      nested: { deep: { deeper: ['x'] } },
    };

    const before = Date.now() / 1000;
    const receivers = await sender.send(receiver.id, 'greeting.message', data);

    expect(receivers).toBe(1);
    const [message] = await waitFor(() => (receiver.received.length ? receiver.received : undefined));
    expect(message.senderId).toBe(sender.id);
    expect(message.targetId).toBe(receiver.id);
    expect(message.messageType).toBe('greeting.message');
    expect(message.data).toEqual(data);
    expect(message.expectsReply).toBe(false);
    expect(message.isReply).toBe(false);
    expect(message.meta.correlationId).toBeNull();
    expect(typeof message.messageId).toBe('string');
    expect(message.messageId.length).toBeGreaterThan(0);
    expect(message.timestamp).toBeGreaterThanOrEqual(before - 1);
    expect(message.timestamp).toBeLessThanOrEqual(Date.now() / 1000 + 1);
    expect(sender.stats.sent).toBe(1);
    expect(receiver.stats.received).toBe(1);
    expect(receiver.stats.handled).toBe(1);
  });

  it('delivers 100 rapid sends in the order they were sent', async () => {
    const receiver = await agents.start(new Inbox(id('receiver'), { redisUrl, logger }));
    const sender = await agents.start(new Agent(id('sender'), { redisUrl, logger }));

    // Fired without awaiting one another, as a busy agent would.
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, seq) => sender.send(receiver.id, 'seq', { seq })),
    );

    expect(results.every((n) => n === 1)).toBe(true);
    await waitFor(() => receiver.received.length === 100, 5_000, '100 messages');
    expect(receiver.received.map((m) => m.data.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(new Set(receiver.received.map((m) => m.messageId)).size).toBe(100);
  });

  it('send returns 0 when nobody listens, and throws UnknownTargetError with requireReceiver', async () => {
    const sender = await agents.start(new Agent(id('sender'), { redisUrl, logger }));
    const nobody = id('nobody');

    await expect(sender.send(nobody, 'anyone.there', {})).resolves.toBe(0);
    const error = await sender.send(nobody, 'anyone.there', {}, { requireReceiver: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownTargetError);
    expect((error as UnknownTargetError).targetId).toBe(nobody);
  });

  it('refuses to send before start and after stop', async () => {
    const agent = agents.track(new Agent(id('idle'), { redisUrl, logger }));
    await expect(agent.send(id('x'), 't', {})).rejects.toBeInstanceOf(AgentNotStartedError);
    await agent.start();
    await agent.stop();
    await expect(agent.send(id('x'), 't', {})).rejects.toBeInstanceOf(AgentNotStartedError);
  });

  it('runs each class its own handler when two Agent classes handle the same message type', async () => {
    const pinger = await agents.start(new Pinger(id('pinger'), { redisUrl, logger }));
    const ponger = await agents.start(new Ponger(id('ponger'), { redisUrl, logger }));
    const client = await agents.start(new Agent(id('client'), { redisUrl, logger, requestTimeoutMs: 3_000 }));

    const [a, b] = await Promise.all([
      client.request(pinger.id, 'ping', { n: 1 }),
      client.request(ponger.id, 'ping', { n: 2 }),
    ]);

    expect(a.data).toEqual({ from: 'Pinger', echo: 1 });
    expect(a.senderId).toBe(pinger.id);
    expect(b.data).toEqual({ from: 'Ponger', echo: 2 });
    expect(b.senderId).toBe(ponger.id);
  });

  describe('wire format', () => {
    it('publishes exactly the snake_case envelope of the wire contract on agent.{id}', async () => {
      const target = id('raw-target');
      const tap = await probes.tap(redisUrl, MasKeys.agentChannel(target));
      expect(MasKeys.agentChannel(target)).toBe(`agent.${target}`);
      const sender = await agents.start(new Agent(id('sender'), { redisUrl, logger }));

      const before = Date.now() / 1000;
      await expect(sender.send(target, 'greeting.message', { hello: 'world' })).resolves.toBe(1);

      const [{ json }] = await waitFor(() => (tap.messages.length ? tap.messages : undefined));
      expect(Object.keys(json).sort()).toEqual(
        ['data', 'message_id', 'message_type', 'meta', 'sender_id', 'target_id', 'timestamp'].sort(),
      );
      expect(Object.keys(json.meta).sort()).toEqual(['correlation_id', 'expects_reply', 'is_reply', 'version'].sort());
      expect(json).toMatchObject({
        sender_id: sender.id,
        target_id: target,
        message_type: 'greeting.message',
        data: { hello: 'world' },
        meta: { version: 1, correlation_id: null, expects_reply: false, is_reply: false },
      });
      expect(typeof json.timestamp).toBe('number');
      expect(json.timestamp).toBeGreaterThanOrEqual(before - 1);
      expect(json.timestamp).toBeLessThan(before + 60); // seconds, not milliseconds
      expect(typeof json.message_id).toBe('string');
      expect(json.message_id.length).toBeGreaterThan(0);
    });

    it('speaks request/reply with a hand-written (Python-style) peer', async () => {
      const pythonPeer = id('py-peer');
      const tap = await probes.tap(redisUrl, MasKeys.agentChannel(pythonPeer));
      const requester = await agents.start(new Agent(id('requester'), { redisUrl, logger }));
      const publisher = probes.client(redisUrl);

      const pending = requester.request(pythonPeer, 'diagnosis.request', { question: 'why?' }, { timeout: 3_000 });
      const [{ json: request }] = await waitFor(() => (tap.messages.length ? tap.messages : undefined));
      expect(request.meta.expects_reply).toBe(true);
      expect(request.meta.is_reply).toBe(false);
      expect(typeof request.meta.correlation_id).toBe('string');
      expect(request.target_id).toBe(pythonPeer);

      // What pydantic's model_dump_json() of a Python reply looks like (extra meta fields included).
      const reply =
        `{"sender_id":"${pythonPeer}","target_id":"${requester.id}","message_type":"diagnosis.response",` +
        `"data":{"diagnosis":"flu","confidence":0.9},"meta":{"version":1,"correlation_id":"${request.meta.correlation_id}",` +
        `"expects_reply":false,"is_reply":true,"sender_instance_id":null,"reply_to_instance_id":null,` +
        `"traceparent":null,"tracestate":null},"timestamp":${Date.now() / 1000},"message_id":"${process.hrtime.bigint()}"}`;
      await publisher.publish(MasKeys.agentChannel(requester.id), reply);

      const answer = await pending;
      expect(answer.messageType).toBe('diagnosis.response');
      expect(answer.senderId).toBe(pythonPeer);
      expect(answer.data).toEqual({ diagnosis: 'flu', confidence: 0.9 });
    });

    it('hands a raw Python-style envelope to the right handler', async () => {
      const seen: Array<{ data: unknown; message: AgentMessage }> = [];
      class Listener extends Agent {
        @AgentHandler('task.assign')
        assign(data: unknown, message: AgentMessage) {
          seen.push({ data, message });
        }
      }
      const listener = await agents.start(new Listener(id('listener'), { redisUrl, logger }));
      const publisher = probes.client(redisUrl);

      // json.dumps() spacing, a nanosecond message id and fields this runtime does not know.
      const raw =
        `{"sender_id": "python_agent", "target_id": "${listener.id}", "message_type": "task.assign", ` +
        `"data": {"task": "summarise", "priority": 2, "tags": ["a", "b"], "extra": null}, ` +
        `"meta": {"version": 1, "correlation_id": null, "expects_reply": false, "is_reply": false, "traceparent": null}, ` +
        `"timestamp": 1732851234.123456, "message_id": "1732851234123456789", "signature": {"alg": "none"}}`;
      await expect(publisher.publish(MasKeys.agentChannel(listener.id), raw)).resolves.toBe(1);

      const [{ data, message }] = await waitFor(() => (seen.length ? seen : undefined));
      expect(data).toEqual({ task: 'summarise', priority: 2, tags: ['a', 'b'], extra: null });
      expect(message.senderId).toBe('python_agent');
      expect(message.targetId).toBe(listener.id);
      expect(message.messageId).toBe('1732851234123456789');
      expect(message.timestamp).toBe(1732851234.123456);
      expect(listener.stats.malformed).toBe(0);
    });

    it('announces REGISTER and DEREGISTER on mas.system with agent_id and capabilities', async () => {
      const tap = await probes.tap(redisUrl, MasKeys.systemChannel);
      expect(MasKeys.systemChannel).toBe('mas.system');
      const agentId = id('announced');
      const agent = await agents.start(new Agent(agentId, { redisUrl, logger, capabilities: ['chat', 'nlp'] }));

      const mine = () => tap.messages.filter((m) => m.json?.agent_id === agentId).map((m) => m.json);
      const [register] = await waitFor(() => (mine().length >= 1 ? mine() : undefined));
      expect(register).toEqual({ type: 'REGISTER', agent_id: agentId, capabilities: ['chat', 'nlp'] });

      await agent.stop();
      const events = await waitFor(() => (mine().length >= 2 ? mine() : undefined));
      expect(events).toHaveLength(2);
      expect(events[1]).toEqual({ type: 'DEREGISTER', agent_id: agentId, capabilities: ['chat', 'nlp'] });
    });
  });
});

