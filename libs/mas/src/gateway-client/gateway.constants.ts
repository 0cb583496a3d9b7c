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
