import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ingressMessageOf } from '../message/ingress-message';
import { AccessPolicy } from './access-policy';

/** Guard 2: the sender may send to the target (ACL or RBAC; the target exists and is ACTIVE). */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(private readonly policy: AccessPolicy) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const message = ingressMessageOf(context).checked;
    await this.policy.authorize(message.senderId, message.targetId);
    return true;
  }
}
