import type { ArgumentsHost } from '@nestjs/common';
import { AgentMessage, decodeEntrySignature, decodeEnvelope, EntrySignature, exceedsBytes, INGRESS_FIELDS, MasKeys, MessagePriority, SignatureAlgorithm, SignatureBlock, streamEntryField } from '@mas/core';
import { GATEWAY_CONTEXT_TYPE } from '../gateway.constants';
import type { SenderCredentials } from '../auth/sender-credentials';
import type { PolicyFacts } from '../authz/access-policy';
import type { DlpFinding } from './dlp.types';
import { EnvelopeRoute, peekEnvelopeRoute, peekTopLevelString, replyHintOf, scanEnvelopeRoute, scanTopLevelStrings } from './envelope-route';

/**
 * One entry of `mas.gateway.ingress` on its way through the pipeline: what the sender submitted,
 * and what the guards and interceptors learned about it. The single argument of the pipeline.
 */
export class IngressMessage {
  /** `performance.now()` when the gateway read the entry (decision latency). */
  readonly receivedAt = performance.now();
  /**
   * What the entry (or the dead letter) holds as written: the envelope text, decoded on first use of
   * `message`, `envelope` or `parseError`, its size limit, and the entry's `signature` field.
   */
  private written?: { text: string | undefined; maxBytes: number; signature: string | undefined };
  private undecoded = false;
  private signatureRead?: { signature: EntrySignature | undefined };
  /** Message id and type read from the text without decoding it ({@link claimed}). */
  private looked?: { messageId?: string; messageType?: string };
  private decoded: { envelope?: Record<string, unknown>; message?: AgentMessage; parseError?: string } = {};
  private peeked?: { route: EnvelopeRoute | undefined };
  /** Violation codes found so far (`auth:revoked_token`, `dlp:ssn`, ...), for the audit trail. */
  readonly violations: string[] = [];
  /** DLP findings (types, actions, paths; never values). */
  findings: DlpFinding[] = [];
  /** The payload to deliver when DLP redacted something. */
  redactedData?: Record<string, unknown>;
  /** The sender's credentials, read with those of the rest of its batch (authentication reads them itself when absent). */
  credentials?: SenderCredentials;
  /** What the checks after authentication need, read with the rest of the batch (each check reads it itself when absent). */
  prefetched?: IngressPrefetch;
  /** True once the signature check claimed the envelope's nonce (the decision need not claim it again). */
  nonceClaimed = false;
  /** Algorithm the signature was checked with. */
  signedWith?: SignatureAlgorithm;
  /**
   * True once authentication verified the envelope's Ed25519 signature with the sender's published
   * key (a provisioned sender: its signature is what authenticates it); the signature check then
   * checks freshness and the nonce without verifying it again.
   */
  signatureVerified = false;
  /** The public key (PEM) authentication verified the envelope's signature with, once it did. */
  signatureVerifiedWith?: string;
  /**
   * Set when a dead letter the gateway wrote (and signed) is replayed: its id and the SHA-256 of the
   * token its sender authenticated with, which stands in for the token (not kept in the letter); for a
   * provisioned sender's message dead-lettered after it was admitted (no entry signature kept: the
   * envelope is the one delivered), the SHA-256 of the public key that verified it then.
   */
  replay?: { letterId: string; tokenHash: string; senderKeyHash?: string };

  constructor(
    /** Id of the ingress stream entry. */
    readonly entryId: string,
    readonly token: string,
    /** True when the sender waits for the decision. */
    readonly notify: boolean,
    /** 1 for the first read; higher when reclaimed from a dead instance. */
    readonly attempt: number,
    /** The ingress stream it was read from ('' for a replayed dead letter). */
    readonly stream = '',
  ) {}

  /** Names the entry across the ingress streams (entry ids are only unique within one stream). */
  get entryRef(): string {
    return this.stream ? `${this.stream}/${this.entryId}` : this.entryId;
  }

  /**
   * Builds the message from the fields of a stream entry. Its envelope is decoded (and size-checked)
   * when first used, so an entry refused from its {@link route}, token or entry signature is never parsed.
   */
  static fromEntry(entryId: string, fields: string[], attempt: number, maxBytes: number, stream = ''): IngressMessage {
    const value = (name: string) => streamEntryField(fields, name);
    const ingress = new IngressMessage(entryId, value(INGRESS_FIELDS.token) ?? '', value(INGRESS_FIELDS.notify) === '1', attempt, stream);
    ingress.holdWritten(value(INGRESS_FIELDS.envelope), value(INGRESS_FIELDS.signature), maxBytes);
    return ingress;
  }

  /**
   * Holds `text` as the envelope written by its sender (decoded when first used) and `signature` as
   * its entry's `signature` field: for an entry, or a dead letter that kept both.
   */
  holdWritten(text: string | undefined, signature: string | undefined, maxBytes = Number.POSITIVE_INFINITY): void {
    this.written = { text, maxBytes, signature };
    this.undecoded = true;
    this.decoded = {};
    this.peeked = undefined;
    this.signatureRead = undefined;
    this.looked = undefined;
  }

  /** The envelope text as written to the entry (what an entry signature covers); undefined when built otherwise. */
  get envelopeText(): string | undefined {
    return this.written?.text;
  }

  /** The entry's `signature` field as written, when it has one. */
  get entrySignatureField(): string | undefined {
    return this.written?.signature;
  }

  /** The entry's signature (a provisioned sender's, over {@link envelopeText}); undefined when it has none or a malformed one. */
  get entrySignature(): EntrySignature | undefined {
    const field = this.written?.signature;
    if (field === undefined) return undefined;
    this.signatureRead ??= { signature: decodeEntrySignature(field) };
    return this.signatureRead.signature;
  }

  /**
   * The sender's signature block: the entry's `signature` field when the entry has one (over the
   * envelope text), else the envelope's own `signature` (over its canonical form).
   */
  get signatureBlock(): Partial<SignatureBlock> | undefined {
    if (this.written?.signature !== undefined) return this.entrySignature;
    const block = (this.envelope as { signature?: unknown } | undefined)?.signature;
    return block && typeof block === 'object' ? (block as Partial<SignatureBlock>) : undefined;
  }

  /** True once the envelope was decoded (or the message was built decoded): reading it costs no parse. */
  get isDecoded(): boolean {
    return !this.undecoded;
  }

  /** True when the envelope text is over the size limit (decoding it would refuse it without parsing). */
  get oversized(): boolean {
    const text = this.written?.text;
    return text !== undefined && exceedsBytes(text, this.written!.maxBytes) !== undefined;
  }

  /** The envelope as the sender wrote it (the signature covers exactly this). */
  get envelope(): Record<string, unknown> | undefined {
    return this.decode().envelope;
  }

  set envelope(envelope: Record<string, unknown> | undefined) {
    this.decode().envelope = envelope;
  }

  /** The decoded envelope; undefined when it is malformed (see `parseError`). */
  get message(): AgentMessage | undefined {
    return this.decode().message;
  }

  set message(message: AgentMessage | undefined) {
    this.decode().message = message;
  }

  get parseError(): string | undefined {
    return this.decode().parseError;
  }

  /**
   * Sender and target as authentication and the batch reads need them, never by decoding the
   * envelope text: those its entry signature names (the envelope must name the same, checked once it
   * is decoded), else read from the text ({@link peekEnvelopeRoute}, {@link scanEnvelopeRoute}: exact,
   * what decoding gives); undefined when it names neither (malformed, or over the size limit). A
   * message not built from written text (a DLQ replay set its decoded message) gives the message's.
   */
  get route(): EnvelopeRoute | undefined {
    this.peeked ??= { route: this.routeOfWritten() };
    return this.peeked.route;
  }

  private routeOfWritten(): EnvelopeRoute | undefined {
    if (!this.written) return this.message && routeOf(this.message);
    const text = this.written.text;
    if (text === undefined) return undefined;
    const signed = this.entrySignature;
    if (signed) return { senderId: signed.sender, targetId: signed.target, replyHint: replyHintOf(text) };
    return peekEnvelopeRoute(text) ?? (this.oversized ? undefined : scanEnvelopeRoute(text));
  }

  private decode(): { envelope?: Record<string, unknown>; message?: AgentMessage; parseError?: string } {
    if (!this.undecoded || !this.written) return this.decoded;
    this.undecoded = false;
    const { text: raw, maxBytes } = this.written;
    try {
      if (raw === undefined) throw new Error(`no "${MasKeys.envelopeField}" field`);
      const { message, record } = decodeEnvelope(raw, maxBytes); // one parse: the record is what the signature covers
      this.decoded = { message, envelope: record };
    } catch (error) {
      this.decoded = { parseError: (error as Error).message, envelope: bestEffortParse(raw) };
    }
    return this.decoded;
  }

  /**
   * Who and what the entry names, without decoding its envelope when it was not decoded yet (the
   * audit of unauthenticated ingress must cost no parse): the route, and the message id and type
   * where a quick look at the text tells them exactly ({@link peekTopLevelString}); once decoded, the
   * envelope's.
   */
  get claimed(): { senderId?: string; targetId?: string; messageId?: string; messageType?: string } {
    const text = this.written?.text;
    if (!this.undecoded || text === undefined) return { senderId: this.senderId, targetId: this.targetId, messageId: this.messageId, messageType: this.message?.messageType };
    if (!this.looked) {
      let messageId = peekTopLevelString(text, 'message_id');
      let messageType = peekTopLevelString(text, 'message_type');
      if ((messageId === undefined || messageType === undefined) && !this.oversized) {
        const scanned = scanTopLevelStrings(text);
        messageId ??= scanned?.message_id ?? undefined;
        messageType ??= scanned?.message_type ?? undefined;
      }
      this.looked = { messageId, messageType };
    }
    const route = this.route;
    return { senderId: route?.senderId, targetId: route?.targetId, ...this.looked };
  }

  /**
   * The route the envelope text itself names, read without decoding it (exact, as decoding gives);
   * for an entry signed beside the envelope it may differ from {@link route}, the signature's. Undefined
   * for a text over the size limit, not a JSON object, or not built from written text.
   */
  get writtenRoute(): EnvelopeRoute | undefined {
    const text = this.written?.text;
    if (text === undefined || this.oversized) return undefined;
    return peekEnvelopeRoute(text) ?? scanEnvelopeRoute(text);
  }

  /** Sender id, also of a malformed envelope when it names one. */
  get senderId(): string | undefined {
    return this.message?.senderId ?? stringField(this.envelope, 'sender_id');
  }

  /** Target id, also of a malformed envelope when it names one. */
  get targetId(): string | undefined {
    return this.message?.targetId ?? stringField(this.envelope, 'target_id');
  }

  /** Message id, also of a malformed envelope when it names one. */
  get messageId(): string | undefined {
    return this.message?.messageId ?? stringField(this.envelope, 'message_id');
  }

  /** `meta.priority`, NORMAL when absent. */
  get priority(): MessagePriority {
    return this.message?.meta.priority ?? 'NORMAL';
  }

  /** The decoded envelope; only call after authentication (which refuses malformed ones). */
  get checked(): AgentMessage {
    if (!this.message) throw new Error(`ingress entry ${this.entryId} has no valid envelope`);
    return this.message;
  }
}

/** Reads done for a whole ingress batch at once, per message. */
export interface IngressPrefetch {
  /** Authorization facts (not for replies). */
  policy?: PolicyFacts;
  /** The target's circuit (state, opened_at) for the admission check (`features.circuitBreaker`). */
  circuit?: Array<string | null>;
  /** The sender's signing keys (`features.messageSigning`). */
  signingKeys?: { hmacSecret: string | null; publicKeyPem: string | null };
}

/** The {@link IngressMessage} a guard, interceptor or filter of the gateway pipeline runs for. */
export function ingressMessageOf(context: Pick<ArgumentsHost, 'getType' | 'getArgByIndex'>): IngressMessage {
  const message = context.getArgByIndex<unknown>(0);
  if (context.getType<string>() !== GATEWAY_CONTEXT_TYPE || !(message instanceof IngressMessage)) {
    throw new Error(`gateway enhancers only run in the "${GATEWAY_CONTEXT_TYPE}" context (got "${context.getType()}")`);
  }
  return message;
}

function routeOf(message: AgentMessage): EnvelopeRoute {
  return { senderId: message.senderId, targetId: message.targetId, replyHint: message.meta.isReply };
}

function bestEffortParse(raw: string | undefined): Record<string, unknown> | undefined {
  if (!raw || raw.length > 1_048_576) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringField(object: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = object?.[key];
  return typeof value === 'string' && value ? value : typeof value === 'number' ? String(value) : undefined;
}
