import type { GatewayDecision } from '@mas/core';

/** What the pipeline decided about one ingress entry. */
export interface GatewayOutcome {
  decision: GatewayDecision;
  reason: string;
  /** Stream id of the audit entry that records it. */
  auditId: string;
}
