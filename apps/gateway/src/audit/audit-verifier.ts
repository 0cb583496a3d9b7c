import { Injectable } from '@nestjs/common';
import { MasConnection } from '@mas/core';
import { GatewaySecrets } from '../identity/gateway-secrets';
import { chainHash, fieldsOf, GENESIS_HASH } from './audit-entry';
import { ChainPoint, Checkpoint, checkpointOf, checkpointSigned, openHead } from './audit-seal';
import { AuditTrail } from './audit-trail';

/** Something wrong in the trail, naming the entry. */
export interface AuditProblem {
  /** `truncated`: entries the gateway wrote (a checkpoint or its anchor says so) are gone from the end; `forged`: a head or checkpoint it did not sign. */
  kind: 'edited' | 'deleted' | 'reordered' | 'truncated' | 'forged';
  /** Stream id of the entry (for `deleted`: of the entry after the gap, if any). */
  id?: string;
  seq: number;
  messageId?: string;
  detail: string;
}

/** Result of {@link AuditVerifier.verify}. */
export interface AuditVerification {
  ok: boolean;
  /** Entries read. */
  checked: number;
  /** `{seq}:{hash}:{signature}` of the head pointer. */
  head: string | null;
  /** Where the retained chain starts (seq 0 unless retention cut older entries). */
  base: ChainPoint;
  /** Signed checkpoints checked. */
  checkpoints: number;
  problems: AuditProblem[];
}

interface Gap {
  from: number;
  to: number;
  after?: string;
  before?: string;
}

const PAGE = 1000;

/**
 * Walks `audit:messages` and checks the chain: each entry's keyed hash against its content (edited,
 * or recomputed without the key), its `prev_hash` against the entry before it (edited and re-hashed),
 * the sequence numbers (deleted, reordered), the first entry against the signed retention base
 * `audit:base`, the last against the signed `audit:head`, and the whole against the signed checkpoints
 * and this instance's anchor outside Redis (a tail cut with the head reset). Memory: O(gaps + checkpoints).
 */
@Injectable()
export class AuditVerifier {
  constructor(
    private readonly redis: MasConnection,
    private readonly secrets: GatewaySecrets,
    private readonly trail: AuditTrail,
  ) {}

  async verify(): Promise<AuditVerification> {
    const problems: AuditProblem[] = [];
    const gaps: Gap[] = [];
    const identity = this.secrets.identity;
    // What must be there is taken before the entries are read, in order: this gateway's anchor, the
    // checkpoints, then the head. A gateway appending meanwhile adds entries after them (checked like
    // the others); none of them can point beyond the entries read (which would look like a cut tail).
    const anchor = this.trail.anchor();
    const [rawBase, rawCheckpoints, rawHead] = await Promise.all([
      this.redis.command.get(this.redis.keys.auditBase),
      this.redis.command.xrange(this.redis.keys.auditCheckpoints, '-', '+') as Promise<Array<[string, string[]]>>,
      this.redis.command.get(this.redis.keys.auditHead),
    ]);
    const head = openHead(identity, rawHead);
    let base: ChainPoint = { seq: 0, hash: GENESIS_HASH };
    if (rawBase) {
      const cut = checkpointOf(safeJson(rawBase));
      if (cut && checkpointSigned(identity, cut)) base = cut;
      else problems.push({ kind: 'forged', seq: 0, detail: 'audit:base (where retention cut the chain) is not signed by the gateway' });
    }
    const checkpoints = new Map<number, Checkpoint>();
    for (const [id, flat] of rawCheckpoints) {
      const checkpoint = checkpointOf(fieldsOf(flat));
      if (!checkpoint || !checkpointSigned(identity, checkpoint)) {
        problems.push({ kind: 'forged', id, seq: checkpoint?.seq ?? 0, detail: `checkpoint ${id} is not signed by the gateway` });
      } else checkpoints.set(checkpoint.seq, checkpoint);
    }
    const anchors: Array<{ what: string; point: ChainPoint }> = [...checkpoints.values()].map((c) => ({ what: `the signed checkpoint at ${c.seq}`, point: c }));
    if (anchor) anchors.push({ what: `this gateway's anchor (entry ${anchor.seq})`, point: anchor });
    const hashAt = new Map<number, string>();
    let previous: { id: string; seq: number; hash: string } | undefined;
    let maxSeen = base.seq;
    let checked = 0;
    let atHead: { id: string; hash: string } | undefined;
    for await (const [id, flat] of this.entries()) {
      checked += 1;
      const fields = fieldsOf(flat);
      const seq = Number(fields.seq);
      const named = { id, seq, messageId: fields.message_id || undefined };
      if (anchors.some((a) => a.point.seq === seq)) hashAt.set(seq, fields.hash);
      if (head && seq === head.seq && !atHead) atHead = { id, hash: fields.hash };
      if (chainHash(fields, this.secrets.auditKey) !== fields.hash) {
        problems.push({ kind: 'edited', ...named, detail: `entry ${seq} (${id}) does not match its hash: its content was changed` });
      } else if (seq === base.seq + 1 && fields.prev_hash !== base.hash) {
        problems.push({ kind: 'edited', ...named, detail: `entry ${seq} (${id}) does not start the ${base.seq ? 'retained ' : ''}chain` });
      } else if (previous && seq === previous.seq + 1 && fields.prev_hash !== previous.hash) {
        problems.push({
          kind: 'edited',
          id: previous.id,
          seq: previous.seq,
          detail: `entry ${previous.seq} (${previous.id}) was changed and re-hashed: entry ${seq} (${id}) does not link to it`,
        });
      }
      if (seq <= maxSeen) {
        const filled = takeFromGaps(gaps, seq);
        problems.push({
          kind: 'reordered',
          ...named,
          detail: filled
            ? `entry ${seq} (${id}) is out of order: it comes after entry ${maxSeen}`
            : `entry ${seq} (${id}) repeats a sequence number already seen`,
        });
      } else {
        if (seq > maxSeen + 1) gaps.push({ from: maxSeen + 1, to: seq - 1, after: previous?.id, before: id });
        maxSeen = seq;
      }
      previous = { id, seq, hash: fields.hash };
    }
    if (head && !head.signed) problems.push({ kind: 'forged', seq: head.seq, detail: 'audit:head is not signed by the gateway' });
    const end = Math.max(head?.seq ?? 0, maxSeen);
    for (const { what, point } of anchors) {
      if (point.seq > end) {
        problems.push({ kind: 'truncated', seq: end + 1, detail: `entries ${end + 1}..${point.seq} are gone from the end (${what}), audit:head ${head ? `says ${head.seq}` : 'is missing'}` });
      } else if (hashAt.has(point.seq) && hashAt.get(point.seq) !== point.hash) {
        problems.push({ kind: 'edited', seq: point.seq, detail: `entry ${point.seq} is not the one ${what} recorded: the chain was rewritten` });
      }
    }
    if (head && head.seq > maxSeen) gaps.push({ from: maxSeen + 1, to: head.seq, after: previous?.id });
    if (head && atHead && head.hash !== atHead.hash) {
      problems.push({ kind: 'edited', id: atHead.id, seq: head.seq, detail: `entry ${head.seq} (${atHead.id}) does not match audit:head` });
    }
    for (const gap of gaps) problems.push(describeGap(gap));
    problems.sort((a, b) => a.seq - b.seq);
    return { ok: problems.length === 0, checked, head: rawHead, base, checkpoints: checkpoints.size, problems };
  }

  private async *entries(): AsyncGenerator<[string, string[]]> {
    let start = '-';
    for (;;) {
      const page = (await this.redis.command.xrange(this.redis.keys.audit, start, '+', 'COUNT', PAGE)) as Array<[string, string[]]>;
      yield* page;
      if (page.length < PAGE) return;
      start = `(${page[page.length - 1][0]}`;
    }
  }
}

function safeJson(raw: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Removes `seq` from the gap holding it; true when one did (the entry was moved, not repeated). */
function takeFromGaps(gaps: Gap[], seq: number): boolean {
  const index = gaps.findIndex((gap) => seq >= gap.from && seq <= gap.to);
  if (index < 0) return false;
  const gap = gaps[index];
  const parts = [
    { ...gap, to: seq - 1 },
    { ...gap, from: seq + 1 },
  ].filter((part) => part.from <= part.to);
  gaps.splice(index, 1, ...parts);
  return true;
}

function describeGap(gap: Gap): AuditProblem {
  const which = gap.from === gap.to ? `entry ${gap.from} is` : `entries ${gap.from}..${gap.to} are`;
  const where = gap.after && gap.before ? `between ${gap.after} and ${gap.before}` : gap.before ? `before ${gap.before}` : gap.after ? `after ${gap.after} (the end)` : '';
  return { kind: 'deleted', id: gap.before, seq: gap.from, detail: `${which} missing ${where}`.trim() };
}
