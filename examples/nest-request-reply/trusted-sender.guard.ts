import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { AgentMessage } from '@mas/core';

/** Agents allowed to call the inventory. */
export const TRUSTED_SENDERS = new Set(['shop-orders']);

/**
 * A Nest guard on an agent handler: in MAS handlers `context.getType()` is `'mas'` and argument 1
 * is the received {@link AgentMessage}. Denied requests get an error reply (ForbiddenException).
 */
@Injectable()
export class TrustedSenderGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'mas') return true;
    const message = context.getArgByIndex<AgentMessage>(1);
    if (!TRUSTED_SENDERS.has(message.senderId)) {
      throw new ForbiddenException(`${message.senderId} may not call the inventory`);
    }
    return true;
  }
}
