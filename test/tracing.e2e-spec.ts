import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, MasKeys, parseTraceparent } from '@mas/core';
import { AgentTracker, ChannelTap, QuietLogger, redisUrlFor, uniqueId, waitFor } from './support/e2e-helpers';
import { parentOf, TestTracing } from './support/tracing';

/**
 * Traces across agents with the OpenTelemetry SDK's in-memory exporter: request/reply gives a
 * PRODUCER and a CONSUMER span in one trace with the messaging semantic-convention attributes, the
 * context travels in `meta.traceparent`, logs name the trace, and without an SDK nothing is written.
 */
const SPEC = 'tracing';
const redisUrl = redisUrlFor(3);

class Calculator extends Agent {
  @AgentHandler('calc.add')
  add(input: { a: number; b: number }) {
    return { sum: input.a + input.b };
  }

  @AgentHandler('calc.fail')
  fail(): never {
    throw new RangeError('no such sum');
  }
}

describe('tracing (OpenTelemetry SDK, in-memory exporter)', () => {
  const tracing = new TestTracing();
  const agents = new AgentTracker();

  beforeAll(() => void tracing.install());
  afterEach(async () => {
    await agents.stopAll();
    tracing.exporter.reset();
  });
  afterAll(async () => {
    await tracing.uninstall();
  });

  const pair = async (delivery: 'direct' | 'reliable' = 'direct') => {
    const logger = new QuietLogger();
    const b = await agents.start(new Calculator(uniqueId(SPEC, 'b'), { redisUrl, delivery, logger }));
    const a = await agents.start(new Agent(uniqueId(SPEC, 'a'), { redisUrl, logger: new QuietLogger() }));
    return { a, b, logger };
  };

  it('request/reply A ↔ B: a PRODUCER span and a CONSUMER span in one trace, with the messaging attributes', async () => {
    const { a, b } = await pair();
    const reply = await a.request(b.id, 'calc.add', { a: 2, b: 3 }, { timeout: 5_000 });
    expect(reply.data).toEqual({ sum: 5 });

    const send = await waitFor(() => tracing.find('send calc.add', (s) => s.attributes['messaging.destination.name'] === b.id, SpanKind.PRODUCER));
    const process = await waitFor(() => tracing.find('process calc.add', (s) => s.attributes['messaging.destination.name'] === b.id, SpanKind.CONSUMER));
    expect(process.spanContext().traceId).toBe(send.spanContext().traceId);
    expect(parentOf(process)).toBe(send.spanContext().spanId);
    expect(process.links.map((link) => link.context.spanId)).toEqual([send.spanContext().spanId]);

    const correlationId = send.attributes['messaging.message.conversation_id'];
    expect(typeof correlationId).toBe('string');
    expect(send.attributes).toMatchObject({
      'messaging.system': 'mas',
      'messaging.operation.type': 'send',
      'messaging.operation.name': 'send',
      'messaging.destination.name': b.id,
    });
    expect(process.attributes).toMatchObject({
      'messaging.system': 'mas',
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.destination.name': b.id,
      'messaging.message.id': send.attributes['messaging.message.id'],
      'messaging.message.conversation_id': correlationId,
      'mas.sender.id': a.id,
    });
    expect(process.attributes['messaging.consumer.group.name']).toBeUndefined(); // direct: no group

    // The reply B sends from inside its handler is a child of the CONSUMER span, in the same trace.
    const replySend = await waitFor(() => tracing.find('send calc.add.reply', (s) => s.attributes['messaging.destination.name'] === a.id));
    expect(replySend.spanContext().traceId).toBe(send.spanContext().traceId);
    expect(parentOf(replySend)).toBe(process.spanContext().spanId);
    expect(replySend.attributes['messaging.message.conversation_id']).toBe(correlationId);
  });

  it('reliable request: the CONSUMER span names the consumer group; a send inside the caller\'s span joins its trace', async () => {
    const { a, b } = await pair('reliable');
    const reply = await trace.getTracer('spec').startActiveSpan('checkout', async (span) => {
      try {
        return await a.request(b.id, 'calc.add', { a: 1, b: 1 }, { reliable: true, timeout: 5_000 });
      } finally {
        span.end();
      }
    });
    expect(reply.data).toEqual({ sum: 2 });
    const checkout = await waitFor(() => tracing.find('checkout'));
    const send = await waitFor(() => tracing.find('send calc.add', (s) => s.attributes['messaging.destination.name'] === b.id));
    const process = await waitFor(() => tracing.find('process calc.add', (s) => s.attributes['messaging.destination.name'] === b.id));
    expect(parentOf(send)).toBe(checkout.spanContext().spanId);
    expect(process.spanContext().traceId).toBe(checkout.spanContext().traceId);
    expect(process.attributes).toMatchObject({ 'messaging.consumer.group.name': MasKeys.inboxGroup, 'mas.delivery.mode': 'reliable', 'mas.delivery.attempt': 1 });
  });

  it('a failing handler: the CONSUMER span has ERROR status and error.type, and the log line names the trace', async () => {
    const { a, b, logger } = await pair();
    await expect(a.request(b.id, 'calc.fail', {}, { timeout: 5_000 })).rejects.toThrow(/no such sum/);
    const process = await waitFor(() => tracing.find('process calc.fail', (s) => s.attributes['messaging.destination.name'] === b.id));
    expect(process.status.code).toBe(SpanStatusCode.ERROR);
    expect(process.attributes['error.type']).toBe('RangeError');
    expect(process.events.map((event) => event.name)).toContain('exception');
    const traceId = process.spanContext().traceId;
    await waitFor(() => logger.warnings.some((line) => line.includes(`(trace ${traceId})`)), 2_000, () => `a warning naming trace ${traceId}: ${logger.warnings.join(' | ')}`);
  });

  it('the envelope carries a W3C traceparent in meta', async () => {
    const { a } = await pair();
    const target = uniqueId(SPEC, 'tap');
    const tap = await new ChannelTap(redisUrl).subscribe(MasKeys.agentChannel(target));
    try {
      await a.send(target, 'note', { n: 1 });
      const [first] = await waitFor(() => (tap.messages.length ? tap.messages : undefined));
      const meta = first.json.meta as Record<string, unknown>;
      const parsed = parseTraceparent(meta.traceparent);
      const send = await waitFor(() => tracing.find('send note', (s) => s.attributes['messaging.destination.name'] === target));
      expect(parsed).toEqual({ traceId: send.spanContext().traceId, spanId: send.spanContext().spanId, flags: 1 });
    } finally {
      await tap.close();
    }
  });
});

describe('without an OpenTelemetry SDK', () => {
  const agents = new AgentTracker();
  afterAll(() => agents.stopAll());

  it('records nothing and writes no trace context', async () => {
    const a = await agents.start(new Agent(uniqueId(SPEC, 'plain'), { redisUrl, logger: new QuietLogger() }));
    const target = uniqueId(SPEC, 'plain-tap');
    const tap = await new ChannelTap(redisUrl).subscribe(MasKeys.agentChannel(target));
    try {
      await a.send(target, 'note', { n: 1 });
      const [first] = await waitFor(() => (tap.messages.length ? tap.messages : undefined));
      const meta = first.json.meta as Record<string, unknown>;
      expect(meta).not.toHaveProperty('traceparent');
      expect(meta).not.toHaveProperty('tracestate');
    } finally {
      await tap.close();
    }
  });
});
