import { randomUUID } from 'node:crypto';
import { MalformedEnvelopeError, MessageEncodingError, MessageTooLargeError } from '../errors';
import { MAX_TRACESTATE_LENGTH, parseTraceparent } from '../observability/trace-context';
import { AgentMessage } from './agent-message';
import { MessageData, MessageMeta, MessagePriority, WireError } from './envelope.interfaces';

/** Version written into `meta.version`. */
export const PROTOCOL_VERSION = 1;

const PRIORITIES = new Set<MessagePriority>(['CRITICAL', 'HIGH', 'NORMAL', 'LOW', 'BULK']);
const KNOWN_FIELDS = new Set([
  'sender_id',
  'target_id',
  'message_type',
  'data',
  'meta',
  'timestamp',
  'message_id',
]);

/** What `createMessage` needs; the rest gets defaults (fresh id, current time). */
export interface NewMessage {
  senderId: string;
  targetId: string;
  messageType: string;
  data?: MessageData;
  correlationId?: string | null;
  expectsReply?: boolean;
  isReply?: boolean;
  error?: WireError;
  priority?: MessagePriority;
  /** Epoch seconds after which the requester no longer waits (requests). */
  deadline?: number;
}

/** What a reply to `request` from `senderId` is made of (correlation id kept, sent to the requester). */
export function replySpec(senderId: string, request: AgentMessage, messageType: string, data: MessageData, error?: WireError): NewMessage {
  // A literal of one shape (no spread): this is on every reply's path.
  const spec: NewMessage = { senderId, targetId: request.senderId, messageType, data, correlationId: request.meta.correlationId, isReply: true };
  if (error) spec.error = error;
  return spec;
}

/** Builds a new outgoing message with a fresh id and timestamp. */
export function createMessage(spec: NewMessage): AgentMessage {
  const meta: MessageMeta = {
    version: PROTOCOL_VERSION,
    correlationId: spec.correlationId ?? null,
    expectsReply: spec.expectsReply ?? false,
    isReply: spec.isReply ?? false,
  };
  if (spec.error) meta.error = spec.error;
  if (spec.priority) meta.priority = spec.priority;
  if (spec.deadline !== undefined) meta.deadline = spec.deadline;
  return new AgentMessage(
    spec.senderId,
    spec.targetId,
    spec.messageType,
    spec.data ?? {},
    meta,
    Date.now() / 1000,
    randomUUID(),
  );
}

/**
 * Serialises a message to its JSON wire form.
 * @throws MessageEncodingError when the data cannot be written as JSON (BigInt, circular, too deep).
 */
export function encodeMessage(message: AgentMessage): string {
  try {
    return plainEnvelopeJson(message) ?? JSON.stringify(message.toWire());
  } catch (error) {
    throw new MessageEncodingError(message.messageType, (error as Error).message, { cause: error });
  }
}

/** A string JSON.stringify writes as it is, between quotes (no quote, backslash, control character or surrogate). */
const PLAIN_STRING = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

function quotedJson(text: string): string {
  return PLAIN_STRING.test(text) ? `"${text}"` : JSON.stringify(text);
}

/**
 * The text `JSON.stringify(message.toWire())` gives, written field by field for the common envelope
 * (no extra fields, and meta holding only its four standard fields): every send's path, where the
 * wire object and its walk cost about a quarter of the encoding. Undefined for any other envelope,
 * which is written the ordinary way.
 */
function plainEnvelopeJson(message: AgentMessage): string | undefined {
  const { meta, data, timestamp } = message;
  if (message.extra || meta.error || meta.priority || meta.deadline !== undefined || meta.traceparent) return undefined;
  if (data === undefined || !Number.isFinite(timestamp) || !Number.isFinite(meta.version)) return undefined;
  const correlation = meta.correlationId;
  if ((correlation !== null && typeof correlation !== 'string') || typeof meta.expectsReply !== 'boolean' || typeof meta.isReply !== 'boolean') return undefined;
  if (typeof message.senderId !== 'string' || typeof message.targetId !== 'string' || typeof message.messageType !== 'string' || typeof message.messageId !== 'string') return undefined;
  // `data.toJSON` would be called with the key '' here, with 'data' by JSON.stringify of the whole envelope.
  if (typeof (data as { toJSON?: unknown }).toJSON === 'function') return undefined;
  const dataJson = JSON.stringify(data);
  if (dataJson === undefined) return undefined;
  return (
    `{"sender_id":${quotedJson(message.senderId)},"target_id":${quotedJson(message.targetId)},"message_type":${quotedJson(message.messageType)},` +
    `"data":${dataJson},"meta":{"version":${meta.version},"correlation_id":${correlation === null ? 'null' : quotedJson(correlation)},` +
    `"expects_reply":${meta.expectsReply},"is_reply":${meta.isReply}},"timestamp":${timestamp},"message_id":${quotedJson(message.messageId)}}`
  );
}

/**
 * Size of a string in UTF-8 bytes, computed only when the cheap bounds cannot decide.
 * (UTF-8 takes between 1 and 3 bytes per UTF-16 code unit.)
 */
export function exceedsBytes(raw: string | Buffer, limit: number): number | undefined {
  if (typeof raw !== 'string') return raw.length > limit ? raw.length : undefined;
  if (raw.length > limit) return Buffer.byteLength(raw);
  if (raw.length * 3 <= limit) return undefined;
  const size = Buffer.byteLength(raw);
  return size > limit ? size : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(obj: Record<string, unknown>, key: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.length === 0) {
    throw new MalformedEnvelopeError(`"${key}" must be a non-empty string`);
  }
  return value;
}

function decodeMeta(raw: unknown): MessageMeta {
  if (raw === undefined || raw === null) {
    return { version: PROTOCOL_VERSION, correlationId: null, expectsReply: false, isReply: false };
  }
  if (!isObject(raw)) throw new MalformedEnvelopeError('"meta" must be an object');
  const correlation = raw.correlation_id;
  if (correlation !== undefined && correlation !== null && typeof correlation !== 'string') {
    throw new MalformedEnvelopeError('"meta.correlation_id" must be a string or null');
  }
  const meta: MessageMeta = {
    version: typeof raw.version === 'number' ? raw.version : PROTOCOL_VERSION,
    correlationId: (correlation as string | null | undefined) ?? null,
    expectsReply: raw.expects_reply === true,
    isReply: raw.is_reply === true,
  };
  const error = raw.error;
  if (isObject(error) && typeof error.type === 'string') {
    meta.error = {
      type: error.type,
      message: typeof error.message === 'string' ? error.message : '',
      details: error.details,
      ...(typeof error.status === 'number' ? { status: error.status } : {}),
    };
  }
  if (typeof raw.priority === 'string' && PRIORITIES.has(raw.priority as MessagePriority)) {
    meta.priority = raw.priority as MessagePriority;
  }
  if (typeof raw.deadline === 'number' && Number.isFinite(raw.deadline)) meta.deadline = raw.deadline;
  if (raw.traceparent !== undefined) readTraceContext(raw, meta);
  return meta;
}

/** Keeps a well-formed `meta.traceparent` (and its `tracestate`); anything else there is ignored. */
function readTraceContext(raw: Record<string, unknown>, meta: MessageMeta): void {
  if (!parseTraceparent(raw.traceparent)) return;
  meta.traceparent = raw.traceparent as string;
  if (typeof raw.tracestate === 'string' && raw.tracestate && raw.tracestate.length <= MAX_TRACESTATE_LENGTH) meta.tracestate = raw.tracestate;
}

/**
 * Parses and checks one wire envelope.
 * @throws MessageTooLargeError over `maxBytes`; MalformedEnvelopeError on bad JSON or a wrong shape.
 */
export function decodeMessage(raw: string | Buffer, maxBytes = Number.POSITIVE_INFINITY): AgentMessage {
  return messageOf(parseRecord(raw, maxBytes));
}

/**
 * Like {@link decodeMessage}, also returning the parsed JSON record as it came (for a signature
 * check over the envelope exactly as received, without parsing it twice).
 */
export function decodeEnvelope(raw: string | Buffer, maxBytes = Number.POSITIVE_INFINITY): { message: AgentMessage; record: Record<string, unknown> } {
  const record = parseRecord(raw, maxBytes);
  return { message: messageOf(record), record };
}

/** The JSON object of one raw envelope, size-checked. */
function parseRecord(raw: string | Buffer, maxBytes: number): Record<string, unknown> {
  const size = exceedsBytes(raw, maxBytes);
  if (size !== undefined) throw new MessageTooLargeError(size, maxBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch (error) {
    throw new MalformedEnvelopeError('not valid JSON', { cause: error });
  }
  if (!isObject(parsed)) throw new MalformedEnvelopeError('top level must be a JSON object');
  return parsed;
}

/** The message a parsed envelope carries, its shape checked. */
function messageOf(parsed: Record<string, unknown>): AgentMessage {
  const data = parsed.data ?? {};
  if (!isObject(data)) throw new MalformedEnvelopeError('"data" must be an object');
  const timestamp = parsed.timestamp ?? Date.now() / 1000;
  if (typeof timestamp !== 'number') throw new MalformedEnvelopeError('"timestamp" must be a number');
  const messageId = parsed.message_id;
  if (typeof messageId !== 'string' && typeof messageId !== 'number') {
    throw new MalformedEnvelopeError('"message_id" must be a string');
  }
  const message = new AgentMessage(
    requireString(parsed, 'sender_id'),
    requireString(parsed, 'target_id'),
    requireString(parsed, 'message_type'),
    data,
    decodeMeta(parsed.meta),
    timestamp,
    String(messageId),
  );
  for (const key in parsed) {
    if (!KNOWN_FIELDS.has(key)) (message.extra ??= {})[key] = parsed[key];
  }
  return message;
}
