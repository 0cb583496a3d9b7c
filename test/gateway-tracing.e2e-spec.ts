import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { INGRESS_FIELDS, MasKeys } from '@mas/core';
import { decisionOf, gatewayAgentFactory, gatewaySuite } from './gateway/spec-helpers';
import { waitFor } from './support/e2e-helpers';
import { parentOf, TestTracing } from './support/tracing';

/** One trace across A → gateway → B, with a span per gateway check, recorded by the SDK's in-memory exporter. */
const SPEC = 'gw-trace';
const CHECKS = ['authentication', 'signature', 'authorization', 'rate limit', 'dlp', 'routing', 'audit'];

describe('tracing through the gateway', () => {
  const suite = gatewaySuite(13);
  const agent = gatewayAgentFactory(SPEC, () => suite.redisUrl, suite.agents);
  const tracing = new TestTracing();

  beforeAll(() => void tracing.install());
  afterAll(() => tracing.uninstall());

  const spanOf = (spans: ReadableSpan[], name: string) => {
    const span = spans.find((s) => s.name === name);
    if (!span) throw new Error(`no span "${name}" among ${spans.map((s) => s.name).join(', ')}`);
    return span;
  };

  it('A → gateway → B is one trace: send, the gateway span with one child per check, delivery, process', async () => {
    const b = await agent('b');
    const a = await agent('a');
    expect(await decisionOf(a.agent.send(b.agent.id, 'order.placed', { order: 7 }))).toBe('ALLOWED');
    await waitFor(() => b.received.length === 1, 10_000, 'B received the message');

    const send = await waitFor(() => tracing.find('send order.placed', (s) => s.attributes['messaging.destination.name'] === b.agent.id, SpanKind.PRODUCER));
    const traceId = send.spanContext().traceId;
    const process = await waitFor(() => tracing.find('process order.placed', (s) => s.spanContext().traceId === traceId, SpanKind.CONSUMER));
    await waitFor(() => tracing.find(`deliver ${b.agent.id}`, (s) => s.spanContext().traceId === traceId));
    const spans = tracing.inTrace(traceId);

    const gateway = spanOf(spans, 'gateway order.placed');
    expect(gateway.kind).toBe(SpanKind.CONSUMER);
    expect(parentOf(gateway)).toBe(send.spanContext().spanId);
    expect(gateway.attributes).toMatchObject({
      'messaging.system': 'mas',
      'messaging.operation.type': 'process',
      'messaging.destination.name': MasKeys.gatewayIngress,
      'messaging.consumer.group.name': MasKeys.gatewayGroup,
      'messaging.message.id': send.attributes['messaging.message.id'],
      'mas.sender.id': a.agent.id,
      'mas.gateway.decision': 'ALLOWED',
    });
    for (const check of CHECKS) expect(parentOf(spanOf(spans, check)), check).toBe(gateway.spanContext().spanId);

    const routing = spanOf(spans, 'routing');
    const delivery = spanOf(spans, `deliver ${b.agent.id}`);
    expect(delivery.kind).toBe(SpanKind.PRODUCER);
    expect(parentOf(delivery)).toBe(routing.spanContext().spanId);
    expect(delivery.attributes['mas.delivery.outcome']).toBe('delivered');
    // B continues the trace from the envelope the gateway delivered (and signed).
    expect(parentOf(process)).toBe(routing.spanContext().spanId);
    expect(process.attributes).toMatchObject({ 'messaging.destination.name': b.agent.id, 'messaging.consumer.group.name': MasKeys.inboxGroup, 'mas.sender.id': a.agent.id });
  });

  it('a denied message: the check that refused it and the gateway span carry the decision, with ERROR status', async () => {
    const a = await agent('denied');
    const nobody = `${SPEC}-nobody`;
    expect(await decisionOf(a.agent.send(nobody, 'order.placed', { order: 8 }))).toBe('AUTHZ_DENIED');
    const send = await waitFor(() => tracing.find('send order.placed', (s) => s.attributes['messaging.destination.name'] === nobody));
    const traceId = send.spanContext().traceId;
    const gateway = await waitFor(() => tracing.find('gateway order.placed', (s) => s.spanContext().traceId === traceId));
    expect(gateway.attributes['mas.gateway.decision']).toBe('AUTHZ_DENIED');
    expect(gateway.status.code).toBe(SpanStatusCode.ERROR);
    const authorization = spanOf(tracing.inTrace(traceId), 'authorization');
    expect(authorization.status.code).toBe(SpanStatusCode.ERROR);
    expect(authorization.attributes['mas.gateway.decision']).toBe('AUTHZ_DENIED');
    expect(tracing.inTrace(traceId).some((s) => s.name === 'routing')).toBe(false); // never got that far
    // The send itself failed with the decision.
    expect(send.status.code).toBe(SpanStatusCode.ERROR);
  });
  it('an entry authentication refuses (screened with its batch, outside the pipeline) still has its gateway span and the refusing check', async () => {
    const a = await agent('forged');
    const b = await agent('forged-to');
    const traceId = randomBytes(16).toString('hex');
    const meta = { version: 1, correlation_id: null, expects_reply: false, is_reply: false, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` };
    const forged = { sender_id: a.agent.id, target_id: b.agent.id, message_type: 'forged', data: {}, meta, timestamp: Date.now() / 1000, message_id: `forged-${traceId}` };
    await suite.redis.xadd(MasKeys.gatewayIngress, '*', INGRESS_FIELDS.envelope, JSON.stringify(forged), INGRESS_FIELDS.token, 'not-the-token', INGRESS_FIELDS.notify, '1');
    const gateway = await waitFor(() => tracing.find('gateway forged', (s) => s.spanContext().traceId === traceId, SpanKind.CONSUMER));
    expect(gateway.attributes['mas.gateway.decision']).toBe('AUTH_FAILED');
    expect(gateway.status.code).toBe(SpanStatusCode.ERROR);
    const authentication = spanOf(tracing.inTrace(traceId), 'authentication');
    expect(parentOf(authentication)).toBe(gateway.spanContext().spanId);
    expect(authentication.status.code).toBe(SpanStatusCode.ERROR);
    expect(authentication.attributes['mas.gateway.decision']).toBe('AUTH_FAILED');
    expect(authentication.attributes['mas.gateway.violations']).toEqual(['auth:invalid_token']);
    expect(b.received).toHaveLength(0);
  });
});
