import { Injectable } from '@nestjs/common';
import { MasConnection, MasKeys } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { chainHash, fieldsOf, GENESIS_HASH, parseHead } from './audit-entry';

/** Something wrong in the trail, naming the entry. */
export interface AuditProblem {
  kind: 'edited' | 'deleted' | 'reordered';
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
  /** `{seq}:{hash}` of the head pointer, to keep outside Redis as an anchor. */
  head: string | null;
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
 * Walks `audit:messages` and checks the chain: each entry's hash against its content (edited), its
 * `prev_hash` against the entry before it (edited and re-hashed), the sequence numbers (deleted,
 * reordered) and the last entry against `audit:head` (deleted at the end). Memory: O(gaps).
 */
@Injectable()
export class AuditVerifier {
  constructor(
    private readonly redis: MasConnection,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  async verify(): Promise<AuditVerification> {
    const problems: AuditProblem[] = [];
    const gaps: Gap[] = [];
    let previous: { id: string; seq: number; hash: string } | undefined;
    let maxSeen = 0;
    let maxHash: { id: string; hash: string } | undefined;
    let checked = 0;
    for await (const [id, flat] of this.entries()) {
      checked += 1;
      const fields = fieldsOf(flat);
      const seq = Number(fields.seq);
      const named = { id, seq, messageId: fields.message_id || undefined };
      if (chainHash(fields, this.settings.audit.hmacKey) !== fields.hash) {
        problems.push({ kind: 'edited', ...named, detail: `entry ${seq} (${id}) does not match its hash: its content was changed` });
      } else if (seq === 1 && fields.prev_hash !== GENESIS_HASH) {
        problems.push({ kind: 'edited', ...named, detail: `entry 1 (${id}) does not start the chain` });
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
        maxHash = { id, hash: fields.hash };
      }
      previous = { id, seq, hash: fields.hash };
    }
    const rawHead = await this.redis.command.get(MasKeys.auditHead);
    const head = parseHead(rawHead);
    if (head && head.seq > maxSeen) gaps.push({ from: maxSeen + 1, to: head.seq, after: previous?.id });
    if (head && head.seq === maxSeen && maxHash && head.hash !== maxHash.hash) {
      problems.push({ kind: 'edited', id: maxHash.id, seq: maxSeen, detail: `the last entry ${maxSeen} (${maxHash.id}) does not match audit:head` });
    }
    for (const gap of gaps) problems.push(describeGap(gap));
    problems.sort((a, b) => a.seq - b.seq);
    return { ok: problems.length === 0, checked, head: rawHead, problems };
  }

  private async *entries(): AsyncGenerator<[string, string[]]> {
    let start = '-';
    for (;;) {
      const page = (await this.redis.command.xrange(MasKeys.audit, start, '+', 'COUNT', PAGE)) as Array<[string, string[]]>;
      yield* page;
      if (page.length < PAGE) return;
      start = `(${page[page.length - 1][0]}`;
    }
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
