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
