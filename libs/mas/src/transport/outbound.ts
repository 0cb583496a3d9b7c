import type Redis from 'ioredis';
import { InboxFullError } from '../errors';
import { AgentMessage, encodeMessage } from '../protocol';
import { deadLetterFields } from '../dead-letters/dead-letter.codec';
import { DEAD_LETTER_FIELDS } from '../dead-letters/dead-letter.fields';
import type { MasKeySpace } from '../redis/keys';
import { isClusterClient, publishOn } from '../redis/pubsub';
import { INBOX_APPEND_SCRIPT, INBOX_MAKE_ROOM_SCRIPT, INBOX_ROOM_CANDIDATES_SCRIPT } from './inbox.scripts';
import { DEFAULT_INBOX_OPTIONS } from './inbox-options.interfaces';

/** How a message travels: PUBLISH on the target's channel, or appended to its inbox stream. */
export type DeliveryPath = 'direct' | 'reliable';

/**
 * Puts one encoded envelope on the wire: PUBLISH to `agent.{target}` (direct; resolves with the
 * number of subscribers reached), or appended to the target's inbox stream `agent.stream:{target}`
 * (reliable; resolves with 1 once Redis stored it) within the capacity the receiver declared.
 * @throws InboxFullError when the receiver's inbox is full and it chose to refuse new messages.
 */
export function publishPayload(redis: Redis, keys: MasKeySpace, targetId: string, payload: string, path: DeliveryPath = 'direct'): Promise<number> {
  if (path === 'direct') return publishOn(redis, keys.agentChannel(targetId), payload);
  return appendToInbox(redis, keys, targetId, payload).then(() => 1);
}

/**
 * Appends an encoded envelope to the target's inbox within the capacity it declared (making room
 * first when it chose `dead-letter`); resolves with the inbox's length after the append.
 * @throws InboxFullError when the inbox is full and the receiver refuses new messages.
 */
export async function appendToInbox(redis: Redis, keys: MasKeySpace, targetId: string, payload: string): Promise<number> {
  const scriptKeys = [keys.inbox(targetId), keys.inboxLimits(targetId)];
  const args = [keys.envelopeField, payload, keys.inboxGroup, DEFAULT_INBOX_OPTIONS.maxLength, DEFAULT_INBOX_OPTIONS.overflow];
  for (let attempt = 0; ; attempt++) {
    const [outcome, length, capacity] = await INBOX_APPEND_SCRIPT.run<[number, number, number]>(redis, scriptKeys, args);
    if (outcome === 1) return length;
    if (outcome === 0 || attempt >= MAKE_ROOM_ATTEMPTS) throw new InboxFullError(targetId, length, capacity);
    await makeRoom(redis, keys, targetId);
  }
}

/**
 * Appends without the capacity check (a plain XADD): only for a sender that knows the inbox is far
 * from full ({@link TargetLimits.mayAppendUnchecked}). Resolves with the entry's id.
 */
export function appendUnchecked(redis: Redis, keys: MasKeySpace, targetId: string, payload: string): Promise<string | null> {
  return redis.xadd(keys.inbox(targetId), '*', keys.envelopeField, payload);
}

/** Attempts at making room in a full `dead-letter` inbox (other senders may fill it again meanwhile). */
const MAKE_ROOM_ATTEMPTS = 3;

/** Moves the oldest unread entries of a full `dead-letter` inbox to the dead-letter stream. */
async function makeRoom(redis: Redis, keys: MasKeySpace, targetId: string): Promise<void> {
  if (isClusterClient(redis)) return makeRoomAcrossSlots(redis, keys, targetId);
  const letter = deadLetterFields({
    envelope: '',
    agentId: targetId,
    reason: 'inbox full: oldest unread entry moved out to make room',
    attempts: 0,
    source: keys.inbox(targetId),
    entryId: '',
  });
  await INBOX_MAKE_ROOM_SCRIPT.run(
    redis,
    [keys.inbox(targetId), keys.inboxLimits(targetId), keys.deadLetters],
    [keys.envelopeField, keys.inboxGroup, DEFAULT_INBOX_OPTIONS.maxLength, DEFAULT_INBOX_OPTIONS.deadLetterMaxLength, DEAD_LETTER_FIELDS.entryId, ...letter],
  );
}

/** Encodes `message` and puts it on the wire by `path` (see {@link publishPayload}). */
export async function publishEnvelope(redis: Redis, keys: MasKeySpace, message: AgentMessage, path: DeliveryPath = 'direct'): Promise<number> {
  return publishPayload(redis, keys, message.targetId, encodeMessage(message), path);
}

/** {@link makeRoom} on a cluster, where the dead-letter stream has a slot of its own: append, then delete. */
async function makeRoomAcrossSlots(redis: Redis, keys: MasKeySpace, targetId: string): Promise<void> {
  const inbox = keys.inbox(targetId);
  const candidates = await INBOX_ROOM_CANDIDATES_SCRIPT.run<Array<[string, string]>>(
    redis,
    [inbox, keys.inboxLimits(targetId)],
    [keys.envelopeField, keys.inboxGroup, DEFAULT_INBOX_OPTIONS.maxLength],
  );
  for (const [entryId, envelope] of candidates) {
    const letter = deadLetterFields({
      envelope, agentId: targetId, reason: 'inbox full: oldest unread entry moved out to make room', attempts: 0, source: inbox, entryId,
    });
    await redis.xadd(keys.deadLetters, 'MAXLEN', '~', DEFAULT_INBOX_OPTIONS.deadLetterMaxLength, '*', ...letter);
  }
  if (candidates.length) await redis.xdel(inbox, ...candidates.map(([entryId]) => entryId));
}
