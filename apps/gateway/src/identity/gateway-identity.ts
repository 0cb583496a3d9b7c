import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { gatewayBatchSignatures, gatewayKeyId, gatewaySignatureOf, gatewaySignedText, GATEWAY_SIGNATURE_FIELD, type GatewaySignatureBlock, verifyGatewaySignature, withGatewaySignature } from '@mas/core';
import { BatchSigner } from './batch-signer';

/**
 * The gateway's Ed25519 identity: signs decisions, deliveries, dead letters, the audit head and its
 * checkpoints. Its private key never goes to Redis; the public key is published at
 * `mas:gateway:public_keys` for agents and tools to verify with.
 */
export class GatewayIdentity {
  readonly publicKey: KeyObject;
  readonly publicKeyPem: string;
  /** {@link gatewayKeyId} of the public key. */
  readonly keyId: string;
  private readonly batches: BatchSigner;

  constructor(private readonly privateKey: KeyObject) {
    this.publicKey = createPublicKey(privateKey);
    this.publicKeyPem = this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = gatewayKeyId(this.publicKey);
    this.batches = new BatchSigner(privateKey, this.keyId);
  }

  /** Loads the identity from a PEM private key. */
  static fromPem(pem: string): GatewayIdentity {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new TypeError(`the gateway identity must be an Ed25519 key (got ${key.asymmetricKeyType})`);
    return new GatewayIdentity(key);
  }

  /** The signature block of `record`. */
  signatureOf(record: Record<string, unknown>): GatewaySignatureBlock {
    return gatewaySignatureOf(record, this.privateKey, this.keyId);
  }

  /**
   * The signature block of `record`, signed with the other records asked for in this event-loop turn
   * (one signature per batch; see {@link BatchSigner}): for decisions and deliveries.
   */
  signatureInBatch(record: Record<string, unknown>): Promise<GatewaySignatureBlock> {
    return this.batches.sign(record);
  }

  /**
   * The wire form of `record` (JSON, `gateway_signature` included; any field of that name in it is
   * replaced), signed in batch like {@link signatureInBatch}: its canonical text serves the digest
   * and the wire form both, so it is written once.
   * @throws what canonical JSON throws on a record that is not JSON (at once).
   */
  encodeSignedInBatch(record: Record<string, unknown>): Promise<string> {
    const { text, digest } = gatewaySignedText(record);
    return this.batches.signDigest(digest).then((block) => withGatewaySignature(text, block));
  }

  /**
   * The wire forms of `records` (as {@link encodeSignedInBatch}), signed together at once: one
   * signature over the root of their tree, each with its path (none for a single record).
   * @throws what canonical JSON throws on a record that is not JSON.
   */
  encodeSignedTogether(records: ReadonlyArray<Record<string, unknown>>): string[] {
    if (!records.length) return [];
    const texts = records.map((record) => gatewaySignedText(record));
    const blocks = gatewayBatchSignatures(
      texts.map(({ digest }) => digest),
      this.privateKey,
      this.keyId,
    );
    return texts.map(({ text }, i) => withGatewaySignature(text, blocks[i]));
  }

  /** `record` with its `gateway_signature` (a new object). */
  signed<T extends Record<string, unknown>>(record: T): T & { [GATEWAY_SIGNATURE_FIELD]: GatewaySignatureBlock } {
    return { ...record, [GATEWAY_SIGNATURE_FIELD]: this.signatureOf(record) };
  }

  /** True when `record` carries a valid signature of this identity. */
  verify(record: Record<string, unknown>): boolean {
    return verifyGatewaySignature(record, this.publicKey);
  }
}
