/** Whom an envelope is from and for, as authentication and the batch reads need it before it is decoded. */
export interface EnvelopeRoute {
  readonly senderId: string;
  readonly targetId: string;
  /** An `"is_reply": true` somewhere in the envelope: a hint for what to read ahead; the decoded `meta.isReply` decides. */
  readonly replyHint: boolean;
}

const REPLY_HINT = /"is_reply"\s*:\s*true/;
const JSON_SPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Reads `sender_id` and `target_id` of a raw JSON envelope without parsing it, when that is exact:
 * the text has no backslash (no escapes, so every quote delimits a string and no key is spelt with
 * an escape) and each key appears once, followed by a non-empty string. Both are required at the top
 * level of an envelope, so for every envelope that decodes that single occurrence is the top-level
 * one and the values are what decoding gives; for one that does not decode they may come from
 * anywhere in it (it is malformed either way). Undefined when it cannot tell: decode instead.
 */
export function peekEnvelopeRoute(raw: string): EnvelopeRoute | undefined {
  if (raw.includes('\\')) return undefined;
  const senderId = soleStringValue(raw, '"sender_id"');
  const targetId = senderId === undefined ? undefined : soleStringValue(raw, '"target_id"');
  if (senderId === undefined || targetId === undefined) return undefined;
  return { senderId, targetId, replyHint: REPLY_HINT.test(raw) };
}

/** The string after the only occurrence of `key` and a colon; undefined when `key` is absent, repeated or not followed so. */
function soleStringValue(raw: string, key: string): string | undefined {
  const at = raw.indexOf(key);
  if (at < 0 || raw.includes(key, at + 1)) return undefined;
  let i = skipSpace(raw, at + key.length);
  if (raw[i] !== ':') return undefined;
  i = skipSpace(raw, i + 1);
  if (raw[i] !== '"') return undefined;
  const end = raw.indexOf('"', i + 1);
  return end > i + 1 ? raw.slice(i + 1, end) : undefined;
}

function skipSpace(raw: string, from: number): number {
  let i = from;
  while (JSON_SPACE.has(raw[i])) i += 1;
  return i;
}
