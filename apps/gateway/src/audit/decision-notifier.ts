import { Injectable } from '@nestjs/common';
import {
  createMessage,
  decisionCorrelationId,
  GATEWAY_DECISION_TYPE,
  GATEWAY_SENDER_ID,
  GatewayDecision,
  GatewayRejectedError,
  MasConnection,
  publishPayload,
  toWireError,
} from '@mas/core';
import { GatewaySecrets } from '../identity/gateway-secrets';

/**
 * Tells a waiting sender the decision about its message: a reply envelope on `agent.{sender}` with
 * correlation id `gw:{message_id}`, carrying `meta.error` (type GatewayRejectedError, the decision in
 * its details) unless the decision is ALLOWED — so the sender's `send` resolves or rejects. Signed by
 * the gateway's identity (`gateway_signature`, with the other decisions and deliveries of its turn),
 * so an agent can tell it from a forged decision.
 */
@Injectable()
export class DecisionNotifier {
  constructor(
    private readonly redis: MasConnection,
    private readonly secrets: GatewaySecrets,
  ) {}

  /**
   * The signed decision, ready for {@link publish}: signed now with the other records of this turn,
   * so a caller that must first record the decision signs it meanwhile instead of a turn later.
   */
  async prepare(senderId: string, messageId: string, decision: GatewayDecision, reason: string): Promise<string> {
    const message = createMessage({
      senderId: GATEWAY_SENDER_ID,
      targetId: senderId,
      messageType: GATEWAY_DECISION_TYPE,
      data: { message_id: messageId, decision, reason },
      correlationId: decisionCorrelationId(messageId),
      isReply: true,
      error: decision === 'ALLOWED' ? undefined : toWireError(new GatewayRejectedError(decision, reason)),
    });
    return this.secrets.identity.encodeSignedInBatch(message.toWire() as unknown as Record<string, unknown>);
  }

  /** Publishes a decision {@link prepare} signed to its waiting sender. */
  async publish(senderId: string, signed: string): Promise<void> {
    await publishPayload(this.redis.command, this.redis.keys, senderId, signed);
  }
}
