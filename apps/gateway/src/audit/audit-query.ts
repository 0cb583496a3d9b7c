import { Injectable } from '@nestjs/common';
import { auditViewOf, type AuditView, GatewayDecision, MasConnection } from '@mas/core';
import { AUDIT_COLUMNS, fieldsOf } from './audit-entry';

/** Filters of an audit query; all optional. */
export interface AuditFilter {
  sender?: string;
  target?: string;
  decision?: GatewayDecision;
  /** A violation code (`dlp:ssn`) or its family (`dlp`). */
  violation?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, inclusive. */
  to?: number;
  /** At most this many entries (default 100). */
  limit?: number;
  /** `newest` first (default, what `GET /audit` returns) or `oldest` first. */
  order?: 'newest' | 'oldest';
  /** Continue after this cursor (the `next` of the previous page). */
  cursor?: string;
}

/** One page of a query: its entries and the cursor of the next page (undefined on the last). */
export interface AuditPage {
  entries: AuditView[];
  next?: string;
}

/** One audit entry as the API returns it (shared with the dashboard and the CLI). */
export type { AuditView };

const PAGE = 500;
/** Stream ids are Redis's append time, `ts` the gateway's decision time: ids bound the scan with this margin. */
const CLOCK_MARGIN_MS = 300_000;

/**
 * Reads the audit trail: by sender or target from their index streams, otherwise from
 * `audit:messages`; the time range (on each entry's `ts`) narrows the scan by stream id; decision
 * and violation filter the entries. An index entry holds only the `audit_id` of its entry in
 * `audit:messages`, read from there (one pipeline per page; an entry cut by retention meanwhile is
 * left out); index entries written by earlier versions, which hold a copy of every field, are read
 * as they are.
 */
@Injectable()
export class AuditQuery {
  constructor(private readonly redis: MasConnection) {}

  /** The matching entries, newest first unless `order: 'oldest'`. */
  async query(filter: AuditFilter = {}): Promise<AuditView[]> {
    return (await this.page(filter)).entries;
  }

  /**
   * One page of matching entries and the cursor of the next one (a stream id of the stream read:
   * `audit:messages`, or the sender's or target's index stream).
   */
  async page(filter: AuditFilter = {}): Promise<AuditPage> {
    const stream = filter.sender ? this.redis.keys.auditBySender(filter.sender) : filter.target ? this.redis.keys.auditByTarget(filter.target) : this.redis.keys.audit;
    const indexed = stream !== this.redis.keys.audit;
    const limit = Math.max(1, filter.limit ?? 100);
    const oldestFirst = filter.order === 'oldest';
    let high = filter.to === undefined ? '+' : String(filter.to + CLOCK_MARGIN_MS);
    let low = filter.from === undefined ? '-' : String(Math.max(0, filter.from - CLOCK_MARGIN_MS));
    if (filter.cursor) {
      if (oldestFirst) low = `(${filter.cursor}`;
      else high = `(${filter.cursor}`;
    }
    const out: AuditView[] = [];
    for (;;) {
      const page = (
        oldestFirst
          ? await this.redis.command.xrange(stream, low, high, 'COUNT', PAGE)
          : await this.redis.command.xrevrange(stream, high, low, 'COUNT', PAGE)
      ) as Array<[string, string[]]>;
      const entries = indexed ? await this.resolved(page) : page;
      for (let i = 0; i < page.length; i += 1) {
        const id = page[i][0];
        const flat = entries[i][1];
        if (!flat) continue; // cut by retention since it was indexed
        const view = auditViewOf(entries[i][0], fieldsOf(flat));
        if (matches(view, filter)) out.push(view);
        if (out.length >= limit) return { entries: out, next: id };
      }
      if (page.length < PAGE) return { entries: out };
      const last = `(${page[page.length - 1][0]}`;
      if (oldestFirst) low = last;
      else high = last;
    }
  }

  /**
   * The entries of `audit:messages` that index entries point to, in their order (fields null for
   * one no longer there); an index entry with fields of its own (an earlier version's copy) is kept.
   */
  private async resolved(page: Array<[string, string[]]>): Promise<Array<[string, string[] | null]>> {
    const out: Array<[string, string[] | null]> = page.map(([id, flat]) => [id, flat]);
    const pipeline = this.redis.command.pipeline();
    const pointing: number[] = [];
    for (let i = 0; i < page.length; i += 1) {
      const flat = page[i][1];
      if (flat.length !== 2 || flat[0] !== 'audit_id') continue; // a full copy
      pointing.push(i);
      pipeline.xrange(this.redis.keys.audit, flat[1], flat[1]);
    }
    if (!pointing.length) return out;
    const replies = (await pipeline.exec()) ?? [];
    pointing.forEach((index, k) => {
      const [error, found] = replies[k] ?? [new Error('no reply')];
      if (error) throw error;
      const entry = (found as Array<[string, string[]]>)[0];
      out[index] = entry ? [entry[0], entry[1]] : [page[index][1][1], null];
    });
    return out;
  }

  /** The query's entries as CSV (header row, RFC 4180 quoting). */
  async exportCsv(filter: AuditFilter): Promise<string> {
    const columns = ['id', ...AUDIT_COLUMNS] as const;
    const rows = (await this.query(filter)).map((view) =>
      columns.map((column) => csvCell(view[column as keyof AuditView])).join(','),
    );
    return [columns.join(','), ...rows].join('\r\n') + '\r\n';
  }
}

function matches(view: AuditView, filter: AuditFilter): boolean {
  if (filter.sender && view.sender_id !== filter.sender) return false;
  if (filter.target && view.target_id !== filter.target) return false;
  if (filter.decision && view.decision !== filter.decision) return false;
  if (filter.from !== undefined && view.ts < filter.from) return false;
  if (filter.to !== undefined && view.ts > filter.to) return false;
  if (filter.violation) {
    const wanted = filter.violation;
    if (!view.violations.some((v) => v === wanted || v.startsWith(`${wanted}:`))) return false;
  }
  return true;
}

function csvCell(value: unknown): string {
  let text = Array.isArray(value) ? value.join(' ') : value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t]/.test(text)) text = `'${text}`; // no formulas when opened in a spreadsheet
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
