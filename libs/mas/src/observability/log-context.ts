import type { AgentMessage } from '../protocol';
import { traceIdOf } from './trace-context';

/**
 * How log lines name a message: its id, type and sender, and the trace it belongs to when its
 * sender traced it (`meta.traceparent`), so a log line leads to the trace. The agent id is the
 * logger's context (`Agent {id}`).
 */
export function describeMessage(message: AgentMessage): string {
  const traceId = traceIdOf(message.meta);
  return `message ${message.messageId} "${message.messageType}" from ${message.senderId}${traceId ? ` (trace ${traceId})` : ''}`;
}
