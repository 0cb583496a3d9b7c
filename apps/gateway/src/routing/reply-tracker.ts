import { Injectable } from '@nestjs/common';
import { MasConnection } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';

/**
 * The requests the gateway routed that wait for a reply (`requester + correlation id → replier`,
 * for `replies.ttlMs`): a reply is admitted only when it answers one of them, from the agent the
 * request went to, and only once.
 */
@Injectable()
export class ReplyTracker {
  constructor(
    private readonly redis: MasConnection,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  /** Notes that `requester` waits for a reply from `replier` under `correlationId`. */
  async expect(requester: string, correlationId: string, replier: string): Promise<void> {
    await this.redis.command.set(this.redis.keys.gatewayAwaitingReply(requester, correlationId), replier, 'PX', this.settings.replies.ttlMs);
  }

  /** True when `replier` may answer `requester`'s request `correlationId` (it was routed to `replier` and still waits). */
  async awaited(requester: string, correlationId: string, replier: string): Promise<boolean> {
    return (await this.redis.command.get(this.redis.keys.gatewayAwaitingReply(requester, correlationId))) === replier;
  }

  /** Settles the request; false when another reply settled it first. */
  async settle(requester: string, correlationId: string, replier: string): Promise<boolean> {
    const key = this.redis.keys.gatewayAwaitingReply(requester, correlationId);
    const previous = (await this.redis.command.call('GETDEL', key)) as string | null;
    return previous === replier;
  }
}
