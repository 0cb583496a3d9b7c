/** Whom an envelope is from and for, as authentication and the batch reads need it before it is decoded. */
export interface EnvelopeRoute {
  readonly senderId: string;
  readonly targetId: string;
  /** An `"is_reply": true` somewhere in the envelope: a hint for what to read ahead; the decoded `meta.isReply` decides. */
  readonly replyHint: boolean;
}

const REPLY_HINT = /"is_reply"\s*:\s*true/;

/** The {@link EnvelopeRoute.replyHint} of a raw envelope. */
export const replyHintOf = (raw: string): boolean => REPLY_HINT.test(raw);
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

/**
 * The top-level string member `key` of a raw JSON envelope without parsing it, where that is exact
 * (as {@link peekEnvelopeRoute}: no backslash in the text, the key once, followed by a non-empty
 * string, for a member every envelope has at its top level); undefined otherwise.
 */
export function peekTopLevelString(raw: string, key: string): string | undefined {
  return raw.includes('\\') ? undefined : soleStringValue(raw, JSON.stringify(key));
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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const isJsonSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** The top-level members {@link scanTopLevelStrings} reads. */
const SCANNED_KEYS = ['sender_id', 'target_id', 'message_type', 'message_id'] as const;

/** Top-level string members of an envelope, as {@link scanTopLevelStrings} reads them (null: present but not a string). */
export type ScannedEnvelope = Partial<Record<(typeof SCANNED_KEYS)[number], string | null>>;

/**
 * Sender and target of a raw JSON envelope where {@link peekEnvelopeRoute} cannot tell (escapes,
 * repeated keys, the keys also inside the data), still without parsing it ({@link scanTopLevelStrings}):
 * what decoding gives for a text JSON.parse accepts; undefined when they are not non-empty strings
 * (decoding refuses the envelope too).
 */
export function scanEnvelopeRoute(raw: string): EnvelopeRoute | undefined {
  const { sender_id: senderId, target_id: targetId } = scanTopLevelStrings(raw) ?? {};
  if (!senderId || !targetId) return undefined;
  return { senderId, targetId, replyHint: REPLY_HINT.test(raw) };
}

/**
 * `sender_id`, `target_id`, `message_type` and `message_id` of a raw JSON object text without parsing
 * it: one pass that jumps over strings (escapes included) and counts nesting, allocating only the
 * top-level keys and those values. For a text that JSON.parse accepts each is what parsing gives
 * (the last of repeated keys, as JSON.parse keeps; null for a value that is not a string); undefined
 * when the text is not one JSON object. Linear in the text, at the speed of a native string search
 * for the strings in it (about a fifth of a parse for an envelope of many small objects).
 */
export function scanTopLevelStrings(raw: string): ScannedEnvelope | undefined {
  const found: ScannedEnvelope = {};
  let i = skipSpace(raw, 0);
  if (raw.charCodeAt(i) !== OPEN_OBJECT) return undefined;
  let depth = 0;
  let expectKey = false;
  let awaitingValue = false;
  let key: string | undefined;
  const assign = (value: string | null) => {
    if ((SCANNED_KEYS as readonly string[]).includes(key!)) found[key as keyof ScannedEnvelope] = value;
    awaitingValue = false;
  };
  for (; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(raw, i);
      if (end < 0) return undefined;
      if (depth === 1 && (expectKey || awaitingValue)) {
        const text = stringText(raw, i, end);
        if (text === undefined) return undefined;
        if (expectKey) {
          key = text;
          expectKey = false;
        } else assign(text);
      }
      i = end;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (depth === 1 && awaitingValue) assign(null);
      depth += 1;
      if (depth === 1) expectKey = true;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth -= 1;
      if (depth === 0) break;
    } else if (depth === 1) {
      if (code === COLON) awaitingValue = true;
      else if (code === COMMA) expectKey = true;
      else if (awaitingValue && !isJsonSpace(code)) assign(null); // a number, true, false or null
    }
  }
  if (depth !== 0 || skipSpace(raw, i + 1) < raw.length) return undefined;
  return found;
}

/** Index of the quote closing the string that opens at `start`; -1 when it never closes. */
function stringEnd(raw: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const end = raw.indexOf('"', from);
    if (end < 0) return -1;
    let slashes = 0;
    while (raw.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes += 1;
    if (slashes % 2 === 0) return end;
    from = end + 1;
  }
}

/** The value of the JSON string from `start` to `end` (its quotes); undefined when an escape in it is invalid. */
function stringText(raw: string, start: number, end: number): string | undefined {
  const text = raw.slice(start + 1, end);
  if (!text.includes('\\')) return text;
  try {
    return JSON.parse(raw.slice(start, end + 1)) as string;
  } catch {
    return undefined;
  }
}
