/** `sender_id` of the decisions the gateway sends back. */
export const GATEWAY_SENDER_ID = 'mas.gateway';

import type { GatewayDecision } from '../errors/gateway.errors';

/** Message type of the decision the gateway sends back to a sender (one decision, a reply to `gw:{message_id}`). */
export const GATEWAY_DECISION_TYPE = 'mas.gateway.decision';

/**
 * Message type of the decisions the gateway sends back to one sender at once (`data.decisions`, a
 * list of {@link GatewayDecisionNotice}): one envelope, one signature check and one PUBLISH for all the
 * decisions about that sender's messages taken in one event-loop turn.
 */
export const GATEWAY_DECISIONS_TYPE = 'mas.gateway.decisions';

/** One decision of a {@link GATEWAY_DECISIONS_TYPE} envelope. */
export interface GatewayDecisionNotice {
  message_id: string;
  decision: GatewayDecision;
  reason: string;
}

/** Correlation id of the decision about message `messageId`. */
export const decisionCorrelationId = (messageId: string): string => `gw:${messageId}`;

/** Fields of an entry of the ingress stream `mas.gateway.ingress`. */
export const INGRESS_FIELDS = {
  /** The signed envelope (JSON). */
  envelope: 'envelope',
  /** The sender's registry token. */
  token: 'token',
  /** `1` when the sender waits for a decision, `0` for fire-and-forget (replies). */
  notify: 'notify',
  /**
   * `1` on an entry a provisioned agent appends to its own ingress stream to dead-letter one of its
   * inbox entries (the other fields are the dead letter's): its user may not write `dlq:messages`,
   * the gateway files the letter there under the stream's owner.
   */
  deadLetter: 'dead_letter',
  /**
   * A zero-trust (provisioned) sender's signature (JSON: alg, sender, target, nonce, value) over the
   * `envelope` field exactly as written (see `signEnvelopeText`); other senders sign inside the envelope.
   */
  signature: 'signature',
} as const;

/** Signature algorithms an agent can sign with. */
export type SignatureAlgorithm = 'hmac-sha256' | 'ed25519';

/**
 * A sender's signature block: inside the envelope (top-level `signature`, over its canonical form
 * with the nonce) for gateway-mode agents; in the ingress entry's `signature` field (over the
 * envelope text as written, with the nonce) for provisioned ones.
 */
export interface SignatureBlock {
  alg: SignatureAlgorithm;
  /** Single-use random nonce (hex). */
  nonce: string;
  /** Base64 signature over what the block's place says it covers (which includes the nonce). */
  value: string;
}
