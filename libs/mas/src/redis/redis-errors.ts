/**
 * Predicates over the errors Redis replies with, so callers branch on a name instead of testing the
 * reply text in place. Redis starts an error reply with its code (`NOGROUP No such key ...`); a
 * script that hits one reports it inside its own message, so NOGROUP is looked for anywhere.
 */

/** The message of anything thrown (an ioredis `ReplyError`, another `Error`, or a plain value). */
export function errorMessageOf(error: unknown): string {
  return (error as Error)?.message ?? String(error);
}

/** The consumer group (or its stream) does not exist: Redis restarted without persistence, or it was deleted. */
export function isNoGroupError(error: unknown): boolean {
  return errorMessageOf(error).includes('NOGROUP');
}

/** XGROUP CREATE found the group already there. */
export function isBusyGroupError(error: unknown): boolean {
  return String((error as Error)?.message).startsWith('BUSYGROUP');
}

/** EVALSHA named a script Redis does not hold (first use, or its script cache was flushed). */
export function isNoScriptError(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}

/** The client could not reach Redis (refused, reset, closed, retries exhausted, command timed out). */
export function isConnectionError(error: unknown): boolean {
  if ((error as Error)?.name === 'MaxRetriesPerRequestError') return true;
  return /Connection is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|Stream isn't writeable|Command timed out/.test(
    errorMessageOf(error),
  );
}
