import type { DeadLetterView, MasKeySpace } from '@mas/core';
import type Redis from 'ioredis';

/** What a replay did with one entry. */
export type ReplayOutcome =
  | { id: string; status: 'replayed'; target: string; /** The inbox stream it went to, or `gateway`. */ to: string }
  | { id: string; status: 'missing' }
  | { id: string; status: 'skipped'; reason: string };

/**
 * A dead letter as `mas dlq list --json` prints it (the CLI's output since its first version):
 * the {@link DeadLetterView} under the CLI's names (`target`: the agent the message was for),
 * without the values the entry does not have.
 */
export interface ListedDeadLetter {
  id: string;
  target?: string;
  sender?: string;
  messageType?: string;
  messageId?: string;
  reason?: string;
  attempts: number;
  /** Epoch seconds. */
  failedAt?: number;
  /** Every field of the entry except the envelope. */
  fields: Record<string, string>;
  envelope?: string;
}

/** The `--json` form of one dead letter. */
export function listedDeadLetter(letter: DeadLetterView): ListedDeadLetter {
  return {
    id: letter.id,
    ...(letter.agentId ? { target: letter.agentId } : {}),
    ...(letter.senderId ? { sender: letter.senderId } : {}),
    ...(letter.messageType ? { messageType: letter.messageType } : {}),
    ...(letter.messageId ? { messageId: letter.messageId } : {}),
    ...(letter.reason ? { reason: letter.reason } : {}),
    attempts: letter.attempts,
    ...(letter.failedAt ? { failedAt: letter.failedAt } : {}),
    fields: letter.fields,
    ...(letter.envelope ? { envelope: letter.envelope } : {}),
  };
}

/**
 * Replays one dead letter without the gateway: appends its envelope to the inbox stream of the
 * agent it was for, `agent.stream:{agentId}` (at-least-once), then removes the entry;
 * `keep` leaves it in the dead-letter stream too.
 */
export async function replayIntoInbox(redis: Redis, keys: MasKeySpace, letter: DeadLetterView, keep = false): Promise<ReplayOutcome> {
  if (!letter.envelope) return { id: letter.id, status: 'skipped', reason: 'the entry has no envelope' };
  if (!letter.agentId) return { id: letter.id, status: 'skipped', reason: 'the entry names no target' };
  const stream = keys.inbox(letter.agentId);
  // Two steps (the inbox and the dead letters are in different slots on a cluster): appended first,
  // then removed. A removal that fails leaves the letter to be replayed again: at least once, and the
  // reliable inbox drops a message id it already completed.
  try {
    await redis.xadd(stream, '*', keys.envelopeField, letter.envelope);
  } catch (error) {
    return { id: letter.id, status: 'skipped', reason: (error as Error).message };
  }
  if (!keep) await redis.xdel(keys.deadLetters, letter.id);
  return { id: letter.id, status: 'replayed', target: letter.agentId, to: stream };
}
