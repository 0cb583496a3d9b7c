import { Injectable, Logger } from '@nestjs/common';
import { execAll, GatewayDecision, MasConnection } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import type { GatewayOutcome } from '../message/gateway-outcome.interfaces';
import type { IngressMessage } from '../message/ingress-message';
import { GatewayMetrics } from '../observability/gateway-metrics';
import { SignatureVerifier } from '../signature/signature-verifier';
import { AuditTrail } from './audit-trail';
import { DecisionNotifier } from './decision-notifier';

/** Unauthenticated entries audited per minute over all claimed senders: this many times the per-sender rate. */
const TOTAL_FACTOR = 10;

/**
 * The last step of every message, allowed or denied: the audit entry, the metrics, and the signed
 * decision sent back to a waiting sender. Used by the audit interceptor (decisions of the handler) and
 * by the decision filter (denials thrown by guards, interceptors and the router), so both are recorded
 * alike. Unauthenticated ingress (AUTH_FAILED) is audited under no sender (the claimed one kept
 * apart), at most `audit.unauthenticatedPerMinute` per claimed sender, and never answered: whoever
 * writes junk in an agent's name cannot make the gateway message that agent or fill its audit index.
 */
@Injectable()
export class DecisionRecorder {
  private readonly logger = new Logger('GatewayDecision');

  constructor(
    private readonly redis: MasConnection,
    private readonly audit: AuditTrail,
    private readonly metrics: GatewayMetrics,
    private readonly notifier: DecisionNotifier,
    private readonly signatures: SignatureVerifier,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  /** Records `decision` about `ingress`; resolves once audited and the sender notified. */
  async record(ingress: IngressMessage, decision: GatewayDecision, reason: string, violation?: string): Promise<GatewayOutcome> {
    if (violation && !ingress.violations.includes(violation)) ingress.violations.push(violation);
    const latencyMs = performance.now() - ingress.receivedAt;
    this.metrics.decided(decision, latencyMs / 1000, ingress.violations);
    const unauthenticated = decision === 'AUTH_FAILED';
    if (unauthenticated && !(await this.withinUnauthenticatedRate(ingress.senderId ?? ''))) {
      this.metrics.unauditedUnauthenticated.inc();
      return { decision, reason, auditId: '' };
    }
    await this.signatures.consumeNonce(ingress); // a refused envelope replayed later is a replay too
    const auditId = await this.audit.append({
      stage: ingress.replay ? 'replay' : 'ingress',
      decision,
      reason: ingress.replay ? `replay of dlq:messages ${ingress.replay.letterId}: ${reason}` : reason,
      messageId: ingress.messageId,
      senderId: unauthenticated ? undefined : ingress.senderId,
      claimedSender: unauthenticated ? (ingress.senderId ?? '') : undefined,
      targetId: ingress.targetId,
      messageType: ingress.message?.messageType,
      priority: ingress.message ? ingress.priority : undefined,
      violations: ingress.violations,
      findings: ingress.findings.map((f) => `${f.type}:${f.action}@${f.path}`),
      latencyMs,
    });
    this.metrics.found(ingress.findings);
    const { senderId, messageId } = ingress;
    if (ingress.notify && !unauthenticated && senderId && messageId) await this.notifier.notify(senderId, messageId, decision, reason);
    if (decision !== 'ALLOWED') this.logger.log(`${messageId ?? ingress.entryId} from ${senderId ?? '?'}${unauthenticated ? ' (unauthenticated)' : ''}: ${decision} (${reason})`);
    return { decision, reason, auditId };
  }

  /** Counts one unauthenticated entry for `claimed`; false once over the per-sender or the total rate this minute. */
  private async withinUnauthenticatedRate(claimed: string): Promise<boolean> {
    const limit = this.settings.audit.unauthenticatedPerMinute;
    const window = Math.floor(Date.now() / 60_000);
    const own = this.redis.keys.auditUnauthenticated(`sender:${claimed}`, window);
    const total = this.redis.keys.auditUnauthenticated('*', window);
    const [mine, all] = (await execAll(this.redis.command.multi().incr(own).pexpire(own, 120_000).incr(total).pexpire(total, 120_000))) as [number, number, number, number];
    return mine <= limit && all <= limit * TOTAL_FACTOR;
  }
}
