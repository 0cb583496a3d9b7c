import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { DlpBlockedError } from '../message/gateway-denial.errors';
import { ingressMessageOf } from '../message/ingress-message';
import { actionsFrom } from './dlp-actions';
import { DlpScanner } from './dlp-scanner';
import { DlpScanBudgetError } from './dlp.errors';
import { TracedCheck } from '../observability/gateway-tracing';

/**
 * Interceptor 2: scans the whole envelope as the sender wrote it — type, ids, meta, extra fields,
 * data and object keys (`features.dlp`), within the `dlp.maxScan*` budget (over it: DLP_BLOCKED, too
 * large to scan). A BLOCK finding refuses the message
 * (DLP_BLOCKED); REDACT findings are masked in what the target receives; every finding is recorded
 * on the message for the audit trail and the metrics (ALERT findings only there).
 */
@Injectable()
export class DlpInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Dlp');
  private readonly scanner: DlpScanner;

  constructor(@InjectGatewaySettings() private readonly settings: GatewaySettings) {
    const { maxScanMs, maxScanNodes, maxScanChars } = settings.dlp;
    this.scanner = new DlpScanner(actionsFrom(settings.dlp.actions), undefined, { maxMs: maxScanMs, maxNodes: maxScanNodes, maxChars: maxScanChars });
  }

  @TracedCheck('dlp')
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.settings.features.dlp) return next.handle();
    const ingress = ingressMessageOf(context);
    const message = ingress.checked;
    let result;
    try {
      result = this.scanner.scanEnvelope(ingress.envelope ?? message.toWire() as unknown as Record<string, unknown>);
    } catch (error) {
      if (error instanceof DlpScanBudgetError) throw new DlpBlockedError(`DLP blocked: the message is ${error.message}`, 'dlp:too_large_to_scan');
      throw error;
    }
    ingress.findings = result.findings;
    for (const type of new Set(result.findings.map((f) => f.type))) ingress.violations.push(`dlp:${type}`);
    if (result.blocked) {
      const types = [...new Set(result.findings.filter((f) => f.action === 'BLOCK').map((f) => f.type))];
      throw new DlpBlockedError(`DLP blocked: the payload carries ${types.join(', ')}`, `dlp:${types[0]}`);
    }
    if (result.data !== message.data) ingress.redactedData = result.data;
    if (result.findings.length) {
      this.logger.debug(`${message.messageId} from ${message.senderId}: ${result.findings.map((f) => `${f.type} (${f.action}) at ${f.path}`).join('; ')}`);
    }
    return next.handle();
  }
}
