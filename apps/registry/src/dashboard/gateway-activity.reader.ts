import { Injectable } from '@nestjs/common';
import { auditViewOf, deadLetterViewOf, MasConnection, slotPipeline, StreamEntry, streamEntryFields } from '@mas/core';
import { RegistrySettings } from '../config/registry.settings';
import type { AuditTailEntry, DeadLetterEntry, GatewayActivity } from './dashboard-snapshot.interfaces';

/** Audit entries read at most to count decisions per second (the window shrinks to what they cover). */
const MAX_COUNTED_ENTRIES = 5_000;
/** How long a `/health` answer of the configured gateway is reused, in ms. */
const HEALTH_TTL_MS = 5_000;
/** Time allowed to the gateway's `/health`, in ms. */
const HEALTH_TIMEOUT_MS = 1_000;

/** Epoch ms of a stream entry id (`<ms>-<seq>`). */
function idTime(id: string): number {
  return Number(id.split('-')[0]) || 0;
}

/**
 * What the dashboard's gateway panel shows, read from the gateway's streams in Redis with the
 * registry's own connection: decisions per second by type (from the newest audit entries), the
 * audit tail and the dead letters; plus the `/health` of a configured gateway URL.
 */
@Injectable()
export class GatewayActivityReader {
  private health?: { at: number; healthy: boolean | null; pending?: Promise<void> };

  constructor(
    private readonly connection: MasConnection,
    private readonly settings: RegistrySettings,
  ) {}

  /** The panel's content, or null when no gateway is configured and none of its streams exists. */
  async read(now = Date.now()): Promise<GatewayActivity | null> {
    const { tailLength, decisionWindowMs, gatewayUrl } = this.settings.dashboard;
    const replies = await slotPipeline(this.connection.command)
      .xlen(this.connection.keys.audit)
      .xlen(this.connection.keys.deadLetters)
      .xrevrange(this.connection.keys.audit, '+', String(now - decisionWindowMs), 'COUNT', MAX_COUNTED_ENTRIES)
      .xrevrange(this.connection.keys.audit, '+', '-', 'COUNT', tailLength)
      .xrevrange(this.connection.keys.deadLetters, '+', '-', 'COUNT', tailLength)
      .exec();
    // A key of another type (not written by MAS) reads as absent rather than failing the snapshot.
    const [auditLength, deadLetterCount, recent, auditTail, deadLetters] = (replies ?? []).map(([error, value]) => (error ? undefined : value));
    const lengths = { audit: Number(auditLength ?? 0), dlq: Number(deadLetterCount ?? 0) };
    if (!gatewayUrl && !lengths.audit && !lengths.dlq) return null;

    const counted = (recent ?? []) as StreamEntry[];
    const oldest = counted.length ? idTime(counted[counted.length - 1][0]) : now;
    // When the cap was hit, the entries cover less than the window: divide by what they cover.
    const windowMs = counted.length >= MAX_COUNTED_ENTRIES ? Math.max(1, now - oldest) : decisionWindowMs;
    const decisionsPerSecond: Record<string, number> = {};
    for (const [, flat] of counted) {
      const decision = streamEntryFields(flat).decision || 'UNKNOWN';
      decisionsPerSecond[decision] = (decisionsPerSecond[decision] ?? 0) + 1;
    }
    for (const decision of Object.keys(decisionsPerSecond)) decisionsPerSecond[decision] /= windowMs / 1000;

    return {
      endpoint: gatewayUrl ? { url: gatewayUrl.replace(/\/+$/, ''), healthy: this.gatewayHealth(now) } : null,
      decisionsPerSecond,
      decisionsCounted: counted.length,
      windowSeconds: windowMs / 1000,
      auditLength: lengths.audit,
      auditTail: ((auditTail ?? []) as StreamEntry[]).map(toAuditEntry),
      deadLetterCount: lengths.dlq,
      deadLetters: ((deadLetters ?? []) as StreamEntry[]).map(toDeadLetter),
    };
  }

  /** Last known health of the configured gateway; refreshed in the background every few seconds. */
  private gatewayHealth(now: number): boolean | null {
    const known = this.health;
    if (!known || (now - known.at > HEALTH_TTL_MS && !known.pending)) {
      const url = `${this.settings.dashboard.gatewayUrl.replace(/\/+$/, '')}/health`;
      const entry: { at: number; healthy: boolean | null; pending?: Promise<void> } = { at: now, healthy: known?.healthy ?? null };
      entry.pending = fetch(url, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) })
        .then((response) => response.ok, () => false)
        .then((healthy) => {
          entry.healthy = healthy;
          entry.at = Date.now();
          entry.pending = undefined;
        });
      this.health = entry;
    }
    return this.health!.healthy;
  }
}

function toAuditEntry([id, flat]: StreamEntry): AuditTailEntry {
  const view = auditViewOf(id, streamEntryFields(flat));
  return {
    id,
    at: view.ts || idTime(id),
    decision: view.decision,
    stage: view.stage,
    reason: view.reason,
    senderId: view.sender_id,
    targetId: view.target_id,
    messageType: view.message_type,
  };
}

function toDeadLetter([id, flat]: StreamEntry): DeadLetterEntry {
  const letter = deadLetterViewOf(id, flat);
  return {
    id,
    at: Math.round(letter.failedAt * 1000) || idTime(id),
    agentId: letter.agentId,
    senderId: letter.senderId,
    reason: letter.reason,
    attempts: letter.attempts,
    source: letter.source,
  };
}
