import { streamEntryFields } from '../redis/stream-fields';
import { DEAD_LETTER_FIELDS as F, DEAD_LETTER_TARGET_ALIASES } from './dead-letter.fields';
import type { DeadLetterInput, DeadLetterView } from './dead-letter.interfaces';

/**
 * The `[k, v, k, v]` fields of a dead letter, in the order every writer uses (XADD arguments, or the
 * ARGV tail of the inbox's atomic dead-letter script). `senderId` / `messageId` only when given.
 */
export function deadLetterFields(letter: DeadLetterInput): string[] {
  const fields = [
    F.envelope, letter.envelope,
    F.agentId, letter.agentId,
    F.reason, letter.reason,
    F.attempts, String(letter.attempts),
    F.failedAt, String(letter.failedAt ?? Date.now() / 1000),
    F.source, letter.source,
    F.entryId, letter.entryId,
  ];
  if (letter.senderId !== undefined) fields.push(F.senderId, letter.senderId);
  if (letter.messageId !== undefined) fields.push(F.messageId, letter.messageId);
  for (const [key, value] of Object.entries(letter.extra ?? {})) fields.push(key, value);
  return fields;
}

/** The envelope's own fields, when it is a readable JSON object (an unreadable one is listed as it is). */
function envelopeFields(raw: string | undefined): Record<string, unknown> {
  try {
    const parsed = raw ? (JSON.parse(raw) as unknown) : undefined;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Reads one `dlq:messages` entry (its id and its flat fields or their record) into a {@link DeadLetterView}. */
export function deadLetterViewOf(id: string, entry: readonly string[] | Record<string, string>): DeadLetterView {
  const fields = Array.isArray(entry) ? streamEntryFields(entry) : { ...(entry as Record<string, string>) };
  const envelope = fields[F.envelope];
  delete fields[F.envelope];
  const wire = envelopeFields(envelope);
  const agentId = fields[F.agentId] || DEAD_LETTER_TARGET_ALIASES.map((name) => fields[name]).find(Boolean) || text(wire.target_id);
  return {
    id,
    agentId,
    senderId: fields[F.senderId] || text(wire.sender_id),
    messageId: fields[F.messageId] || text(wire.message_id),
    messageType: text(wire.message_type),
    reason: fields[F.reason] ?? '',
    attempts: Number(fields[F.attempts]) || 1,
    failedAt: Number(fields[F.failedAt]) || 0,
    source: fields[F.source] ?? '',
    entryId: fields[F.entryId] ?? '',
    envelope: envelope ?? '',
    fields,
  };
}
