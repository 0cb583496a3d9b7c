import { MasError } from './mas.error';

/** Raw bytes on an agent channel that are not a valid envelope. */
export class MalformedEnvelopeError extends MasError {
  override readonly code = 'MALFORMED_ENVELOPE';
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Malformed envelope: ${reason}`, options);
  }
}

/** An envelope larger than the configured `maxMessageBytes`. */
export class MessageTooLargeError extends MasError {
  override readonly code = 'MESSAGE_TOO_LARGE';
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`Message of ${size} bytes exceeds the limit of ${limit} bytes`);
  }
}

/** A state update that the agent's state model rejects; nothing was changed. */
export class StateValidationError extends MasError {
  override readonly code = 'STATE_INVALID';
  constructor(
    readonly agentId: string,
    readonly violations: string[],
  ) {
    super(`State update for "${agentId}" rejected: ${violations.join('; ')}`);
  }
}
