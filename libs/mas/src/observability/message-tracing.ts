import type * as OtelApi from '@opentelemetry/api';
import type { AgentMessage } from '../protocol';
import { MAS_ATTRIBUTES, MAS_TRACER_NAME, MESSAGING_ATTRIBUTES, MESSAGING_SYSTEM } from './messaging-attributes';
import { otelApi, tracingEnabled } from './otel-api';
import { formatTraceparent, MAX_TRACESTATE_LENGTH, parseTraceparent, WireTraceContext } from './trace-context';

/** A span MAS started, ended by the code that started it. */
export interface MessageSpan {
  /** Records `error` (exception event, ERROR status, `error.type`). */
  fail(error: unknown): void;
  end(): void;
}

/** How a received message is being processed. */
export interface ProcessSpec {
  /** The receiving agent. */
  agentId: string;
  /** The consumer group, for messages read from a reliable inbox. */
  consumerGroup?: string;
}

class OtelMessageSpan implements MessageSpan {
  constructor(
    private readonly api: typeof OtelApi,
    readonly span: OtelApi.Span,
  ) {}

  fail(error: unknown): void {
    recordFailure(this.api, this.span, error);
  }

  end(): void {
    this.span.end();
  }
}

/** Records `error` on `span`: an exception event, ERROR status and `error.type`. */
export function recordFailure(api: typeof OtelApi, span: OtelApi.Span, error: unknown): void {
  const failure = error instanceof Error ? error : new Error(String(error));
  span.recordException(failure);
  span.setAttribute(MESSAGING_ATTRIBUTES.errorType, failure.name || 'Error');
  span.setStatus({ code: api.SpanStatusCode.ERROR, message: failure.message });
}

/** The trace context of `span`, as the wire carries it. */
export function wireContextOf(span: OtelApi.Span): WireTraceContext {
  const context = span.spanContext();
  const tracestate = context.traceState?.serialize();
  return {
    traceparent: formatTraceparent(context.traceId, context.spanId, context.traceFlags),
    ...(tracestate ? { tracestate: tracestate.slice(0, MAX_TRACESTATE_LENGTH) } : {}),
  };
}

/** The remote span context a message's `meta` carries, or undefined. */
export function remoteSpanContext(api: typeof OtelApi, meta: { traceparent?: string; tracestate?: string }): OtelApi.SpanContext | undefined {
  const parsed = parseTraceparent(meta.traceparent);
  if (!parsed) return undefined;
  return {
    traceId: parsed.traceId,
    spanId: parsed.spanId,
    traceFlags: parsed.flags,
    isRemote: true,
    ...(meta.tracestate ? { traceState: api.createTraceState(meta.tracestate) } : {}),
  };
}

/**
 * Spans of an agent's messages, per the OpenTelemetry messaging semantic conventions, recorded only
 * while an application registered an OpenTelemetry SDK: `send {type}` (PRODUCER) around each send,
 * request and reply, its context written into `meta.traceparent` / `meta.tracestate`; `process
 * {type}` (CONSUMER) around each handler, parented on the sender's context and linked to it. Without
 * an SDK (or without `@opentelemetry/api` installed) every method returns at once.
 */
export const messageTracing = {
  /** True while spans are recorded. */
  get enabled(): boolean {
    return tracingEnabled();
  },

  /**
   * Starts the PRODUCER span of an outgoing message (child of the active context) and writes its
   * context into `message.meta`; undefined when no SDK is registered.
   */
  sending(message: AgentMessage): MessageSpan | undefined {
    const api = otelApi();
    if (!tracingEnabled(api)) return undefined;
    const attributes: OtelApi.Attributes = {
      [MESSAGING_ATTRIBUTES.system]: MESSAGING_SYSTEM,
      [MESSAGING_ATTRIBUTES.operationType]: 'send',
      [MESSAGING_ATTRIBUTES.operationName]: 'send',
      [MESSAGING_ATTRIBUTES.destinationName]: message.targetId,
      [MESSAGING_ATTRIBUTES.messageId]: message.messageId,
      [MAS_ATTRIBUTES.messageType]: message.messageType,
      [MAS_ATTRIBUTES.agentId]: message.senderId,
    };
    if (message.meta.correlationId) attributes[MESSAGING_ATTRIBUTES.conversationId] = message.meta.correlationId;
    const span = api.trace.getTracer(MAS_TRACER_NAME).startSpan(`send ${message.messageType}`, { kind: api.SpanKind.PRODUCER, attributes });
    const context = span.spanContext();
    message.meta.traceparent = formatTraceparent(context.traceId, context.spanId, context.traceFlags);
    const tracestate = context.traceState?.serialize();
    if (tracestate) message.meta.tracestate = tracestate.slice(0, MAX_TRACESTATE_LENGTH);
    return new OtelMessageSpan(api, span);
  },

  /**
   * Runs `handle` inside the CONSUMER span of a received message (active, so what the handler sends
   * is its child), parented on and linked to the sender's context; returns `handle()` untouched when
   * no SDK is registered.
   */
  processing<T>(message: AgentMessage, spec: ProcessSpec, handle: () => Promise<T>, failed: (outcome: T) => unknown): Promise<T> {
    const api = otelApi();
    if (!tracingEnabled(api)) return handle();
    const remote = remoteSpanContext(api, message.meta);
    const parent = remote ? api.trace.setSpanContext(api.ROOT_CONTEXT, remote) : api.context.active();
    const attributes: OtelApi.Attributes = {
      [MESSAGING_ATTRIBUTES.system]: MESSAGING_SYSTEM,
      [MESSAGING_ATTRIBUTES.operationType]: 'process',
      [MESSAGING_ATTRIBUTES.operationName]: 'process',
      [MESSAGING_ATTRIBUTES.destinationName]: spec.agentId,
      [MESSAGING_ATTRIBUTES.messageId]: message.messageId,
      [MAS_ATTRIBUTES.messageType]: message.messageType,
      [MAS_ATTRIBUTES.senderId]: message.senderId,
      [MAS_ATTRIBUTES.agentId]: spec.agentId,
      [MAS_ATTRIBUTES.deliveryMode]: spec.consumerGroup ? 'reliable' : 'direct',
      [MAS_ATTRIBUTES.deliveryAttempt]: message.attempt,
    };
    if (message.meta.correlationId) attributes[MESSAGING_ATTRIBUTES.conversationId] = message.meta.correlationId;
    if (spec.consumerGroup) attributes[MESSAGING_ATTRIBUTES.consumerGroupName] = spec.consumerGroup;
    const links = remote ? [{ context: remote }] : undefined;
    const span = api.trace.getTracer(MAS_TRACER_NAME).startSpan(`process ${message.messageType}`, { kind: api.SpanKind.CONSUMER, links, attributes }, parent);
    const traced = new OtelMessageSpan(api, span);
    return api.context.with(api.trace.setSpan(parent, span), handle).then(
      (outcome) => {
        const error = failed(outcome);
        if (error !== undefined) traced.fail(error);
        traced.end();
        return outcome;
      },
      (error: unknown) => {
        traced.fail(error);
        traced.end();
        throw error;
      },
    );
  },
};
