import { createHmac, createPrivateKey, createPublicKey, createSecretKey, generateKeyPairSync, KeyObject, randomBytes, sign, timingSafeEqual, verify } from 'node:crypto';
import type { WireEnvelope } from '../protocol';
import { memoised } from '../util/memoised';
import { signingInput } from './canonical-envelope';
import { freshNonce } from './nonce';
import type { SignatureAlgorithm, SignatureBlock } from './gateway.constants';

/** Key material of a signing agent. */
export type SigningKeys =
  | { alg: 'hmac-sha256'; secret: string }
  | { alg: 'ed25519'; privateKey: KeyObject; publicKeyPem: string };

/** Fresh keys for `alg`: a random HMAC secret, or an Ed25519 key pair. */
export function generateSigningKeys(alg: SignatureAlgorithm): SigningKeys {
  if (alg === 'hmac-sha256') return { alg, secret: randomBytes(32).toString('hex') };
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { alg, privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Loads an Ed25519 private key given as PEM. */
export function ed25519KeysFromPem(privateKeyPem: string): SigningKeys {
  const privateKey = createPrivateKey(privateKeyPem);
  return { alg: 'ed25519', privateKey, publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString() };
}

/** The HMAC key object of a hex secret, decoded once per secret (a changed secret is another key). */
const hmacKey = memoised((secret: string): KeyObject => createSecretKey(Buffer.from(secret, 'hex')), 1_024);

/**
 * The signature block of `envelope` (a fresh nonce, and the signature over the envelope's canonical
 * form with that nonce); the envelope is left as it is.
 */
export function envelopeSignature(envelope: WireEnvelope, keys: SigningKeys): SignatureBlock {
  const nonce = freshNonce();
  const text = signingInput(envelope, keys.alg, nonce);
  const value =
    keys.alg === 'hmac-sha256'
      ? createHmac('sha256', hmacKey(keys.secret)).update(text).digest('base64')
      : sign(null, Buffer.from(text), keys.privateKey).toString('base64');
  return { alg: keys.alg, nonce, value };
}

/** Signs `envelope` in place (adds its `signature` block) and returns it. */
export function signEnvelope(envelope: WireEnvelope, keys: SigningKeys): WireEnvelope {
  (envelope as WireEnvelope & { signature: SignatureBlock }).signature = envelopeSignature(envelope, keys);
  return envelope;
}

/**
 * The wire form of an envelope signed in place ({@link signEnvelope}) given `payload`, the JSON of
 * the envelope before signing (which has no `signature` field of its own): the same text as
 * `JSON.stringify(signEnvelope(envelope, keys))`, as JSON.stringify writes a property added last
 * last, without writing the envelope a second time.
 */
export function withEnvelopeSignature(payload: string, block: SignatureBlock): string {
  return `${payload.slice(0, -1)},"signature":${JSON.stringify(block)}}`;
}

/**
 * Checks the signature block of `envelope` with the sender's HMAC secret (hex) or Ed25519 public
 * key (a parsed `publicKey`, or PEM). Returns false on any mismatch or malformed block; never throws.
 */
export function verifyEnvelope(envelope: WireEnvelope, key: { hmacSecret?: string; publicKeyPem?: string; publicKey?: KeyObject }): boolean {
  const block = (envelope as { signature?: Partial<SignatureBlock> }).signature;
  if (!block || typeof block.value !== 'string' || typeof block.nonce !== 'string') return false;
  try {
    const text = signingInput(envelope, String(block.alg), block.nonce);
    if (block.alg === 'hmac-sha256' && key.hmacSecret) {
      const expected = createHmac('sha256', hmacKey(key.hmacSecret)).update(text).digest();
      const given = Buffer.from(block.value, 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    }
    if (block.alg === 'ed25519' && (key.publicKey || key.publicKeyPem)) {
      return verify(null, Buffer.from(text), key.publicKey ?? createPublicKey(key.publicKeyPem!), Buffer.from(block.value, 'base64'));
    }
  } catch {
    return false;
  }
  return false;
}
