import { Injectable, Logger } from '@nestjs/common';
import { execAll, GatewayDecision, MasConnection, tracingEnabled } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import type { AuthenticationRefusal } from '../auth/sender-credentials';
import type { GatewayOutcome } from '../message/gateway-outcome.interfaces';
import type { IngressMessage } from '../message/ingress-message';
import { GatewayMetrics } from '../observability/gateway-metrics';
import { SignatureVerifier } from '../signature/signature-verifier';
import { AuditTrail } from './audit-trail';
import { DecisionNotifier } from './decision-notifier';
import { TracedCheck, traceRefusedIngress } from '../observability/gateway-tracing';

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

  /**
   * Records `decision` about `ingress`; resolves once audited and the sender notified. For an
   * unauthenticated entry `audited` says whether it is within the audit rate when the caller already
   * counted it ({@link recordUnauthenticated}).
   */
  @TracedCheck('audit')
  async record(ingress: IngressMessage, decision: GatewayDecision, reason: string, violation?: string, audited?: boolean): Promise<GatewayOutcome> {
    if (violation && !ingress.violations.includes(violation)) ingress.violations.push(violation);
    const latencyMs = performance.now() - ingress.receivedAt;
    this.metrics.decided(decision, latencyMs / 1000, ingress.violations);
    const unauthenticated = decision === 'AUTH_FAILED';
    // What the entry names, without decoding an envelope refused before it was decoded.
    const named = ingress.claimed;
    if (unauthenticated && !(audited ?? (await this.withinUnauthenticatedRate([named.senderId ?? '']))[0])) {
      this.metrics.unauditedUnauthenticated.inc();
      return { decision, reason, auditId: '' };
    }
    const { senderId, messageId } = named;
    await this.signatures.consumeNonce(ingress); // a refused envelope replayed later is a replay too
    const auditId = await this.audit.append({
      stage: ingress.replay ? 'replay' : 'ingress',
      decision,
      reason: ingress.replay ? `replay of dlq:messages ${ingress.replay.letterId}: ${reason}` : reason,
      messageId,
      senderId: unauthenticated ? undefined : senderId,
      claimedSender: unauthenticated ? (senderId ?? '') : undefined,
      targetId: named.targetId,
      messageType: named.messageType,
      priority: ingress.isDecoded && ingress.message ? ingress.priority : undefined,
      violations: ingress.violations,
      findings: ingress.findings.map((f) => `${f.type}:${f.action}@${f.path}`),
      latencyMs,
    });
    this.metrics.found(ingress.findings);
    // Sent only once the nonce and the audit entry are written (with the others of this turn).
    if (ingress.notify && !unauthenticated && senderId && messageId) await this.notifier.notify(senderId, messageId, decision, reason);
    if (decision !== 'ALLOWED') this.logger.log(`${messageId ?? ingress.entryId} from ${senderId ?? '?'}${unauthenticated ? ' (unauthenticated)' : ''}: ${decision} (${reason})`);
    return { decision, reason, auditId };
  }

  /**
   * Records AUTH_FAILED for a batch of entries authentication refused: one round trip for the audit
   * rate, an audit entry for each within it, and the rest (nearly all of a flood) only counted, in
   * bulk, without a promise of their own. While tracing, each entry gets its gateway span and the
   * refusing `authentication` check's span. Resolves once every audit entry is written.
   */
  async recordUnauthenticated(refused: ReadonlyArray<{ ingress: IngressMessage; error: AuthenticationRefusal }>): Promise<void> {
    if (!refused.length) return;
    const within = await this.withinUnauthenticatedRate(refused.map(({ ingress }) => ingress.route?.senderId ?? ingress.senderId ?? ''));
    const traced = tracingEnabled();
    const now = performance.now();
    const seconds: number[] = [];
    const violations = new Map<string, number>();
    const recording: Array<Promise<GatewayOutcome>> = [];
    refused.forEach(({ ingress, error }, i) => {
      if (within[i]) {
        recording.push(traceRefusedIngress(ingress, error, () => this.record(ingress, 'AUTH_FAILED', error.reason, error.violation, true)));
        return;
      }
      seconds.push((now - ingress.receivedAt) / 1000);
      violations.set(error.violation, (violations.get(error.violation) ?? 0) + 1);
      if (traced) recording.push(traceRefusedIngress(ingress, error, async () => ({ decision: 'AUTH_FAILED', reason: error.reason, auditId: '' })));
    });
    if (seconds.length) {
      this.metrics.decidedMany('AUTH_FAILED', seconds, violations);
      this.metrics.unauditedUnauthenticated.inc(seconds.length);
    }
    await Promise.all(recording);
  }

  /**
   * Counts unauthenticated entries, in order, under the sender each claims: for each, false once over
   * the per-sender or the total rate of this minute.
   */
  private async withinUnauthenticatedRate(claimed: readonly string[]): Promise<boolean[]> {
    const limit = this.settings.audit.unauthenticatedPerMinute;
    const window = Math.floor(Date.now() / 60_000);
    const perSender = new Map<string, number>();
    for (const sender of claimed) perSender.set(sender, (perSender.get(sender) ?? 0) + 1);
    const total = this.redis.keys.auditUnauthenticated('*', window);
    const multi = this.redis.command.multi();
    for (const [sender, count] of perSender) {
      const own = this.redis.keys.auditUnauthenticated(`sender:${sender}`, window);
      multi.incrby(own, count).pexpire(own, 120_000);
    }
    multi.incrby(total, claimed.length).pexpire(total, 120_000);
    const replies = (await execAll(multi)) as number[];
    const next = new Map<string, number>(); // per sender: the count of its first entry of this batch
    [...perSender].forEach(([sender, count], i) => next.set(sender, replies[2 * i] - count + 1));
    let all = replies[replies.length - 2] - claimed.length + 1;
    return claimed.map((sender) => {
      const mine = next.get(sender)!;
      next.set(sender, mine + 1);
      const overall = all++;
      return mine <= limit && overall <= limit * TOTAL_FACTOR;
    });
  }
}
