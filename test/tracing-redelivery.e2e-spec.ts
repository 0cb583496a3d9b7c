import { SpanKind } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, AgentMessage, MasKeys } from '@mas/core';
import { quietLogger, readHandled, reliableSuite, TEST_TIMEOUT, waitFor } from './support/reliable-helpers';
import { parentOf, TestTracing } from './support/tracing';

/**
 * A reliable message whose receiver process is SIGKILLed in the middle of its handler is redelivered
 * to the next consumer; its `process` span continues (and links to) the trace of the original send.
 */
const SPEC = 'trace-redeliver';
const inbox = { claimIdleMs: 400, blockMs: 200 };

class Survivor extends Agent {
  @AgentHandler('slow')
  slow(_data: unknown, message: AgentMessage) {
    return { attempt: message.attempt };
  }
}

describe('tracing a reliable redelivery after a crash (real processes)', () => {
  const { redisUrl, sender, agentId, start, scratch } = reliableSuite(SPEC, 6);
  const tracing = new TestTracing();
  let survivor: Survivor | undefined;

  beforeAll(() => void tracing.install());
  afterAll(async () => {
    await survivor?.stop();
    await tracing.uninstall();
  });

  it('the redelivered message is processed in the trace of its original send, linked to it', async () => {
    const id = agentId('crash');
    const log = scratch.file(`${id}.log`);
    const first = await start({ redisUrl, agentId: id, log, inbox });
    await sender.send(id, 'slow', { ms: 60_000 }, { reliable: true });
    const send = await waitFor(() => tracing.find('send slow', (s) => s.attributes['messaging.destination.name'] === id, SpanKind.PRODUCER), 5_000, 'the send span');
    await waitFor(() => readHandled(log).length === 1, 20_000, 'the first receiver started the handler');
    await first.kill(); // SIGKILL in the middle of the handler: the entry stays pending, never acked

    survivor = new Survivor(id, { redisUrl, delivery: 'reliable', inbox, logger: quietLogger, heartbeatIntervalMs: 200, heartbeatTtlMs: 1_000 });
    await survivor.start();
    const process = await waitFor(
      () => tracing.find('process slow', (s) => s.attributes['messaging.destination.name'] === id, SpanKind.CONSUMER),
      20_000,
      'the redelivered message processed',
    );
    expect(process.attributes).toMatchObject({
      'mas.delivery.attempt': 2,
      'messaging.consumer.group.name': MasKeys.inboxGroup,
      'messaging.message.id': send.attributes['messaging.message.id'],
    });
    expect(process.spanContext().traceId).toBe(send.spanContext().traceId);
    expect(parentOf(process)).toBe(send.spanContext().spanId);
    expect(process.links).toHaveLength(1);
    expect(process.links[0].context).toMatchObject({ traceId: send.spanContext().traceId, spanId: send.spanContext().spanId });
  }, TEST_TIMEOUT);
});
