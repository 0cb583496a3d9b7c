import { GatewayDecision, MasError } from '@mas/core';

/**
 * A check of the gateway pipeline refused a message. Guards, interceptors and the router throw a
 * subclass; the decision filter records it (audit, metrics, the sender's decision).
 */
export abstract class GatewayDenialError extends MasError {
  /** The decision this refusal stands for. */
  abstract readonly decision: GatewayDecision;

  constructor(
    /** Why, for the sender and the audit trail (never carries sensitive values). */
    readonly reason: string,
    /** Machine-readable violation code, e.g. `auth:revoked_token`, `dlp:credit_card`. */
    readonly violation: string,
  ) {
    super(reason);
  }
}

/** Token missing, wrong or revoked; sender unknown or not ACTIVE; envelope malformed. */
export class AuthenticationFailedError extends GatewayDenialError {
  override readonly code = 'GATEWAY_AUTH_FAILED';
  readonly decision = 'AUTH_FAILED' as const;
}

/** No ACL entry or role grants the target, the target is blocked, unknown or not ACTIVE. */
export class AuthorizationDeniedError extends GatewayDenialError {
  override readonly code = 'GATEWAY_AUTHZ_DENIED';
  readonly decision = 'AUTHZ_DENIED' as const;
}

/** The sender is over its per-minute or per-hour limit. */
export class RateLimitedError extends GatewayDenialError {
  override readonly code = 'GATEWAY_RATE_LIMITED';
  readonly decision = 'RATE_LIMITED' as const;
}

/** Signature missing or wrong, algorithm not accepted, timestamp outside the drift, nonce reused. */
export class SignatureInvalidError extends GatewayDenialError {
  override readonly code = 'GATEWAY_SIGNATURE_INVALID';
  readonly decision = 'SIGNATURE_INVALID' as const;
}

/** The payload carries a type whose DLP action is BLOCK. */
export class DlpBlockedError extends GatewayDenialError {
  override readonly code = 'GATEWAY_DLP_BLOCKED';
  readonly decision = 'DLP_BLOCKED' as const;
}

/** The target's circuit breaker is OPEN (the message was dead-lettered). */
export class CircuitOpenError extends GatewayDenialError {
  override readonly code = 'GATEWAY_CIRCUIT_OPEN';
  readonly decision = 'CIRCUIT_OPEN' as const;
}

/**
 * The message could not be routed: expired, or delivery failed without a queue (it was dead-lettered
 * then), or larger than its target declared it accepts (`routing:too_large`, refused, not dead-lettered).
 */
export class RoutingFailedError extends GatewayDenialError {
  override readonly code = 'GATEWAY_ROUTING_FAILED';
  readonly decision = 'ROUTING_FAILED' as const;
}
