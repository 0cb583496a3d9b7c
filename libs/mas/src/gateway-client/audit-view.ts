/** One entry of the gateway's audit trail (`audit:messages`) as readers see it (and `GET /audit` returns it). */
export interface AuditView {
  id: string;
  seq: number;
  ts: number;
  stage: string;
  decision: string;
  reason: string;
  message_id: string;
  /** The authenticated sender; `''` for unauthenticated ingress (see `claimed_sender`). */
  sender_id: string;
  /** The sender an unauthenticated envelope claimed to be (`''` when authenticated). */
  claimed_sender: string;
  target_id: string;
  message_type: string;
  priority: string;
  violations: string[];
  findings: string[];
  latency_ms: number | null;
  instance: string;
  prev_hash: string;
  hash: string;
}

function list(raw: string | undefined): string[] {
  try {
    const value: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/** Reads one audit stream entry (its id and fields) into an {@link AuditView}. */
export function auditViewOf(id: string, fields: Record<string, string | undefined>): AuditView {
  return {
    id: fields.audit_id ?? id,
    seq: Number(fields.seq),
    ts: Number(fields.ts),
    stage: fields.stage ?? '',
    decision: fields.decision ?? '',
    reason: fields.reason ?? '',
    message_id: fields.message_id ?? '',
    sender_id: fields.sender_id ?? '',
    claimed_sender: fields.claimed_sender ?? '',
    target_id: fields.target_id ?? '',
    message_type: fields.message_type ?? '',
    priority: fields.priority ?? '',
    violations: list(fields.violations),
    findings: list(fields.findings),
    latency_ms: fields.latency_ms ? Number(fields.latency_ms) : null,
    instance: fields.instance ?? '',
    prev_hash: fields.prev_hash ?? '',
    hash: fields.hash ?? '',
  };
}
