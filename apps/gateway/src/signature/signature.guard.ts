import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { IngressMessage, ingressMessageOf } from '../message/ingress-message';
import { TracedCheck } from '../observability/gateway-tracing';
import { SignatureVerifier } from './signature-verifier';

/**
 * Guard 2 (`features.messageSigning`; not for a DLQ replay, which carries the gateway's own
 * signature): the envelope is signed by its sender, fresh and not replayed. It runs before
 * authorization and the rate limit, so an entry whose signature fails, or a copy of an entry already
 * decided, never uses up its sender's rate limit: whoever holds one captured entry (or the token)
 * cannot lock the sender out by appending it again.
 */
@Injectable()
export class SignatureGuard implements CanActivate {
  constructor(
    private readonly verifier: SignatureVerifier,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  @TracedCheck('signature')
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const ingress = ingressMessageOf(context);
    if (!this.settings.features.messageSigning || ingress.replay) return true;
    return this.verified(ingress);
  }

  private async verified(ingress: IngressMessage): Promise<boolean> {
    ingress.signedWith = await this.verifier.verify(ingress);
    return true;
  }
}
