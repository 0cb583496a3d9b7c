import type Redis from 'ioredis';
import { RequestTimeoutError } from '../errors';
import { GatewayClient, GatewayClientOptions } from '../gateway-client/gateway-client';
import { decisionCorrelationId } from '../gateway-client/gateway.constants';
import { GatewayRejectedError } from '../gateway-client/gateway.errors';
import { AgentMessage, createMessage, NewMessage } from '../protocol';
import { publishEnvelope } from '../transport/outbound';
import type { PendingRequests } from './pending-requests';
import { coalesceWrites } from './write-coalescing';

/** How an agent's gateway mode is wired into its outbox. */
export interface OutboxGateway {
  client: GatewayClient;
  decisionTimeoutMs: number;
  /** The agent's registry token, read at send time (it survives re-registration). */
  token(): string;
}

/**
 * Where an agent's outgoing messages go: PUBLISH (direct), XADD to the target's inbox (reliable),
 * or, in gateway mode, signed into the gateway's ingress — waiting for the gateway's decision
 * unless the message is a reply.
 */
export class AgentOutbox {
  /** Builds an agent's outbox; in gateway mode it first publishes the agent's verification key. */
  static async create(
    agentId: string,
    redis: Redis,
    pending: PendingRequests,
    options: {
      inboxMaxLength: number;
      gateway?: boolean | GatewayClientOptions;
      requestTimeoutMs: number;
      token: () => string;
    },
  ): Promise<AgentOutbox> {
    if (!options.gateway) return new AgentOutbox(redis, pending, options.inboxMaxLength);
    const gatewayOptions = typeof options.gateway === 'object' ? options.gateway : {};
    const client = new GatewayClient(agentId, redis, gatewayOptions);
    await client.init();
    return new AgentOutbox(redis, pending, options.inboxMaxLength, {
      client,
      decisionTimeoutMs: gatewayOptions.decisionTimeoutMs ?? options.requestTimeoutMs,
      token: options.token,
    });
  }

  constructor(
    private readonly redis: Redis,
    private readonly pending: PendingRequests,
    private readonly inboxMaxLength: number,
    private readonly gateway?: OutboxGateway,
  ) {}

  /**
   * Sends one message built from `spec`. Resolves with the receivers reached (direct), or 1 once
   * stored (reliable) or allowed by the gateway.
   * @throws GatewayRejectedError when the gateway denies it (or gives no decision in time).
   */
  async put(spec: NewMessage, reliable: boolean): Promise<number> {
    const message = createMessage(spec);
    if (!this.gateway) {
      coalesceWrites(this.redis);
      return publishEnvelope(this.redis, message, reliable ? { maxLength: this.inboxMaxLength } : undefined);
    }
    await this.submitToGateway(this.gateway, message, !spec.isReply);
    return 1;
  }

  private async submitToGateway(gateway: OutboxGateway, message: AgentMessage, awaitDecision: boolean): Promise<void> {
    const correlationId = decisionCorrelationId(message.messageId);
    const timeout = gateway.decisionTimeoutMs;
    const decision = awaitDecision ? this.pending.track(correlationId, message.targetId, message.messageType, timeout) : undefined;
    try {
      await gateway.client.submit(message, gateway.token(), awaitDecision);
    } catch (error) {
      if (!decision) throw error;
      this.pending.fail(correlationId, error as Error);
    }
    try {
      await decision;
    } catch (error) {
      if (error instanceof RequestTimeoutError) {
        throw new GatewayRejectedError('SERVICE_UNAVAILABLE', `no decision from the gateway within ${timeout} ms`);
      }
      throw error;
    }
  }
}
