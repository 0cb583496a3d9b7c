import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthorizationDeniedError } from '../message/gateway-denial.errors';
import { ingressMessageOf } from '../message/ingress-message';
import { ReplyTracker } from '../routing/reply-tracker';
import { AccessPolicy } from './access-policy';
import { TracedCheck } from '../observability/gateway-tracing';

/**
 * Guard 3: the sender may send to the target (ACL or RBAC; the target exists and is ACTIVE). A reply
 * passes only when it answers a request the gateway routed to its sender and that still waits
 * (whatever the lists say: the requester asked for it); any other reply is refused.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly replies: ReplyTracker,
  ) {}

  @TracedCheck('authorization')
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const ingress = ingressMessageOf(context);
    const message = ingress.checked;
    if (message.meta.isReply) {
      const { correlationId } = message.meta;
      if (correlationId && (await this.replies.awaited(message.targetId, correlationId, message.senderId))) return true;
      throw new AuthorizationDeniedError(
        `"${message.senderId}" was not asked: no request of "${message.targetId}" routed to it waits for this reply`,
        'authz:unsolicited_reply',
      );
    }
    await this.policy.authorize(message.senderId, message.targetId, ingress.prefetched?.policy);
    return true;
  }
}
