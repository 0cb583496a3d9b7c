import { createHash, createHmac, createSecretKey, KeyObject } from 'node:crypto';
import { canonicalJson, GatewayDecision, streamEntryFields } from '@mas/core';

/** Where in a message's life an audit entry was written. */
export type AuditStage = 'ingress' | 'delivery' | 'replay';

/** What a component asks the audit trail to record. */
export interface AuditRecord {
  stage: AuditStage;
  decision: GatewayDecision;
  reason: string;
  messageId?: string;
  /** The authenticated sender (unset for unauthenticated ingress). */
  senderId?: string;
  /** The sender an unauthenticated envelope claimed (then not indexed under anybody's name). */
  claimedSender?: string;
  targetId?: string;
  messageType?: string;
  priority?: string;
  /** Violation codes (`auth:revoked_token`, `dlp:ssn`, ...). */
  violations?: readonly string[];
  /** DLP findings as `type:action@path` (never values). */
  findings?: readonly string[];
  latencyMs?: number;
}

/** The stored form of an entry: flat string fields, as in the stream. */
export type AuditFields = Record<string, string>;

/** Hash of the entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

/** Field names every entry carries, in CSV column order. */
export const AUDIT_COLUMNS = [
  'seq',
  'ts',
  'stage',
  'decision',
  'reason',
  'message_id',
  'sender_id',
  'target_id',
  'message_type',
  'priority',
  'violations',
  'findings',
  'latency_ms',
  'instance',
  'prev_hash',
  'hash',
  'claimed_sender',
] as const;

/**
 * The names of an entry's fields as stored, in order: the CSV columns, whose last one,
 * `claimed_sender`, only entries of unauthenticated ingress carry (so an entry's fields are the first
 * 16 or all 17 of these).
 */
export const STORED_FIELDS = AUDIT_COLUMNS;

/** The content fields of a record (everything but seq, prev_hash and hash). */
export function recordFields(record: AuditRecord, instance: string, now = Date.now()): AuditFields {
  return {
    ts: String(now),
    stage: record.stage,
    decision: record.decision,
    reason: record.reason,
    message_id: record.messageId ?? '',
    sender_id: record.senderId ?? '',
    target_id: record.targetId ?? '',
    message_type: record.messageType ?? '',
    priority: record.priority ?? '',
    violations: JSON.stringify(record.violations ?? []),
    findings: JSON.stringify(record.findings ?? []),
    latency_ms: record.latencyMs === undefined ? '' : record.latencyMs.toFixed(3),
    instance,
    ...(record.claimedSender !== undefined ? { claimed_sender: record.claimedSender } : {}),
  };
}

/**
 * The chain hash of an entry: SHA-256 (or HMAC-SHA256 with the audit key) over the canonical JSON
 * of all its fields except `hash` — which include `seq` and `prev_hash`, the previous entry's hash.
 */
export function chainHash(fields: AuditFields, hmacKey: string): string {
  // A stored entry carries both; one being written has neither yet (no copy then).
  const input = storedCanonicalJson(fields) ?? canonicalJson('hash' in fields || 'audit_id' in fields ? hashedContent(fields) : fields);
  return (hmacKey ? createHmac('sha256', keyObjectOf(hmacKey)) : createHash('sha256')).update(input).digest('hex');
}

/** The hashed names of {@link STORED_FIELDS} (all but `hash`) in canonical (sorted) order, each with its quoted form. */
const HASHED_IN_ORDER: ReadonlyArray<readonly [string, string]> = STORED_FIELDS.filter((name) => name !== 'hash')
  .sort()
  .map((name) => [name, `${JSON.stringify(name)}:`] as const);
const STORED_NAMES: ReadonlySet<string> = new Set<string>([...STORED_FIELDS, 'audit_id']);

/**
 * The canonical JSON {@link chainHash} covers, written straight in the known order of the stored
 * names, for an entry holding only those names (and `audit_id`) with string values — every entry the
 * trail writes: the same text as `canonicalJson` of its hashed fields, without sorting keys per entry.
 * Undefined for any other record (then written the general way).
 */
function storedCanonicalJson(fields: AuditFields): string | undefined {
  for (const name in fields) if (!STORED_NAMES.has(name) || typeof fields[name] !== 'string') return undefined;
  let out = '{';
  for (const [name, quotedName] of HASHED_IN_ORDER) {
    const value = fields[name];
    if (value === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${quotedName}${JSON.stringify(value)}`;
  }
  return `${out}}`;
}

/** The last chain key turned into a key object (its UTF-8 bytes, as `createHmac` takes a string key): once, not per entry. */
let lastKey: { text: string; key: KeyObject } | undefined;

function keyObjectOf(hmacKey: string): KeyObject {
  if (lastKey?.text !== hmacKey) lastKey = { text: hmacKey, key: createSecretKey(Buffer.from(hmacKey, 'utf8')) };
  return lastKey.key;
}

function hashedContent({ hash: _hash, audit_id: _id, ...content }: AuditFields): AuditFields {
  return content;
}

/** Turns `[k, v, k, v]` from a stream entry into an object. */
export function fieldsOf(flat: string[]): AuditFields {
  return streamEntryFields(flat);
}

/** True for decisions that also go to `audit:security_events`. */
export function isSecurityEvent(record: Pick<AuditRecord, 'decision' | 'findings'>): boolean {
  return record.decision !== 'ALLOWED' || (record.findings?.length ?? 0) > 0;
}

/** Decisions in a CSV/JSON friendly order (documentation and query validation). */
export const DECISIONS: readonly GatewayDecision[] = [
  'ALLOWED',
  'AUTH_FAILED',
  'SIGNATURE_INVALID',
  'AUTHZ_DENIED',
  'RATE_LIMITED',
  'DLP_BLOCKED',
  'CIRCUIT_OPEN',
  'ROUTING_FAILED',
  'SERVICE_UNAVAILABLE',
];
