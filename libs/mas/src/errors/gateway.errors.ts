import { MasError } from './mas.error';

/** Gateway decisions and their wire names. */
export type GatewayDecision =
  | 'ALLOWED'
  | 'AUTH_FAILED'
  | 'SIGNATURE_INVALID'
  | 'AUTHZ_DENIED'
  | 'RATE_LIMITED'
  | 'DLP_BLOCKED'
  | 'CIRCUIT_OPEN'
  | 'ROUTING_FAILED'
  | 'SERVICE_UNAVAILABLE';

/** The gateway refused a message; `decision` says which check refused it. */
export class GatewayRejectedError extends MasError {
  override readonly code = 'GATEWAY_REJECTED';
  constructor(
    readonly decision: GatewayDecision,
    readonly reason: string,
  ) {
    super(`Gateway rejected the message: ${decision}: ${reason}`);
  }
}
