/**
 * Attribute names of the OpenTelemetry messaging semantic conventions MAS spans carry (registry
 * `messaging.*`, development status at the time of writing), and MAS's own.
 */
export const MESSAGING_ATTRIBUTES = {
  system: 'messaging.system',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  destinationName: 'messaging.destination.name',
  messageId: 'messaging.message.id',
  conversationId: 'messaging.message.conversation_id',
  consumerGroupName: 'messaging.consumer.group.name',
  bodySize: 'messaging.message.body.size',
  errorType: 'error.type',
} as const;

/** MAS's own span attributes. */
export const MAS_ATTRIBUTES = {
  messageType: 'mas.message.type',
  senderId: 'mas.sender.id',
  agentId: 'mas.agent.id',
  deliveryAttempt: 'mas.delivery.attempt',
  deliveryMode: 'mas.delivery.mode',
  outcome: 'mas.handler.outcome',
  gatewayDecision: 'mas.gateway.decision',
  gatewayReason: 'mas.gateway.reason',
  gatewayViolations: 'mas.gateway.violations',
} as const;

/** `messaging.system` of every MAS span. */
export const MESSAGING_SYSTEM = 'mas';

/** Name of the tracer MAS spans come from (instrumentation scope). */
export const MAS_TRACER_NAME = '@mas/core';
