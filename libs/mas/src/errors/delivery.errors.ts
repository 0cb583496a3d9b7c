import { MasError } from './mas.error';

/**
 * A reliable send refused because the receiver's inbox holds as many unacknowledged messages as the
 * capacity it declared (`inbox.maxLength`); nothing was appended. Retry later, or let the receiver
 * choose `inbox.overflow: 'dead-letter'`.
 */
export class InboxFullError extends MasError {
  override readonly code = 'INBOX_FULL';
  constructor(
    readonly targetId: string,
    readonly length: number,
    readonly capacity: number,
  ) {
    super(`The inbox of "${targetId}" is full (${length} unacknowledged messages, capacity ${capacity})`);
  }
}

/**
 * The receiving agent dropped the request: `maxConcurrency` handlers were running and `maxQueued`
 * messages were waiting (direct delivery). Retry later, or use reliable delivery.
 */
export class AgentOverloadedError extends MasError {
  override readonly code = 'AGENT_OVERLOADED';
  constructor(
    readonly agentId: string,
    readonly queued: number,
  ) {
    super(`Agent "${agentId}" is overloaded: ${queued} messages already wait for a handler`);
  }
}

/**
 * Redis did not take the message in time: unreachable (down, network, failover in progress) or no
 * answer within the command deadline (`commandTimeoutMs`), or too many sends already waited for it
 * (`maxOfflineSends`). `url` has its credentials masked. A send that timed out while Redis was
 * reachable may still have been delivered.
 */
export class RedisUnavailableError extends MasError {
  override readonly code = 'REDIS_UNAVAILABLE';
  constructor(
    readonly url: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Redis at ${url} is unavailable: ${reason}`, options);
  }
}

/**
 * A reliable send asked to be confirmed by `wanted` replicas (`replicas` option) and only `acked`
 * confirmed within the timeout. The message IS in the primary's inbox; it may be lost if the
 * primary fails before replicating it. Retrying sends a second copy.
 */
export class ReplicationTimeoutError extends MasError {
  override readonly code = 'REPLICATION_TIMEOUT';
  constructor(
    readonly targetId: string,
    readonly acked: number,
    readonly wanted: number,
    readonly timeoutMs: number,
  ) {
    super(`Message to "${targetId}" reached ${acked} of ${wanted} replicas within ${timeoutMs} ms (it is stored on the primary)`);
  }
}
