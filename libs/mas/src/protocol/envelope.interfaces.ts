/** Delivery priority carried in `meta.priority` (used by the gateway; ignored on direct delivery). */
export type MessagePriority = 'CRITICAL' | 'HIGH' | 'NORMAL' | 'LOW' | 'BULK';

/** The error block carried by an error reply in `meta.error`. */
export interface WireError {
  /** Error class name on the replying side, e.g. `PayloadValidationError`. */
  type: string;
  /** Human-readable message. */
  message: string;
  /** Structured details (validation violations, an HTTP exception's response body, ...). */
  details?: unknown;
  /** ours: the HTTP status of an `HttpException` the handler threw (Nest's `getStatus()`). */
  status?: number;
}

/** `meta` exactly as it travels (snake_case), shared with the Python implementation. */
export interface WireMeta {
  version: number;
  correlation_id: string | null;
  expects_reply: boolean;
  is_reply: boolean;
  error?: WireError;
  priority?: MessagePriority;
  /** ours: epoch seconds after which the requester no longer waits; receivers drop the request then. */
  deadline?: number;
  /** W3C Trace Context of the sender's span (written while an OpenTelemetry SDK is registered). */
  traceparent?: string;
  /** W3C `tracestate` going with {@link WireMeta.traceparent}. */
  tracestate?: string;
  [extra: string]: unknown;
}

/** The envelope exactly as it travels on Redis (snake_case). */
export interface WireEnvelope {
  sender_id: string;
  target_id: string;
  message_type: string;
  data: Record<string, unknown>;
  meta: WireMeta;
  /** Epoch seconds as a float. */
  timestamp: number;
  message_id: string;
  [extra: string]: unknown;
}

/** `meta` as seen from TypeScript (camelCase). */
export interface MessageMeta {
  version: number;
  correlationId: string | null;
  expectsReply: boolean;
  isReply: boolean;
  error?: WireError;
  priority?: MessagePriority;
  /** Epoch seconds after which the requester no longer waits (requests; `meta.deadline`). */
  deadline?: number;
  /** W3C `traceparent` of the span that sent the message (`meta.traceparent`). */
  traceparent?: string;
  /** W3C `tracestate` (`meta.tracestate`). */
  tracestate?: string;
}

/** Payload object of a message. */
export type MessageData = Record<string, unknown>;
