import { MasKeys } from '@mas/core';
import type Redis from 'ioredis';

/** One entry of the dead-letter stream `dlq:messages`. */
export interface DeadLetter {
  /** Stream entry id. */
  id: string;
  /** Where a replay delivers it: the envelope's `target_id`, else the entry's agent id. */
  target?: string;
  sender?: string;
  messageType?: string;
  messageId?: string;
  reason?: string;
  attempts?: number;
  /** Epoch seconds. */
  failedAt?: number;
  /** Every field of the entry except the envelope. */
  fields: Record<string, string>;
  /** The envelope JSON as stored (absent when the entry has none). */
  envelope?: string;
}

/** What a replay did with one entry. */
export type ReplayOutcome =
  | { id: string; status: 'replayed'; target: string; /** The inbox stream it went to, or `gateway`. */ to: string }
  | { id: string; status: 'missing' }
  | { id: string; status: 'skipped'; reason: string };

type StreamEntry = [string, string[]];

const TARGET_FIELDS = ['target_id', 'target', 'agent_id'];

function toDeadLetter([id, flat]: StreamEntry): DeadLetter {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]] = flat[i + 1];
  const envelope = fields[MasKeys.envelopeField];
  delete fields[MasKeys.envelopeField];
  let wire: Record<string, unknown> = {};
  try {
    const parsed = envelope ? (JSON.parse(envelope) as unknown) : undefined;
    if (parsed && typeof parsed === 'object') wire = parsed as Record<string, unknown>;
  } catch {
    // an unparsable envelope is shown as is and cannot be replayed
  }
  const str = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const target = str(wire.target_id) ?? TARGET_FIELDS.map((name) => str(fields[name])).find(Boolean);
  const sender = str(wire.sender_id) ?? str(fields.sender_id);
  const messageId = str(wire.message_id) ?? str(fields.message_id);
  return {
    id,
    ...(target ? { target } : {}),
    ...(sender ? { sender } : {}),
    ...(str(wire.message_type) ? { messageType: str(wire.message_type) } : {}),
    ...(messageId ? { messageId } : {}),
    ...(fields.reason ? { reason: fields.reason } : {}),
    ...(Number(fields.attempts) ? { attempts: Number(fields.attempts) } : {}),
    ...(Number(fields.failed_at) ? { failedAt: Number(fields.failed_at) } : {}),
    fields,
    ...(envelope !== undefined ? { envelope } : {}),
  };
}

/**
 * The dead-letter stream: entries moved there by reliable inboxes (handler kept failing) and by
 * the gateway (could not deliver). Replaying appends the envelope to the target's inbox stream
 * `agent.stream:{target}` (at-least-once) and removes the entry, atomically.
 */
export class DeadLetters {
  constructor(private readonly redis: Redis) {}

  /** Number of entries. */
  async count(): Promise<number> {
    return this.redis.xlen(MasKeys.deadLetters);
  }

  /** Up to `limit` entries, oldest first, after entry id `after` (exclusive), optionally for one agent. */
  async list(limit: number, options: { after?: string; agent?: string } = {}): Promise<DeadLetter[]> {
    const out: DeadLetter[] = [];
    let start = options.after ? `(${options.after}` : '-';
    while (out.length < limit) {
      const page = (await this.redis.xrange(MasKeys.deadLetters, start, '+', 'COUNT', Math.max(limit, 100))) as StreamEntry[];
      for (const entry of page.map(toDeadLetter)) {
        if (!options.agent || entry.target === options.agent || entry.sender === options.agent || entry.fields.agent_id === options.agent) {
          out.push(entry);
          if (out.length === limit) break;
        }
      }
      if (page.length < Math.max(limit, 100)) break;
      start = `(${page[page.length - 1][0]}`;
    }
    return out;
  }

  /** The entries with these ids (undefined for an id not in the stream). */
  async get(ids: string[]): Promise<Array<DeadLetter | undefined>> {
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.xrange(MasKeys.deadLetters, id, id);
    const results = (await pipeline.exec()) ?? [];
    return results.map(([error, page]) => {
      const entries = (error ? [] : page) as StreamEntry[];
      return entries.length ? toDeadLetter(entries[0]) : undefined;
    });
  }

  /** Replays one entry into its target's inbox; `keep` leaves it in the dead-letter stream too. */
  async replay(entry: DeadLetter, keep = false): Promise<ReplayOutcome> {
    if (!entry.envelope) return { id: entry.id, status: 'skipped', reason: 'the entry has no envelope' };
    if (!entry.target) return { id: entry.id, status: 'skipped', reason: 'the entry names no target' };
    const stream = MasKeys.inbox(entry.target);
    const multi = this.redis.multi().xadd(stream, '*', MasKeys.envelopeField, entry.envelope);
    if (!keep) multi.xdel(MasKeys.deadLetters, entry.id);
    const results = (await multi.exec()) ?? [];
    const [error] = results[0] ?? [new Error('transaction aborted')];
    if (error) return { id: entry.id, status: 'skipped', reason: error.message };
    return { id: entry.id, status: 'replayed', target: entry.target, to: stream };
  }
}
