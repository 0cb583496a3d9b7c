import { Injectable } from '@nestjs/common';
import type { ChainableCommander } from 'ioredis';
import { MasConnection, SignatureAlgorithm, verifyEnvelope, verifyEnvelopeText, WireEnvelope } from '@mas/core';
import { publicKeyOf } from '../auth/sender-credentials';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { AuthenticationFailedError, SignatureInvalidError } from '../message/gateway-denial.errors';
import type { IngressMessage } from '../message/ingress-message';

/**
 * Checks a sender's signature block ({@link IngressMessage.signatureBlock}): an accepted algorithm (an
 * agent that published an Ed25519 public key may only sign with it), the signature with the sender's
 * key (over the envelope text as written for the block of an entry's `signature` field, over the
 * canonical envelope for one inside it),
 * the timestamp within the allowed drift, and a nonce never used before (`SET NX PX`, remembered for
 * `nonceTtlMs`; the same ingress entry read again after a crash is not a replay).
 *
 * A nonce used again tells two cases apart. Another message signed with a used nonce (a client bug,
 * but its signature shows the sender wrote it) is SIGNATURE_INVALID, answered as usual. A copy of an
 * entry already decided (same nonce, same message id) proves nothing about who appended it: it is
 * AUTH_FAILED (`auth:replay`), unauthenticated ingress, audited under no sender at a bounded rate and
 * never answered, so replaying one captured entry cannot flood its sender's channel or audit.
 */
@Injectable()
export class SignatureVerifier {
  constructor(
    private readonly redis: MasConnection,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  /**
   * Resolves with the algorithm the envelope was signed with.
   * @throws SignatureInvalidError naming what is wrong.
   */
  async verify(ingress: IngressMessage): Promise<SignatureAlgorithm> {
    // An entry signature names its sender: it is checked before the envelope is decoded.
    const sender = ingress.entrySignature?.sender ?? ingress.checked.senderId;
    const block = ingress.signatureBlock;
    if (!block) throw new SignatureInvalidError(ingress.entrySignatureField === undefined ? 'the envelope is not signed' : "the entry's signature is malformed", 'signature:missing');
    const alg = block.alg as SignatureAlgorithm;
    if (!this.settings.messageSigning.algorithms.includes(alg)) {
      throw new SignatureInvalidError(`signature algorithm "${String(block.alg)}" is not accepted`, 'signature:algorithm');
    }
    const { hmacSecret, publicKeyPem } = ingress.prefetched?.signingKeys ?? (await this.readKeys(sender));
    if (publicKeyPem && alg !== 'ed25519') {
      throw new SignatureInvalidError(`"${sender}" signs with ed25519; a ${alg} signature is refused`, 'signature:algorithm');
    }
    const key = alg === 'ed25519' ? { publicKeyPem: publicKeyPem ?? undefined } : { hmacSecret: hmacSecret ?? undefined };
    if (!key.publicKeyPem && !key.hmacSecret) {
      throw new SignatureInvalidError(`no ${alg} key is registered for "${sender}"`, 'signature:no_key');
    }
    // A provisioned sender's signature was verified by authentication (it authenticates it): not twice.
    const verified = ingress.signatureVerified && alg === 'ed25519';
    if (!verified && !this.matches(ingress, key)) throw new SignatureInvalidError('the signature does not match the envelope', 'signature:mismatch');
    const message = ingress.message; // decoded only now for an entry signature
    if (!message) throw new AuthenticationFailedError(`malformed envelope: ${ingress.parseError}`, 'auth:malformed');
    if (message.senderId !== sender) throw new SignatureInvalidError('the entry signature names another sender than the envelope', 'signature:mismatch');
    const driftMs = Math.abs(Date.now() - ingress.checked.timestamp * 1000);
    if (driftMs > this.settings.messageSigning.maxTimestampDriftMs) {
      throw new SignatureInvalidError(
        `timestamp is ${Math.round(driftMs / 1000)} s away from the gateway's clock (at most ${this.settings.messageSigning.maxTimestampDriftMs / 1000} s)`,
        'signature:timestamp',
      );
    }
    const claim = await this.claimNonce(sender, String(block.nonce), ingress);
    ingress.nonceClaimed = true; // claimed now, or by the entry this one copies
    if (claim === 'copy') throw new AuthenticationFailedError('a copy of an envelope already decided (replay)', 'auth:replay');
    if (claim === 'reused') throw new SignatureInvalidError('nonce already used (replay)', 'signature:replay');
    return alg;
  }

  /**
   * Uses up the nonce of a signed envelope at its first decision, whatever the decision (a refused
   * envelope replayed later is a replay too). No-op for an envelope without a nonce.
   */
  async consumeNonce(ingress: IngressMessage): Promise<void> {
    if (ingress.nonceClaimed) return;
    // An entry refused before it was decoded (authentication) is not decoded for its nonce: only an
    // entry signature's nonce is known without it.
    const { senderId: sender } = ingress.claimed;
    const block = ingress.entrySignatureField !== undefined || ingress.isDecoded ? ingress.signatureBlock : undefined;
    if (!sender) return;
    if (!block || typeof block.nonce !== 'string' || !block.nonce) return;
    await this.claimNonce(sender, block.nonce, ingress);
  }

  /** True when the sender's block signs this envelope: its text as written (an entry signature), or its canonical form. */
  private matches(ingress: IngressMessage, key: { publicKeyPem?: string; hmacSecret?: string }): boolean {
    const signature = ingress.entrySignature;
    const text = ingress.envelopeText;
    if (!signature) return verifyEnvelope(ingress.envelope as unknown as WireEnvelope, key);
    return text !== undefined && !!key.publicKeyPem && verifyEnvelopeText(text, signature, publicKeyOf(key.publicKeyPem));
  }

  /** Reads `sender`'s HMAC secret and Ed25519 public key. */
  async readKeys(sender: string): Promise<{ hmacSecret: string | null; publicKeyPem: string | null }> {
    const [hmacSecret, publicKeyPem] = await this.redis.command.mget(this.redis.keys.signingKey(sender), this.redis.keys.publicKey(sender));
    return { hmacSecret, publicKeyPem };
  }

  /** Queues the reads of {@link readKeys} on `pipeline`; the result turns its replies into the keys. */
  queueKeys(pipeline: ChainableCommander, sender: string): (results: unknown[]) => { hmacSecret: string | null; publicKeyPem: string | null } {
    const at = pipeline.length;
    pipeline.mget(this.redis.keys.signingKey(sender), this.redis.keys.publicKey(sender));
    return (results) => {
      const [hmacSecret, publicKeyPem] = results[at] as [string | null, string | null];
      return { hmacSecret, publicKeyPem };
    };
  }

  /**
   * Claims the nonce for `ingress`: `fresh` when unused or claimed by this very ingress entry (a
   * redelivery), `copy` when another entry carrying the same message id claimed it, `reused` when
   * another message did. The claim holds the entry's {@link IngressMessage.entryRef} (which names the
   * stream too: a sender may choose an entry's id, so the same id in another ingress stream is another
   * entry) and the message id.
   */
  private async claimNonce(sender: string, nonce: string, ingress: IngressMessage): Promise<'fresh' | 'copy' | 'reused'> {
    const entryRef = ingress.entryRef;
    const messageId = ingress.claimed.messageId; // an entry refused undecoded is not decoded for it
    const claim = `${entryRef.length}:${entryRef}${messageId ?? ''}`; // length-prefixed: either may hold any character
    const previous = (await this.redis.command.call(
      'SET',
      this.redis.keys.nonce(sender, nonce),
      claim,
      'NX',
      'PX',
      String(this.settings.messageSigning.nonceTtlMs),
      'GET',
    )) as string | null;
    if (previous === null || previous === claim) return 'fresh';
    const colon = previous.indexOf(':');
    const previousMessageId = colon > 0 ? previous.slice(colon + 1 + Number(previous.slice(0, colon))) : '';
    return messageId && previousMessageId === messageId ? 'copy' : 'reused';
  }
}
