import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DEAD_LETTER_FIELDS, DeadLetterQuery, DeadLetterStream, DeadLetterView, MasConnection, MasKeySpace, streamEntryFields } from '@mas/core';
import { GatewaySecrets } from '../identity/gateway-secrets';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { GatewayMetrics } from '../observability/gateway-metrics';
import type { QueuedMessage } from './queued-message';

/** Value of the `source` field of the dead letters the gateway writes. */
export const GATEWAY_DLQ_SOURCE = 'mas.gateway';

/** Field of a gateway dead letter: SHA-256 of the sender's token. */
const TOKEN_HASH_FIELD = 'token_sha256';
/** Field of a gateway dead letter: the gateway's Ed25519 signature over the letter. */
const LETTER_SIGNATURE_FIELD = 'gateway_signature';
/** Field of a gateway dead letter of an ingress entry a provisioned sender signed: that entry's `signature` field. */
const ENTRY_SIGNATURE_FIELD = 'entry_signature';
/** Field of a gateway dead letter of a provisioned sender's admitted message: SHA-256 of the public key that verified it. */
const SENDER_KEY_HASH_FIELD = 'sender_key_sha256';
/** Field of a gateway dead letter: a random value of its own (a copy of the letter has it too), claimed by its replay. */
const LETTER_NONCE_FIELD = 'letter_nonce';
/** How long a replay holds its claim on a letter before it is decided (an instance that died meanwhile lets go then). */
const REPLAY_CLAIM_MS = 60_000;

/** What the gateway signed in a dead letter it wrote. */
export interface SignedLetter {
  /** The envelope: as the sender wrote it when `entrySignature` is set (what that signature covers). */
  envelope: string;
  agentId: string;
  senderId: string;
  messageId: string;
  tokenHash: string;
  /** The `signature` field of the ingress entry the envelope came in (a provisioned sender's); absent for the others. */
  entrySignature?: string;
  /** A provisioned sender's message dead-lettered after admission: SHA-256 of the public key that authenticated it. */
  senderKeyHash?: string;
  /** Random, one per letter written (absent in letters of earlier versions): what a replay claims. */
  letterNonce?: string;
}

/** A replay's claim on a letter: kept once the letter was admitted (until its message expires), released when it was refused. */
export interface ReplayClaim {
  keep(expiresAt: number): Promise<void>;
  release(): Promise<void>;
}

/** How often, at most, one reason for one target is logged again (the letters between are counted in the next line). */
const LOG_EVERY_MS = 10_000;

/** Why the gateway dead-lettered a message. */
export type DeadLetterReason = 'circuit_open' | 'expired' | 'target_gone' | 'delivery_failed' | 'unprocessable';

/**
 * The gateway's side of the dead-letter stream `dlq:messages` (shared with the agents' inboxes):
 * a {@link DeadLetterStream} of `@mas/core` capped at `delivery.deadLetterMaxLength`, plus the
 * gateway's reason codes and metrics.
 */
@Injectable()
export class DeadLetters {
  private readonly stream: DeadLetterStream;
  private readonly keys: MasKeySpace;
  /** How long an admitted replay is remembered when its message's expiry cannot be read: `priorityQueue.maxTtlMs`. */
  private readonly replayedFallbackMs: number;
  private readonly logger = new Logger('DeadLetters');
  /** Per reason and target: when a letter was last logged, and how many came since. */
  private readonly logged = new Map<string, { at: number; since: number }>();

  constructor(
    private readonly redis: MasConnection,
    @InjectGatewaySettings() settings: GatewaySettings,
    private readonly metrics: GatewayMetrics,
    private readonly secrets: GatewaySecrets,
  ) {
    this.stream = new DeadLetterStream(redis.command, redis.keys, { maxLength: settings.delivery.deadLetterMaxLength });
    this.keys = redis.keys;
    this.replayedFallbackMs = settings.priorityQueue.maxTtlMs;
  }

  /**
   * Files the dead letter a provisioned agent appended to its own ingress stream (its user may not
   * write the dead-letter stream) for one of its inbox entries: under `owner`, the stream's agent,
   * whatever the entry names; its source is the owner's inbox; unsigned, so it is never replayed. An
   * envelope over `maxEnvelopeBytes` is left out. Resolves with the letter's id.
   */
  async addReported(owner: string, fields: readonly string[], maxEnvelopeBytes: number): Promise<string> {
    const reported = streamEntryFields(fields);
    const envelope = reported[DEAD_LETTER_FIELDS.envelope] ?? '';
    const attempts = Number(reported[DEAD_LETTER_FIELDS.attempts]);
    const id = await this.stream.add({
      envelope: envelope.length > maxEnvelopeBytes ? '' : envelope,
      agentId: owner,
      reason: (reported[DEAD_LETTER_FIELDS.reason] ?? '').slice(0, 1_000) || 'dead-lettered by the agent',
      attempts: Number.isSafeInteger(attempts) && attempts > 0 ? attempts : 1,
      source: this.keys.inbox(owner),
      entryId: (reported[DEAD_LETTER_FIELDS.entryId] ?? '').slice(0, 64),
    });
    this.metrics.deadLetters.inc({ reason: 'agent_reported' });
    return id;
  }

  /**
   * The letter's own words, if the gateway wrote and signed it: what a replay may act on (envelope,
   * target, sender, token hash). Undefined for a letter of an inbox, a planted or an altered one.
   */
  signedContent(letter: DeadLetterView): SignedLetter | undefined {
    const content: SignedLetter = { envelope: letter.envelope, agentId: letter.agentId, senderId: letter.senderId, messageId: letter.messageId, tokenHash: letter.fields[TOKEN_HASH_FIELD] ?? '' };
    const entrySignature = letter.fields[ENTRY_SIGNATURE_FIELD];
    if (entrySignature !== undefined) content.entrySignature = entrySignature; // signed only where present: older letters verify as written
    const senderKeyHash = letter.fields[SENDER_KEY_HASH_FIELD];
    if (senderKeyHash !== undefined) content.senderKeyHash = senderKeyHash;
    const letterNonce = letter.fields[LETTER_NONCE_FIELD];
    if (letterNonce !== undefined) content.letterNonce = letterNonce;
    const value = letter.fields[LETTER_SIGNATURE_FIELD];
    if (letter.source !== GATEWAY_DLQ_SOURCE || !value) return undefined;
    const identity = this.secrets.identity;
    return identity.verify({ ...content, gateway_signature: { alg: 'ed25519', key_id: identity.keyId, value } }) ? content : undefined;
  }

  private sealed(content: SignedLetter): SignedLetter & { signature: string } {
    return { ...content, signature: this.secrets.identity.signatureOf({ ...content }).value };
  }

  /**
   * Dead-letters a message (`entryId`: the ingress entry it came from; `entrySignature`: that entry's
   * `signature` field, kept with the envelope as written so a replay can check it; else a provisioned
   * sender's admitted message keeps `senderKeyHash`); resolves with the entry id.
   */
  async add(
    message: Pick<QueuedMessage, 'envelope' | 'target' | 'sender' | 'messageId' | 'tokenHash' | 'senderKeyHash'> & { entrySignature?: string },
    code: DeadLetterReason,
    detail: string,
    entryId = '',
  ): Promise<string> {
    const content: SignedLetter = { envelope: message.envelope, agentId: message.target, senderId: message.sender, messageId: message.messageId, tokenHash: message.tokenHash ?? '' };
    if (message.entrySignature !== undefined) content.entrySignature = message.entrySignature;
    else if (message.senderKeyHash !== undefined) content.senderKeyHash = message.senderKeyHash;
    content.letterNonce = randomBytes(12).toString('base64url');
    const sealed = this.sealed(content);
    const id = await this.stream.add({
      envelope: message.envelope,
      agentId: message.target,
      reason: `${code}: ${detail}`,
      attempts: 1,
      source: GATEWAY_DLQ_SOURCE,
      entryId,
      senderId: message.sender,
      messageId: message.messageId,
      extra: {
        [TOKEN_HASH_FIELD]: sealed.tokenHash,
        [LETTER_SIGNATURE_FIELD]: sealed.signature,
        ...(sealed.entrySignature !== undefined ? { [ENTRY_SIGNATURE_FIELD]: sealed.entrySignature } : {}),
        ...(sealed.senderKeyHash !== undefined ? { [SENDER_KEY_HASH_FIELD]: sealed.senderKeyHash } : {}),
        [LETTER_NONCE_FIELD]: sealed.letterNonce!,
      },
    });
    this.metrics.deadLetters.inc({ reason: code });
    this.log(message, code, detail, id);
    return id;
  }

  /**
   * Logs a dead letter (a message not delivered, which its sender may have seen admitted): the first
   * of a reason for a target at once, then at most one line per {@link LOG_EVERY_MS} counting those between.
   */
  private log(message: Pick<QueuedMessage, 'target' | 'sender' | 'messageId'>, code: DeadLetterReason, detail: string, id: string): void {
    const key = `${code}\u0000${message.target}`;
    const now = Date.now();
    const last = this.logged.get(key);
    if (last && now - last.at < LOG_EVERY_MS) {
      last.since++;
      return;
    }
    if (!last && this.logged.size >= 10_000) this.logged.clear();
    const more = last?.since ? ` (and ${last.since} more since the last line)` : '';
    this.logger.warn(`Dead-lettered ${message.messageId} from "${message.sender}" to "${message.target}" as ${id}: ${code}: ${detail}${more}`);
    this.logged.set(key, { at: now, since: 0 });
  }

  /** Entries after `after` (exclusive), oldest first; optionally only those for `agentId` (the agent they were for). */
  list(query: DeadLetterQuery = {}): Promise<DeadLetterView[]> {
    return this.stream.list(query);
  }

  /** One entry, or undefined. */
  get(id: string): Promise<DeadLetterView | undefined> {
    return this.stream.get(id);
  }

  /**
   * Claims the replay of letter `id` (its signed content `letter`): undefined when another replay holds
   * it or admitted it already — of this letter, or of a copy of it (a user who may write the stream can
   * copy a letter, its signature with it). A letter of an earlier version (no nonce) is claimed by its id.
   * The claim is a nonce of the sender's (`SET NX`), held {@link REPLAY_CLAIM_MS} while the replay runs,
   * then, once the letter was admitted, until its message expires (a replay after that is refused at routing).
   */
  async claimReplay(id: string, letter: SignedLetter): Promise<ReplayClaim | undefined> {
    const key = this.keys.nonce(letter.senderId, `dlq-replay:${letter.letterNonce ?? id}`);
    if ((await this.redis.command.set(key, id, 'PX', REPLAY_CLAIM_MS, 'NX')) === null) return undefined;
    return {
      keep: async (expiresAt) => {
        const until = Number.isFinite(expiresAt) ? Math.max(expiresAt, Date.now()) : Date.now() + this.replayedFallbackMs;
        await this.redis.command.pexpireat(key, Math.round(until) + REPLAY_CLAIM_MS);
      },
      release: async () => void (await this.redis.command.del(key)),
    };
  }

  /** Removes an entry (after a successful replay). */
  async remove(id: string): Promise<void> {
    await this.stream.remove(id);
  }
}
