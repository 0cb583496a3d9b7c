/** `sender_id` of the decisions the gateway sends back. */
export const GATEWAY_SENDER_ID = 'mas.gateway';

/** Message type of the decision the gateway sends back to a sender. */
export const GATEWAY_DECISION_TYPE = 'mas.gateway.decision';

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
} as const;

/** Signature algorithms an agent can sign with. */
export type SignatureAlgorithm = 'hmac-sha256' | 'ed25519';

/** The signature block an envelope carries in gateway mode (top-level `signature`). */
export interface SignatureBlock {
  alg: SignatureAlgorithm;
  /** Single-use random nonce (hex). */
  nonce: string;
  /** Base64 signature over the canonical envelope (which includes the nonce). */
  value: string;
}
