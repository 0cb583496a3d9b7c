import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { IngressMessage, ingressMessageOf } from '../message/ingress-message';
import { SignatureVerifier } from './signature-verifier';
import { TracedCheck } from '../observability/gateway-tracing';

/** Interceptor 1: the envelope is signed by its sender, fresh and not replayed (`features.messageSigning`); not for a DLQ replay. */
@Injectable()
export class SignatureInterceptor implements NestInterceptor {
  constructor(
    private readonly verifier: SignatureVerifier,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  @TracedCheck('signature')
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> | Promise<Observable<unknown>> {
    const ingress = ingressMessageOf(context);
    // A replayed dead letter carries the gateway's own signature instead (checked by the replay).
    if (!this.settings.features.messageSigning || ingress.replay) return next.handle();
    return this.verified(ingress, next);
  }

  private async verified(ingress: IngressMessage, next: CallHandler): Promise<Observable<unknown>> {
    ingress.signedWith = await this.verifier.verify(ingress);
    return next.handle();
  }
}
