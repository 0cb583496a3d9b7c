import { HttpException } from '@nestjs/common';
import { REMOTE_HANDLER_ERROR, RemoteHandlerError } from '../../errors/request.errors';

/**
 * A remote handler threw an `HttpException` (`ForbiddenException`, a `ValidationPipe`'s
 * `BadRequestException`, ...): the requester gets one too, with the same status and response body,
 * so a controller awaiting `agent.request()` answers with that status (403, 400 with the messages).
 * It is also `instanceof RemoteHandlerError`, with the same fields (`status` is HttpException's own,
 * `getStatus()`); `cause` is the original one.
 */
export class RemoteHttpError extends HttpException {
  readonly [REMOTE_HANDLER_ERROR] = true;
  /** As `RemoteHandlerError.code`. */
  readonly code = 'REMOTE_HANDLER_ERROR';
  /** The agent whose handler threw. */
  readonly targetId: string;
  /** The class name of the remote exception, e.g. `ForbiddenException`. */
  readonly remoteType: string;
  /** The remote message (with a validation pipe's messages). */
  readonly remoteMessage: string;
  /** The remote exception's response body. */
  readonly details: unknown;

  constructor(remote: RemoteHandlerError & { status: number }) {
    super(remote.details ?? remote.remoteMessage, remote.status, { cause: remote });
    this.targetId = remote.targetId;
    this.remoteType = remote.remoteType;
    this.remoteMessage = remote.remoteMessage;
    this.details = remote.details;
    this.message = remote.message;
  }
}

/** The error a Nest-side request rejects with: {@link RemoteHttpError} for a remote HttpException, else as is. */
export function toNestRequestError(error: unknown): unknown {
  if (error instanceof RemoteHandlerError && typeof error.status === 'number') {
    return new RemoteHttpError(error as RemoteHandlerError & { status: number });
  }
  return error;
}
