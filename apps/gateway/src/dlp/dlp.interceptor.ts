import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor, OnModuleInit } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { DlpBlockedError } from '../message/gateway-denial.errors';
import { IngressMessage, ingressMessageOf } from '../message/ingress-message';
import { actionsFrom } from './dlp-actions';
import { DlpScanner } from './dlp-scanner';
import { DlpScanBudgetError } from './dlp.errors';
import { TracedCheck } from '../observability/gateway-tracing';

/**
 * Scanned once at start: V8 compiles the detectors' patterns on their first use, which cost the
 * gateway's first message 15-50 ms. Plain text, key/value pairs, a table, an encoded run: no value
 * in it is sensitive (findings of the warm-up are dropped anyway).
 */
const WARM_UP_ENVELOPE = {
  sender_id: 'warm-up',
  target_id: 'warm-up',
  message_type: 'gateway.warm_up',
  message_id: 'warm-up',
  data: {
    text: 'Order 1234-5678 shipped on 2026-01-02; call back at ext. 12. Ref: aGVsbG8gd29ybGQgd2FybSB1cA==',
    fields: { name: 'n/a', status: 'ok', note: 'key=value; other: value' },
    rows: 'id,code,amount\n1,A12,3.50\n2,B34,7.25',
  },
  meta: { version: 1, correlation_id: null, expects_reply: false, is_reply: false },
};

/**
 * The DLP check (`features.dlp`): scans the whole envelope as the sender wrote it — type, ids, meta,
 * extra fields, data and object keys — within the `dlp.maxScan*` budget (over it: DLP_BLOCKED, too
 * large to scan). A BLOCK finding refuses the message (DLP_BLOCKED); REDACT findings are masked in
 * what is passed on (`ingress.redactedData`); every finding is recorded on the message for the audit
 * trail and the metrics (ALERT findings only there). Used by the pipeline's interceptor and by
 * registration requests (whose metadata every agent can read).
 */
@Injectable()
export class DlpCheck implements OnModuleInit {
  private readonly logger = new Logger('Dlp');
  private readonly scanner: DlpScanner;

  constructor(@InjectGatewaySettings() private readonly settings: GatewaySettings) {
    const { maxScanMs, maxScanNodes, maxScanChars } = settings.dlp;
    this.scanner = new DlpScanner(actionsFrom(settings.dlp.actions), undefined, { maxMs: maxScanMs, maxNodes: maxScanNodes, maxChars: maxScanChars });
  }

  onModuleInit(): void {
    if (this.settings.features.dlp) this.scanner.scanEnvelope(WARM_UP_ENVELOPE);
  }

  /**
   * Scans `ingress` (a no-op with `features.dlp` off).
   * @throws DlpBlockedError when a finding's action is BLOCK or the envelope is over the scan budget.
   */
  check(ingress: IngressMessage): void {
    if (!this.settings.features.dlp) return;
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
  }
}

/** Interceptor 1: the {@link DlpCheck} of each message of the pipeline. */
@Injectable()
export class DlpInterceptor implements NestInterceptor {
  constructor(private readonly dlp: DlpCheck) {}

  @TracedCheck('dlp')
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.dlp.check(ingressMessageOf(context));
    return next.handle();
  }
}
