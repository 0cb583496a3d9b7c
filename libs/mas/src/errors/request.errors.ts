import { MasError } from './mas.error';

/** A request got no reply within its timeout. */
export class RequestTimeoutError extends MasError {
  override readonly code = 'REQUEST_TIMEOUT';
  constructor(
    readonly targetId: string,
    readonly messageType: string,
    readonly timeoutMs: number,
  ) {
    super(`Request "${messageType}" to "${targetId}" got no reply within ${timeoutMs} ms`);
  }
}

/** Marks errors that are a {@link RemoteHandlerError} without extending it (`RemoteHttpError`). */
export const REMOTE_HANDLER_ERROR = Symbol.for('mas.RemoteHandlerError');

/**
 * The remote handler threw: the requester receives this with the remote error's type and message,
 * its details (an HttpException's response body, an RpcException's error) and, for an
 * HttpException, its HTTP `status`. In a Nest app (`@mas/core/nest`) one with a status arrives as
 * `RemoteHttpError`, an `HttpException` Nest answers with that status — and still
 * `instanceof RemoteHandlerError`, with the same fields.
 */
export class RemoteHandlerError extends MasError {
  /** True for instances, and for errors marked {@link REMOTE_HANDLER_ERROR} (an HttpException cannot extend this class). */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    return this === RemoteHandlerError && typeof value === 'object' && value !== null && REMOTE_HANDLER_ERROR in value;
  }

  override readonly code: string = 'REMOTE_HANDLER_ERROR';
  constructor(
    readonly targetId: string,
    readonly remoteType: string,
    readonly remoteMessage: string,
    readonly details?: unknown,
    readonly status?: number,
  ) {
    super(`Handler of "${targetId}" failed: ${remoteType}: ${remoteMessage}`);
  }
}

/** A payload did not match the handler's model (raised locally, or received as an error reply). */
export class PayloadValidationError extends MasError {
  override readonly code = 'PAYLOAD_INVALID';
  constructor(
    readonly messageType: string,
    readonly violations: string[],
    readonly agentId?: string,
  ) {
    super(
      `Payload of "${messageType}"${agentId ? ` for "${agentId}"` : ''} is invalid: ${violations.join('; ')}`,
    );
  }
}

/** The target has no handler for the message type and no `onMessage` fallback. */
export class NoHandlerError extends MasError {
  override readonly code = 'NO_HANDLER';
  constructor(
    readonly agentId: string,
    readonly messageType: string,
  ) {
    super(`Agent "${agentId}" has no handler for "${messageType}"`);
  }
}

/** A pending request was abandoned because the agent stopped or its connection to Redis was lost. */
export class RequestAbortedError extends MasError {
  override readonly code = 'REQUEST_ABORTED';
  constructor(
    readonly targetId: string,
    readonly messageType: string,
    readonly reason: string,
  ) {
    super(`Request "${messageType}" to "${targetId}" aborted: ${reason}`);
  }
}

/** A handler ran past the deadline it declared (`@AgentHandler(type, { timeout })`). */
export class HandlerTimeoutError extends MasError {
  override readonly code = 'HANDLER_TIMEOUT';
  constructor(
    readonly agentId: string,
    readonly messageType: string,
    readonly timeoutMs: number,
  ) {
    super(`Handler of "${messageType}" on "${agentId}" ran past its ${timeoutMs} ms deadline`);
  }
}

/** A `MasClient` pattern that names no target and type (`{ target, type }`, or a type with `defaultTarget`). */
export class InvalidMessagePatternError extends MasError {
  override readonly code = 'INVALID_PATTERN';
  constructor(readonly pattern: unknown) {
    super(`MasClient pattern must be { target, type } (or a type with defaultTarget set); got ${JSON.stringify(pattern)}`);
  }
}
