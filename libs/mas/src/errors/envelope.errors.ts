import { MasError } from './mas.error';

/** Raw bytes on an agent channel that are not a valid envelope. */
export class MalformedEnvelopeError extends MasError {
  override readonly code = 'MALFORMED_ENVELOPE';
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Malformed envelope: ${reason}`, options);
  }
}

/** An envelope larger than the receiver's `maxMessageBytes` (refused by the sender, or dropped by the receiver). */
export class MessageTooLargeError extends MasError {
  override readonly code = 'MESSAGE_TOO_LARGE';
  constructor(
    readonly size: number,
    readonly limit: number,
    /** The agent whose limit it is, when known. */
    readonly targetId?: string,
  ) {
    super(`Message of ${size} bytes exceeds the limit of ${limit} bytes${targetId ? ` of "${targetId}"` : ''}`);
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

/**
 * A message that cannot be written as JSON (a BigInt, a circular reference, nesting too deep for
 * the encoder): nothing was sent.
 */
export class MessageEncodingError extends MasError {
  override readonly code = 'MESSAGE_UNENCODABLE';
  constructor(
    readonly messageType: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Message "${messageType}" cannot be encoded as JSON: ${reason}`, options);
  }
}
