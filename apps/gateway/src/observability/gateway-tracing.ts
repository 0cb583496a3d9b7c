import type { CallHandler } from '@nestjs/common';
import type * as OtelApi from '@opentelemetry/api';
import { Observable } from 'rxjs';
import {
  MAS_ATTRIBUTES,
  MAS_TRACER_NAME,
  MasKeys,
  MESSAGING_ATTRIBUTES,
  MESSAGING_SYSTEM,
  MessageMeta,
  otelApi,
  recordFailure,
  remoteSpanContext,
  tracingEnabled,
  wireContextOf,
} from '@mas/core';
import type { AuthenticationRefusal } from '../auth/sender-credentials';
import type { GatewayOutcome } from '../message/gateway-outcome.interfaces';
import type { IngressMessage } from '../message/ingress-message';
import type { QueuedMessage } from '../routing/queued-message';

/**
 * Spans of the gateway, recorded only while an OpenTelemetry SDK is registered in its process: one
 * CONSUMER span per ingress message (`gateway {type}`), parented on the sender's `meta.traceparent`,
 * with a child span per check (authentication, authorization, rate limit, signature, DLP, routing,
 * audit) and per delivery; the decision, its reason and violations are recorded on the message span.
 * The envelope delivered to the target carries the routing span's context, so the target's
 * `process` span continues the same trace. Without an SDK each hook is a direct call.
 */

const TRACER = `${MAS_TRACER_NAME}/gateway`;

/** Runs one ingress message through `pipeline` inside its gateway span; records the decision on it. */
export function traceIngress(ingress: IngressMessage, pipeline: () => Promise<GatewayOutcome>): Promise<GatewayOutcome> {
  const api = otelApi();
  if (!tracingEnabled(api)) return pipeline();
  const message = ingress.message;
  const remote = message ? remoteSpanContext(api, message.meta) : undefined;
  const parent = remote ? api.trace.setSpanContext(api.ROOT_CONTEXT, remote) : api.context.active();
  const span = api.trace.getTracer(TRACER).startSpan(
    `gateway ${message?.messageType ?? 'malformed'}`,
    {
      kind: api.SpanKind.CONSUMER,
      links: remote ? [{ context: remote }] : [],
      attributes: {
        [MESSAGING_ATTRIBUTES.system]: MESSAGING_SYSTEM,
        [MESSAGING_ATTRIBUTES.operationType]: 'process',
        [MESSAGING_ATTRIBUTES.operationName]: 'process',
        [MESSAGING_ATTRIBUTES.destinationName]: ingress.stream || MasKeys.gatewayIngress,
        [MESSAGING_ATTRIBUTES.consumerGroupName]: MasKeys.gatewayGroup,
        ...(ingress.messageId ? { [MESSAGING_ATTRIBUTES.messageId]: ingress.messageId } : {}),
        ...(message?.meta.correlationId ? { [MESSAGING_ATTRIBUTES.conversationId]: message.meta.correlationId } : {}),
        ...(message ? { [MAS_ATTRIBUTES.messageType]: message.messageType } : {}),
        ...(ingress.senderId ? { [MAS_ATTRIBUTES.senderId]: ingress.senderId } : {}),
        ...(ingress.targetId ? { 'mas.target.id': ingress.targetId } : {}),
        [MAS_ATTRIBUTES.deliveryAttempt]: ingress.attempt,
      },
    },
    parent,
  );
  return endWhenSettled(api, span, api.context.with(api.trace.setSpan(parent, span), pipeline), (outcome) => {
    span.setAttributes({
      [MAS_ATTRIBUTES.gatewayDecision]: outcome.decision,
      [MAS_ATTRIBUTES.gatewayReason]: outcome.reason,
      ...(ingress.violations.length ? { [MAS_ATTRIBUTES.gatewayViolations]: ingress.violations } : {}),
    });
    if (outcome.decision !== 'ALLOWED') span.setStatus({ code: api.SpanStatusCode.ERROR, message: `${outcome.decision}: ${outcome.reason}` });
  });
}

/**
 * The spans of an entry authentication refused in bulk, outside the pipeline (the ingress consumer
 * screens a batch before it enters it): its gateway span, as {@link traceIngress}, with an
 * `authentication` child carrying the refusal, and whatever `record` does inside it. Without an SDK
 * a direct call, so a flood of junk costs no spans when tracing is off.
 */
export function traceRefusedIngress(ingress: IngressMessage, refusal: AuthenticationRefusal, record: () => Promise<GatewayOutcome>): Promise<GatewayOutcome> {
  const api = otelApi();
  if (!tracingEnabled(api)) return record();
  return traceIngress(ingress, () => {
    const span = api.trace.getTracer(TRACER).startSpan('authentication', {
      attributes: { 'mas.gateway.check': 'authentication', [MAS_ATTRIBUTES.gatewayDecision]: 'AUTH_FAILED', [MAS_ATTRIBUTES.gatewayViolations]: [refusal.violation] },
    });
    span.setStatus({ code: api.SpanStatusCode.ERROR, message: refusal.reason });
    span.end();
    return record();
  });
}

/**
 * Method decorator of a pipeline step (a guard's `canActivate`, an interceptor's `intercept`, the
 * router's `admit`, the decision recorder's `record`): its work runs in a child span named `check`
 * of the active span; a refusal it throws is recorded there (decision, violation, ERROR status).
 */
export function TracedCheck(check: string): MethodDecorator {
  return (_target, _key, descriptor: PropertyDescriptor) => {
    const original = descriptor.value as (...args: unknown[]) => unknown;
    // `arguments` passed straight on: no array is built for each call while nothing traces.
    descriptor.value = function traced(this: unknown): unknown {
      const api = otelApi();
      // eslint-disable-next-line prefer-rest-params
      if (!tracingEnabled(api) || !api.trace.getActiveSpan()) return original.apply(this, arguments as unknown as unknown[]);
      // eslint-disable-next-line prefer-rest-params
      const args = Array.from(arguments as unknown as unknown[]);
      const parent = api.context.active();
      const span = api.trace.getTracer(TRACER).startSpan(check, { attributes: { 'mas.gateway.check': check } });
      // An interceptor's next steps run in the message span's context, not inside this check.
      const [first, next, ...rest] = args;
      const callArgs = isCallHandler(next) ? [first, inContext(api, parent, next), ...rest] : args;
      return settle(api, span, () => api.context.with(api.trace.setSpan(parent, span), () => original.apply(this, callArgs)));
    };
    return descriptor;
  };
}

/**
 * Method decorator of the deliverer's `deliver(message: QueuedMessage)`: a PRODUCER span `deliver
 * {target}` continuing the trace the queued envelope carries (deliveries drained from the priority
 * queues run outside the message's span), with the outcome recorded.
 */
export function TracedDelivery(): MethodDecorator {
  return (_target, _key, descriptor: PropertyDescriptor) => {
    const original = descriptor.value as (message: QueuedMessage, ...rest: unknown[]) => Promise<{ delivered: boolean; reason?: string }>;
    descriptor.value = function traced(this: unknown, message: QueuedMessage): unknown {
      const api = otelApi();
      // eslint-disable-next-line prefer-rest-params
      if (!tracingEnabled(api)) return original.apply(this, arguments as unknown as [QueuedMessage, ...unknown[]]);
      // eslint-disable-next-line prefer-rest-params
      const rest = Array.prototype.slice.call(arguments, 1) as unknown[];
      const carried = traceparentIn(message.envelope);
      const remote = carried ? remoteSpanContext(api, { traceparent: carried }) : undefined;
      const parent = remote ? api.trace.setSpanContext(api.ROOT_CONTEXT, remote) : api.context.active();
      const span = api.trace.getTracer(TRACER).startSpan(
        `deliver ${message.target}`,
        {
          kind: api.SpanKind.PRODUCER,
          attributes: {
            [MESSAGING_ATTRIBUTES.system]: MESSAGING_SYSTEM,
            [MESSAGING_ATTRIBUTES.operationType]: 'send',
            [MESSAGING_ATTRIBUTES.operationName]: 'deliver',
            [MESSAGING_ATTRIBUTES.destinationName]: message.target,
            [MESSAGING_ATTRIBUTES.messageId]: message.messageId,
            'mas.gateway.check': 'delivery',
          },
        },
        parent,
      );
      const run = api.context.with(api.trace.setSpan(parent, span), () => original.call(this, message, ...rest));
      return endWhenSettled(api, span, run, (outcome) => {
        span.setAttribute('mas.delivery.outcome', outcome.delivered ? 'delivered' : (outcome.reason ?? 'failed'));
        if (!outcome.delivered) span.setStatus({ code: api.SpanStatusCode.ERROR, message: outcome.reason });
      });
    };
    return descriptor;
  };
}

/**
 * `meta` of an envelope the gateway forwards, carrying the active span's trace context (the
 * routing span) instead of the sender's; unchanged without an SDK.
 */
export function withGatewayTraceContext(meta: MessageMeta): MessageMeta {
  const api = otelApi();
  const span = tracingEnabled(api) ? api.trace.getActiveSpan() : undefined;
  if (!span) return meta;
  const { traceparent: _sender, tracestate: _state, ...rest } = meta;
  return { ...rest, ...wireContextOf(span) };
}

/** Ends `span` once `run` settles: `record` notes a result on it, a rejection is recorded as the failure. */
function endWhenSettled<T>(api: typeof OtelApi, span: OtelApi.Span, run: Promise<T>, record: (outcome: T) => void): Promise<T> {
  return run.then(
    (outcome) => {
      record(outcome);
      span.end();
      return outcome;
    },
    (error: unknown) => {
      recordFailure(api, span, error);
      span.end();
      throw error;
    },
  );
}

function isCallHandler(value: unknown): value is CallHandler {
  return !!value && typeof (value as CallHandler).handle === 'function';
}

/** `next`, its observable subscribed to in `parent`. */
function inContext(api: typeof OtelApi, parent: OtelApi.Context, next: CallHandler): CallHandler {
  return { handle: () => new Observable((subscriber) => api.context.with(parent, () => next.handle().subscribe(subscriber))) };
}

/** Ends `span` when `run` settles (sync or async), recording a thrown refusal. */
function settle(api: typeof OtelApi, span: OtelApi.Span, run: () => unknown): unknown {
  const fail = (error: unknown) => {
    const denial = error as { decision?: string; violation?: string };
    if (denial.decision) span.setAttribute(MAS_ATTRIBUTES.gatewayDecision, denial.decision);
    if (denial.violation) span.setAttribute(MAS_ATTRIBUTES.gatewayViolations, [denial.violation]);
    recordFailure(api, span, error);
    span.end();
  };
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    fail(error);
    throw error;
  }
  if (!(result instanceof Promise)) {
    span.end();
    return result;
  }
  return result.then(
    (value: unknown) => {
      span.end();
      return value;
    },
    (error: unknown) => {
      fail(error);
      throw error;
    },
  );
}

const TRACEPARENT_IN_ENVELOPE = /"traceparent":"(00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2})"/;

/** The `meta.traceparent` of an encoded envelope, without parsing all of it. */
function traceparentIn(envelope: string): string | undefined {
  return TRACEPARENT_IN_ENVELOPE.exec(envelope)?.[1];
}
