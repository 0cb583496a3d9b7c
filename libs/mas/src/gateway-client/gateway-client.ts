import type Redis from 'ioredis';
import { coalesceWrites } from '../redis/write-coalescing';
import { AgentMessage, encodeMessage } from '../protocol';
import type { MasKeySpace } from '../redis/keys';
import { decodeCredentials } from '../provisioning/agent-credentials';
import { EntryBatchSigner } from './entry-batch-signer';
import { encodeEntrySignature } from './entry-signature';
import { ed25519KeysFromPem, envelopeSignature, generateSigningKeys, signEnvelope, SigningKeys, withEnvelopeSignature } from './envelope-signer';
import { INGRESS_FIELDS, SignatureAlgorithm } from './gateway.constants';

/** Options of an agent in gateway mode (`new Agent(id, { gateway: { ... } })`). */
export interface GatewayClientOptions {
  /** `hmac-sha256` (default; key shared through Redis) or `ed25519` (the gateway holds only the public key). */
  signing?: SignatureAlgorithm;
  /** Ed25519 private key (PEM) to sign with; a fresh pair is generated at start otherwise. */
  privateKeyPem?: string;
  /**
   * Zero-trust mode: the string `mas provision` printed for this agent (its Ed25519 private key).
   * The agent then signs with it, publishes no key (the provisioner stored the public one) and is
   * registered by the gateway from a signed request.
   */
  credentials?: string;
  /** How long `send` waits for the gateway's decision (default: the agent's request timeout). */
  decisionTimeoutMs?: number;
}

/**
 * What an agent needs to talk through the gateway: it publishes its verification key at start,
 * then signs each envelope and appends it, with its token, to `mas.gateway.ingress`. A provisioned
 * agent (`credentials`) appends to an ingress stream of its own (`mas.gateway.ingress:<id>`) and signs
 * the envelope text as written instead, in the entry's `signature` field (see `signEnvelopeText`;
 * the entries of one event-loop turn are signed together, see `signEnvelopeTexts`), which the
 * gateway checks before it parses the envelope.
 */
export class GatewayClient {
  private keys?: SigningKeys;
  /** Signs a provisioned agent's entries of one event-loop turn together. */
  private entrySigner?: EntryBatchSigner;
  /**
   * The ingress stream this agent writes to (one per sender: its order is kept): its own
   * ({@link MasKeySpace.agentIngress}) when provisioned, else the shared shard of its id.
   */
  readonly ingress: string;

  constructor(
    private readonly agentId: string,
    private readonly redis: Redis,
    private readonly names: MasKeySpace,
    private readonly options: GatewayClientOptions = {},
  ) {
    this.ingress = options.credentials ? names.agentIngress(agentId) : names.gatewayIngressFor(agentId);
  }

  /**
   * Creates the signing keys and stores what the gateway verifies with. An HMAC key already in
   * Redis is reused (replicas and restarts share it; `mas rotate-key` replaces it, after which the
   * agent must restart). Ed25519 replicas must be given the same `privateKeyPem`. With
   * `credentials` (zero-trust mode) nothing is written: the provisioner stored the public key.
   */
  async init(): Promise<void> {
    if (this.options.credentials) {
      const { privateKey, publicKeyPem } = decodeCredentials(this.options.credentials, this.agentId);
      this.keys = { alg: 'ed25519', privateKey, publicKeyPem };
      return;
    }
    const alg = this.options.signing ?? 'hmac-sha256';
    this.keys = alg === 'ed25519' && this.options.privateKeyPem ? ed25519KeysFromPem(this.options.privateKeyPem) : generateSigningKeys(alg);
    if (this.keys.alg === 'hmac-sha256') {
      // Keep a key that is already there: replicas of one agent id (and restarts) must share it.
      const [, [, stored]] = (await this.redis
        .multi()
        .set(this.names.signingKey(this.agentId), this.keys.secret, 'NX')
        .get(this.names.signingKey(this.agentId))
        .del(this.names.publicKey(this.agentId))
        .exec()) as [unknown, [unknown, string]];
      this.keys = { alg: 'hmac-sha256', secret: stored };
    } else {
      await this.redis.multi().set(this.names.publicKey(this.agentId), this.keys.publicKeyPem).del(this.names.signingKey(this.agentId)).exec();
    }
  }

  /**
   * Signs `message` and appends it to the ingress stream (the appends of one event-loop turn leave
   * in one socket write). `payload`, when given, is the message's wire form as the caller encoded
   * it (`encodeMessage(message)`, e.g. to check its size): it is signed and sent as it is, not
   * written again. Resolves with the entry's id.
   * @throws MessageEncodingError when the data cannot be written as JSON (no payload given).
   */
  submit(message: AgentMessage, token: string, notify: boolean, payload?: string): Promise<string | null> {
    if (!this.keys) return this.init().then(() => this.submit(message, token, notify, payload));
    const keys = this.keys;
    const fields = [INGRESS_FIELDS.token, token, INGRESS_FIELDS.notify, notify ? '1' : '0'];
    let text: string;
    try {
      text = payload ?? encodeMessage(message);
      if (this.options.credentials && keys.alg === 'ed25519') {
        // Signed with this turn's other entries (one Ed25519 signature per batch), then appended.
        const signed = text;
        this.entrySigner ??= new EntryBatchSigner(keys.privateKey);
        return this.entrySigner.sign(signed, { sender: message.senderId, target: message.targetId }).then((signature) => {
          fields.push(INGRESS_FIELDS.signature, encodeEntrySignature(signature));
          coalesceWrites(this.redis);
          return this.redis.xadd(this.ingress, '*', INGRESS_FIELDS.envelope, signed, ...fields);
        });
      }
      if (message.extra === undefined) {
        // A message this agent made: its wire form has no `signature` field, the block goes last.
        text = withEnvelopeSignature(text, envelopeSignature(message.toWire(), keys));
      } else text = JSON.stringify(signEnvelope(message.toWire(), keys));
    } catch (error) {
      return Promise.reject(error);
    }
    coalesceWrites(this.redis);
    return this.redis.xadd(this.ingress, '*', INGRESS_FIELDS.envelope, text, ...fields);
  }
}
