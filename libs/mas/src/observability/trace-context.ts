/**
 * W3C Trace Context (`traceparent` / `tracestate`) as MAS carries it in `meta` of every envelope:
 * plain strings, parsed and formatted here without OpenTelemetry, so logs can name a message's trace
 * even in a process that records no spans. The Python implementation ignores both fields.
 */

/** `00-{32 hex trace id}-{16 hex parent span id}-{2 hex flags}`, lower case (version 00). */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?$/;
const INVALID_TRACE_ID = '0'.repeat(32);
const INVALID_SPAN_ID = '0'.repeat(16);

/** Longest `tracestate` kept (the W3C limit is 32 members; 512 characters is what propagators keep). */
export const MAX_TRACESTATE_LENGTH = 512;

/** The trace context of one message, as the wire carries it. */
export interface WireTraceContext {
  traceparent: string;
  tracestate?: string;
}

/** What a `traceparent` says. */
export interface ParsedTraceparent {
  traceId: string;
  spanId: string;
  /** Trace flags (bit 0: sampled). */
  flags: number;
}

/** Parses a `traceparent`; undefined when it is absent, malformed or all zeros. */
export function parseTraceparent(value: unknown): ParsedTraceparent | undefined {
  if (typeof value !== 'string' || value.length < 55 || value.length > 256) return undefined;
  const match = TRACEPARENT.exec(value);
  if (!match || match[1] === 'ff') return undefined;
  if (match[1] === '00' && value.length !== 55) return undefined;
  const [, , traceId, spanId, flags] = match;
  if (traceId === INVALID_TRACE_ID || spanId === INVALID_SPAN_ID) return undefined;
  return { traceId, spanId, flags: Number.parseInt(flags, 16) };
}

/** Formats a version-00 `traceparent`. */
export function formatTraceparent(traceId: string, spanId: string, flags: number): string {
  return `00-${traceId}-${spanId}-${(flags & 0xff).toString(16).padStart(2, '0')}`;
}

/** The trace id of a message's `meta.traceparent`, for logs; undefined when it carries none. */
export function traceIdOf(meta: { traceparent?: string }): string | undefined {
  return meta.traceparent ? parseTraceparent(meta.traceparent)?.traceId : undefined;
}
