import { Injectable, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { AuditInterceptor } from '../audit/audit.interceptor';
import { AuthenticationGuard } from '../auth/authentication.guard';
import { AuthorizationGuard } from '../authz/authorization.guard';
import { DlpInterceptor } from '../dlp/dlp.interceptor';
import type { GatewayOutcome } from '../message/gateway-outcome.interfaces';
import type { IngressMessage } from '../message/ingress-message';
import { RateLimitGuard } from '../ratelimit/rate-limit.guard';
import { MessageRouter } from '../routing/message-router';
import { SignatureGuard } from '../signature/signature.guard';
import { DecisionFilter } from './decision.filter';

/**
 * The gateway pipeline as Nest enhancers on one handler. Per ingress entry: guards authentication →
 * signature → authorization → rate limit (nothing counts against a sender's limit before its
 * signature is checked), interceptors DLP → audit, then the handler routes the message. A refusal anywhere is a typed error that {@link DecisionFilter} records.
 */
@Injectable()
@UseFilters(DecisionFilter)
export class IngressHandler {
  constructor(private readonly router: MessageRouter) {}

  @UseGuards(AuthenticationGuard, SignatureGuard, AuthorizationGuard, RateLimitGuard)
  @UseInterceptors(DlpInterceptor, AuditInterceptor)
  async handle(ingress: IngressMessage): Promise<Pick<GatewayOutcome, 'decision' | 'reason'>> {
    return { decision: 'ALLOWED', reason: await this.router.admit(ingress) };
  }
}
