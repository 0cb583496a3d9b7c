import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical-envelope';

/** Top-level envelope field holding the gateway's signature of a decision or a delivery. */
export const GATEWAY_SIGNATURE_FIELD = 'gateway_signature';

/** The gateway's signature block (`gateway_signature`): Ed25519 over the canonical envelope without this field. */
export interface GatewaySignatureBlock {
  alg: 'ed25519';
  /** {@link gatewayKeyId} of the signing key. */
  key_id: string;
  /** Base64 signature. */
  value: string;
}

/** Short id of a gateway public key: the first 16 hex digits of the SHA-256 of its SPKI DER. */
export function gatewayKeyId(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** The bytes a gateway signature covers: `record` in canonical JSON, without its `gateway_signature`. */
export function gatewaySigningInput(record: Record<string, unknown>): Buffer {
  const { [GATEWAY_SIGNATURE_FIELD]: _ignored, ...rest } = record;
  return Buffer.from(canonicalJson(rest));
}

/** The signature block of `record` (an envelope or any JSON record) with the gateway's private key. */
export function gatewaySignatureOf(record: Record<string, unknown>, privateKey: KeyObject, keyId: string): GatewaySignatureBlock {
  return { alg: 'ed25519', key_id: keyId, value: sign(null, gatewaySigningInput(record), privateKey).toString('base64') };
}

/**
 * True when `record` carries a `gateway_signature` that `publicKeyPem` verifies. Never throws: a
 * missing, malformed or foreign block is false.
 */
export function verifyGatewaySignature(record: Record<string, unknown>, publicKeyPem: string | KeyObject): boolean {
  const block = record[GATEWAY_SIGNATURE_FIELD] as Partial<GatewaySignatureBlock> | undefined;
  if (!block || typeof block !== 'object' || block.alg !== 'ed25519' || typeof block.value !== 'string') return false;
  try {
    const key = typeof publicKeyPem === 'string' ? createPublicKey(publicKeyPem) : publicKeyPem;
    return verify(null, gatewaySigningInput(record), key, Buffer.from(block.value, 'base64'));
  } catch {
    return false;
  }
}
