import { Injectable } from '@nestjs/common';
import { DeadLetterQuery, DeadLetterStream, DeadLetterView, MasConnection } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { GatewayMetrics } from '../observability/gateway-metrics';
import type { QueuedMessage } from './queued-message';

/** Value of the `source` field of the dead letters the gateway writes. */
export const GATEWAY_DLQ_SOURCE = 'mas.gateway';

/** Why the gateway dead-lettered a message. */
export type DeadLetterReason = 'circuit_open' | 'expired' | 'target_gone' | 'delivery_failed' | 'unprocessable';

/**
 * The gateway's side of the dead-letter stream `dlq:messages` (shared with the agents' inboxes):
 * a {@link DeadLetterStream} of `@mas/core` capped at `delivery.deadLetterMaxLength`, plus the
 * gateway's reason codes and metrics.
 */
@Injectable()
export class DeadLetters {
  private readonly stream: DeadLetterStream;

  constructor(
    redis: MasConnection,
    @InjectGatewaySettings() settings: GatewaySettings,
    private readonly metrics: GatewayMetrics,
  ) {
    this.stream = new DeadLetterStream(redis.command, { maxLength: settings.delivery.deadLetterMaxLength });
  }

  /** Dead-letters a message (`entryId`: the ingress entry it came from); resolves with the entry id. */
  async add(
    message: Pick<QueuedMessage, 'envelope' | 'target' | 'sender' | 'messageId'>,
    code: DeadLetterReason,
    detail: string,
    entryId = '',
  ): Promise<string> {
    const id = await this.stream.add({
      envelope: message.envelope,
      agentId: message.target,
      reason: `${code}: ${detail}`,
      attempts: 1,
      source: GATEWAY_DLQ_SOURCE,
      entryId,
      senderId: message.sender,
      messageId: message.messageId,
    });
    this.metrics.deadLetters.inc({ reason: code });
    return id;
  }

  /** Entries after `after` (exclusive), oldest first; optionally only those for `agentId` (the agent they were for). */
  list(query: DeadLetterQuery = {}): Promise<DeadLetterView[]> {
    return this.stream.list(query);
  }

  /** One entry, or undefined. */
  get(id: string): Promise<DeadLetterView | undefined> {
    return this.stream.get(id);
  }

  /** Removes an entry (after a successful replay). */
  async remove(id: string): Promise<void> {
    await this.stream.remove(id);
  }
}
