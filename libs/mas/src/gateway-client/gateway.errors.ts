import { MasError } from '../errors/mas.error';
import type { GatewayDecision } from './gateway.constants';

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
