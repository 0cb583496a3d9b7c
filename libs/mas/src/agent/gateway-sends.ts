import { GatewayRejectedError, RequestAbortedError, RequestTimeoutError } from '../errors';
import { GatewayClient, GatewayClientOptions } from '../gateway-client/gateway-client';
import { decisionCorrelationId, GATEWAY_SENDER_ID } from '../gateway-client/gateway.constants';
import type { AgentMessage } from '../protocol';
import type { MasKeySpace } from '../redis/keys';
import type Redis from 'ioredis';
import type { OfflineGate } from './offline-gate';
import type { PendingRequests } from './pending-requests';
import type { TargetInfo } from './receive-limits';

/** What a sender that may not read its targets' limits knows of each: nothing declared. */
export const UNDECLARED_TARGET: TargetInfo = Object.freeze({ maxMessageBytes: null, inboxCapacity: null, fill: Object.freeze({ length: -1, coveredUpTo: 0, sent: 0, lastCheck: 0 }) });

/** What {@link GatewaySends} is built from (the outbox's own options). */
export interface GatewaySendsOptions {
  agentId: string;
  redis: Redis;
  keys: MasKeySpace;
  /** Where the messages waiting for their decision are tracked. */
  pending: PendingRequests;
  /** Default decision timeout (the agent's request timeout). */
  requestTimeoutMs: number;
  /** The agent's registry token, read at send time. */
  token(): string;
  gate: OfflineGate;
}

/**
 * The gateway side of an agent's outbox: each message signed into the ingress
 * ({@link GatewayClient}), then — unless it is a reply — waited for until the gateway's decision
 * settles it: an ALLOWED resolves, a refusal rejects with {@link GatewayRejectedError}, no decision
 * within `decisionTimeoutMs` rejects with SERVICE_UNAVAILABLE.
 */
export class GatewaySends {
  readonly client: GatewayClient;
  readonly decisionTimeoutMs: number;
  /**
   * False for a provisioned agent: its user may not read other agents' limits (their owners write
   * them: a channel past the gateway), so it sends within the default size and the gateway holds
   * each message to the size its target declared.
   */
  readonly readsTargetLimits: boolean;

  constructor(
    private readonly options: GatewaySendsOptions,
    gateway: GatewayClientOptions,
  ) {
    this.client = new GatewayClient(options.agentId, options.redis, options.keys, gateway);
    this.decisionTimeoutMs = gateway.decisionTimeoutMs ?? options.requestTimeoutMs;
    this.readsTargetLimits = !gateway.credentials;
  }

  /**
   * Sends `message` (its wire form `payload`) while connected, nothing to wait for first: resolves
   * with `sent()` once the gateway allowed it (a reply: once appended). No async frame: the
   * decision's own promise, settled by the decision, a failed append or the decision timeout.
   */
  sendNow(message: AgentMessage, payload: string, awaitDecision: boolean, sent: () => void): Promise<number> {
    const { pending, gate } = this.options;
    const done = (): number => {
      sent();
      return 1;
    };
    if (!awaitDecision) {
      return this.client.submit(message, this.options.token(), false, payload).then(done, (error: unknown) => {
        throw gate.translate(error);
      });
    }
    const correlationId = decisionCorrelationId(message.messageId);
    const timeout = this.decisionTimeoutMs;
    const decision = pending.track(correlationId, message.targetId, message.messageType, timeout, GATEWAY_SENDER_ID);
    this.client.submit(message, this.options.token(), true, payload).then(undefined, (error: unknown) => pending.fail(correlationId, error as Error));
    return decision.then(done, (error: unknown) => {
      throw gate.translate(decisionFailure(error, timeout));
    });
  }

  /**
   * Sends `message` (its wire form `payload`) through the offline gate (held while Redis is
   * unreachable) and waits for the decision; false when `wanted` said to skip it meanwhile.
   */
  async send(message: AgentMessage, payload: string, awaitDecision: boolean, wanted?: () => boolean): Promise<boolean> {
    const { pending } = this.options;
    const correlationId = decisionCorrelationId(message.messageId);
    const timeout = this.decisionTimeoutMs;
    const decision = awaitDecision ? pending.track(correlationId, message.targetId, message.messageType, timeout, GATEWAY_SENDER_ID) : undefined;
    // The decision can arrive (and reject) before the XADD below resolves: handled here, awaited below.
    decision?.catch(() => undefined);
    try {
      // The entry's id, or undefined when `wanted` said to skip it while Redis was unreachable.
      const submitted = await this.options.gate.run(() => this.client.submit(message, this.options.token(), awaitDecision, payload), wanted);
      if (submitted === undefined) {
        pending.fail(correlationId, new RequestAbortedError(message.targetId, message.messageType, 'given up before it was sent'));
        return false;
      }
    } catch (error) {
      if (!decision) throw error;
      pending.fail(correlationId, error as Error);
    }
    try {
      await decision;
      return true;
    } catch (error) {
      throw decisionFailure(error, timeout);
    }
  }
}

/** Why a send waiting for its decision failed: no decision in time is the gateway's SERVICE_UNAVAILABLE. */
function decisionFailure(error: unknown, timeoutMs: number): unknown {
  if (error instanceof RequestTimeoutError) return new GatewayRejectedError('SERVICE_UNAVAILABLE', `no decision from the gateway within ${timeoutMs} ms`);
  return error;
}
