import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { DecisionRecorder } from '../audit/decision-recorder';
import { GatewayDenialError } from '../message/gateway-denial.errors';
import type { GatewayOutcome } from '../message/gateway-outcome.interfaces';
import { ingressMessageOf } from '../message/ingress-message';

/**
 * Turns whatever stopped a message in the pipeline into a recorded decision: a
 * {@link GatewayDenialError} from a guard, interceptor or the router into its decision, anything else
 * into SERVICE_UNAVAILABLE. When even recording fails (Redis down), the error propagates and the
 * ingress entry stays pending, to be tried again.
 */
@Catch()
export class DecisionFilter implements ExceptionFilter {
  private readonly logger = new Logger('DecisionFilter');

  constructor(private readonly recorder: DecisionRecorder) {}

  catch(exception: unknown, host: ArgumentsHost): Promise<GatewayOutcome> {
    const ingress = ingressMessageOf(host);
    if (exception instanceof GatewayDenialError) {
      return this.recorder.record(ingress, exception.decision, exception.reason, exception.violation);
    }
    this.logger.error(`Checking ingress entry ${ingress.entryId} failed: ${exception instanceof Error ? exception.stack : String(exception)}`);
    return this.recorder.record(ingress, 'SERVICE_UNAVAILABLE', 'the gateway could not check the message', 'gateway:internal_error');
  }
}
