import { Injectable, Logger } from '@nestjs/common';
import type { GatewayDecision } from '@mas/core';
import type { GatewayOutcome } from '../message/gateway-outcome.interfaces';
import type { IngressMessage } from '../message/ingress-message';
import { GatewayMetrics } from '../observability/gateway-metrics';
import { SignatureVerifier } from '../signature/signature-verifier';
import { AuditTrail } from './audit-trail';
import { DecisionNotifier } from './decision-notifier';

/**
 * The last step of every message, allowed or denied: the audit entry, the metrics, and the decision
 * sent back to a waiting sender. Used by the audit interceptor (decisions of the handler) and by the
 * decision filter (denials thrown by guards, interceptors and the router), so both are recorded alike.
 */
@Injectable()
export class DecisionRecorder {
  private readonly logger = new Logger('GatewayDecision');

  constructor(
    private readonly audit: AuditTrail,
    private readonly metrics: GatewayMetrics,
    private readonly notifier: DecisionNotifier,
    private readonly signatures: SignatureVerifier,
  ) {}

  /** Records `decision` about `ingress`; resolves once audited and the sender notified. */
  async record(ingress: IngressMessage, decision: GatewayDecision, reason: string, violation?: string): Promise<GatewayOutcome> {
    if (violation && !ingress.violations.includes(violation)) ingress.violations.push(violation);
    await this.signatures.consumeNonce(ingress); // a refused envelope replayed later is a replay too
    const latencyMs = performance.now() - ingress.receivedAt;
    const auditId = await this.audit.append({
      stage: 'ingress',
      decision,
      reason,
      messageId: ingress.messageId,
      senderId: ingress.senderId,
      targetId: ingress.targetId,
      messageType: ingress.message?.messageType,
      priority: ingress.message ? ingress.priority : undefined,
      violations: ingress.violations,
      findings: ingress.findings.map((f) => `${f.type}:${f.action}@${f.path}`),
      latencyMs,
    });
    this.metrics.decided(decision, latencyMs / 1000, ingress.violations);
    this.metrics.found(ingress.findings);
    const { senderId, messageId } = ingress;
    if (ingress.notify && senderId && messageId) await this.notifier.notify(senderId, messageId, decision, reason);
    if (decision !== 'ALLOWED') this.logger.log(`${messageId ?? ingress.entryId} from ${senderId ?? '?'}: ${decision} (${reason})`);
    return { decision, reason, auditId };
  }
}
