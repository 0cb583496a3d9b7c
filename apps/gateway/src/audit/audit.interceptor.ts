import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, mergeMap, Observable } from 'rxjs';
import type { GatewayOutcome } from '../message/gateway-outcome.interfaces';
import { ingressMessageOf } from '../message/ingress-message';
import { DecisionRecorder } from './decision-recorder';

/**
 * Interceptor 3: records the handler's decision (audit trail, metrics, the sender's decision).
 * Denials never reach it — guards run before interceptors — so the decision filter records those.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly recorder: DecisionRecorder) {}

  intercept(context: ExecutionContext, next: CallHandler<Pick<GatewayOutcome, 'decision' | 'reason'>>): Observable<GatewayOutcome> {
    const ingress = ingressMessageOf(context);
    return next.handle().pipe(mergeMap((outcome) => from(this.recorder.record(ingress, outcome.decision, outcome.reason))));
  }
}
