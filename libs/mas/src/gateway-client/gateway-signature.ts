import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson, canonicalJsonWith } from './canonical-envelope';
import { merkleRootOf, MerkleStep, merkleTextLeaf, merkleTree } from './merkle-proof';

/** Top-level envelope field holding the gateway's signature of a decision or a delivery. */
export const GATEWAY_SIGNATURE_FIELD = 'gateway_signature';

/**
 * The gateway's signature block (`gateway_signature`) of one record: Ed25519 over the canonical
 * record without this field. Audit heads, checkpoints and dead letters carry this form.
 */
export interface GatewaySingleSignatureBlock {
  alg: 'ed25519';
  /** {@link gatewayKeyId} of the signing key. */
  key_id: string;
  /** Base64 signature. */
  value: string;
}

/**
 * The gateway's signature block of a record signed with others at once (decisions and deliveries):
 * one Ed25519 signature over the root of a hash tree whose leaves are the records' digests
 * ({@link gatewayRecordDigest}), and the record's path to that root. A verifier computes the root
 * from the record and its path, and checks the signature of that root (once per batch when it
 * remembers verified roots: {@link GatewayTrust}).
 */
export interface GatewayBatchSignatureBlock {
  alg: 'ed25519-merkle';
  /** {@link gatewayKeyId} of the signing key. */
  key_id: string;
  /** Base64 Ed25519 signature of {@link gatewayBatchSigningInput} of the root. */
  value: string;
  /** The record's path from its leaf to the root (`L`/`R` + the sibling's base64 SHA-256). */
  path: MerkleStep[];
}

/** A `gateway_signature` block: one record signed alone, or with its batch. */
export type GatewaySignatureBlock = GatewaySingleSignatureBlock | GatewayBatchSignatureBlock;

/** What the signature of a batch covers: a fixed label, then the tree's root (32 bytes). */
const BATCH_LABEL = Buffer.from('mas.gateway.batch.v1\n');

/** The bytes the Ed25519 signature of a batch covers: a fixed label and the root. */
export function gatewayBatchSigningInput(root: Buffer): Buffer {
  return Buffer.concat([BATCH_LABEL, root]);
}

/** Short id of a gateway public key: the first 16 hex digits of the SHA-256 of its SPKI DER. */
export function gatewayKeyId(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** The bytes a gateway signature covers: `record` in canonical JSON, without its `gateway_signature`. */
export function gatewaySigningInput(record: Record<string, unknown>): Buffer {
  return Buffer.from(gatewaySigningText(record));
}

/** {@link gatewaySigningInput} as text (the record is not copied). */
function gatewaySigningText(record: Record<string, unknown>): string {
  if (!(GATEWAY_SIGNATURE_FIELD in record)) return canonicalJson(record);
  return canonicalJsonWith(record, GATEWAY_SIGNATURE_FIELD, undefined);
}

/** The signature block of `record` (an envelope or any JSON record) with the gateway's private key. */
export function gatewaySignatureOf(record: Record<string, unknown>, privateKey: KeyObject, keyId: string): GatewaySingleSignatureBlock {
  return { alg: 'ed25519', key_id: keyId, value: sign(null, gatewaySigningInput(record), privateKey).toString('base64') };
}

/** The leaf of `record` in a batch: SHA-256 (leaf-prefixed) of its canonical JSON without `gateway_signature`. */
export function gatewayRecordDigest(record: Record<string, unknown>): Buffer {
  return merkleTextLeaf(gatewaySigningText(record));
}

/**
 * What signing `record` in a batch needs, computed once: its canonical text without
 * `gateway_signature` (what the signature covers) and its leaf digest ({@link gatewayRecordDigest}).
 */
export function gatewaySignedText(record: Record<string, unknown>): { text: string; digest: Buffer } {
  const text = gatewaySigningText(record);
  return { text, digest: merkleTextLeaf(text) };
}

/**
 * The wire form of a record given its canonical text ({@link gatewaySignedText}) and its signature
 * block: that text with `gateway_signature` added as its last field. It is JSON of the record with
 * its block (key order aside), so the record is not stringified a second time.
 */
export function withGatewaySignature(text: string, block: GatewaySignatureBlock): string {
  const field = `"${GATEWAY_SIGNATURE_FIELD}":${JSON.stringify(block)}}`;
  return text === '{}' ? `{${field}` : `${text.slice(0, -1)},${field}`;
}

/** How a record's wire form names its signature block ({@link withGatewaySignature} writes it last). */
const SIGNATURE_MEMBER = `"${GATEWAY_SIGNATURE_FIELD}":`;

/**
 * The inverse of {@link withGatewaySignature}: the text the signature of a record's wire form `raw`
 * covers, read off the bytes received (all before its last `"gateway_signature":` member, closed),
 * so that a verifier need not write the parsed record out in canonical form again. Undefined when
 * `raw` has no such member.
 *
 * Sound for a verifier that checks the signature over this text, wherever the cut falls: a text
 * the gateway signed is a JSON object without a top-level `gateway_signature`, and `raw` (which
 * parsed as one JSON value) is that object's text with one more top-level member appended, so it
 * parses as exactly the signed record plus its block. A cut anywhere else gives a text the gateway
 * never signed.
 */
export function gatewaySignedTextOf(raw: string): string | undefined {
  const at = raw.lastIndexOf(SIGNATURE_MEMBER);
  if (at < 1) return undefined;
  if (raw[at - 1] === ',') return `${raw.slice(0, at - 1)}}`;
  return at === 1 && raw[0] === '{' ? '{}' : undefined;
}

/**
 * Signature blocks of records signed together, given their digests ({@link gatewayRecordDigest}, at
 * least one): one Ed25519 signature over the root of the tree of the digests, each block with its
 * record's path (empty for a batch of one).
 */
export function gatewayBatchSignatures(digests: readonly Buffer[], privateKey: KeyObject, keyId: string): GatewayBatchSignatureBlock[] {
  const { root, proofs } = merkleTree(digests);
  const value = sign(null, gatewayBatchSigningInput(root), privateKey).toString('base64');
  return proofs.map((path) => ({ alg: 'ed25519-merkle', key_id: keyId, value, path }));
}

/**
 * What must be checked to trust `record`: the bytes its Ed25519 signature covers and the signature,
 * plus, for a batch-signed record, the root its path leads to (a verified root vouches for every
 * record whose path leads to it). Undefined when the block is missing or malformed.
 */
export function gatewaySignedBytes(record: Record<string, unknown>): { input: Buffer; signature: Buffer; root?: Buffer } | undefined {
  const block = record[GATEWAY_SIGNATURE_FIELD] as Partial<GatewayBatchSignatureBlock> | Partial<GatewaySingleSignatureBlock> | undefined;
  if (!block || typeof block !== 'object' || typeof block.value !== 'string') return undefined;
  const signature = Buffer.from(block.value, 'base64');
  if (block.alg === 'ed25519') return { input: gatewaySigningInput(record), signature };
  if (block.alg !== 'ed25519-merkle') return undefined;
  const root = merkleRootOf(gatewayRecordDigest(record), (block as Partial<GatewayBatchSignatureBlock>).path);
  return root && { input: gatewayBatchSigningInput(root), signature, root };
}

/**
 * True when `record` carries a `gateway_signature` (alone or batch form) that `publicKeyPem`
 * verifies. Never throws: a missing, malformed or foreign block is false.
 */
export function verifyGatewaySignature(record: Record<string, unknown>, publicKeyPem: string | KeyObject): boolean {
  try {
    const signed = gatewaySignedBytes(record);
    if (!signed) return false;
    const key = typeof publicKeyPem === 'string' ? createPublicKey(publicKeyPem) : publicKeyPem;
    return verify(null, signed.input, key, signed.signature);
  } catch {
    return false;
  }
}
