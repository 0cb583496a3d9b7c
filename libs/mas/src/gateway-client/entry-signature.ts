import { createHash, KeyObject, sign, verify } from 'node:crypto';
import type { SignatureBlock } from './gateway.constants';
import { freshNonce } from './nonce';

/**
 * Signatures of zero-trust (provisioned) agents: the Ed25519 signature of the envelope text exactly
 * as written to the ingress entry, carried beside it in the entry's own `signature` field
 * (`INGRESS_FIELDS.signature`) with the sender and target the envelope names, not inside the
 * envelope. The gateway checks it before it parses the envelope: the field tells whose key to check
 * it with, then a hash of the text and one verification of a fixed-size input, so an envelope
 * naming a provisioned sender under a junk signature costs no JSON parse and no canonical form.
 */

/** The `signature` field of a provisioned sender's ingress entry. */
export interface EntrySignature extends SignatureBlock {
  alg: 'ed25519';
  /** The envelope's `sender_id` (whose public key verifies it). */
  sender: string;
  /** The envelope's `target_id`. */
  target: string;
}

/** Domain tag at the head of what an entry signature covers: a key signs nothing else in this form. */
const ENTRY_SIGNATURE_DOMAIN = 'mas.ingress.envelope.v1';

/** Longest `signature` field read (nonce, value and the JSON around them take under 300 characters; the rest is for the two ids). */
export const ENTRY_SIGNATURE_MAX_CHARS = 2_048;

/** What a nonce may be: it is written into the signing input between newlines. */
const NONCE_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Bytes of an Ed25519 signature. */
const ED25519_SIGNATURE_BYTES = 64;

/**
 * The bytes an entry signature covers: the domain tag, then `[nonce, sender, target]` as JSON, then
 * the SHA-256 of the envelope text (UTF-8), on lines of their own. As large as the ids whatever the
 * envelope's size: hashing the text is the only cost that grows with it.
 */
export function entrySigningInput(envelopeText: string, signature: Pick<EntrySignature, 'nonce' | 'sender' | 'target'>): Buffer {
  const head = `${ENTRY_SIGNATURE_DOMAIN}\n${JSON.stringify([signature.nonce, signature.sender, signature.target])}\n`;
  return Buffer.concat([Buffer.from(head), createHash('sha256').update(envelopeText).digest()]);
}

/** Signs `envelopeText` (the very string to be written to the entry, from `sender` to `target`) with a fresh nonce. */
export function signEnvelopeText(envelopeText: string, route: { sender: string; target: string }, privateKey: KeyObject): EntrySignature {
  const unsigned = { alg: 'ed25519' as const, sender: route.sender, target: route.target, nonce: freshNonce() };
  return { ...unsigned, value: sign(null, entrySigningInput(envelopeText, unsigned), privateKey).toString('base64') };
}

/** The `signature` field of an ingress entry carrying `signature`. */
export function encodeEntrySignature(signature: EntrySignature): string {
  const { alg, sender, target, nonce, value } = signature;
  return JSON.stringify({ alg, sender, target, nonce, value });
}

/**
 * The signature of an entry's `signature` field; undefined when it is longer than
 * {@link ENTRY_SIGNATURE_MAX_CHARS}, not JSON, or not an Ed25519 signature with a well-formed
 * nonce, a value and two non-empty ids. Never throws.
 */
export function decodeEntrySignature(field: string): EntrySignature | undefined {
  if (field.length > ENTRY_SIGNATURE_MAX_CHARS) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(field);
  } catch {
    return undefined;
  }
  const { alg, sender, target, nonce, value } = (parsed ?? {}) as Partial<Record<keyof EntrySignature, unknown>>;
  if (alg !== 'ed25519' || typeof nonce !== 'string' || !NONCE_PATTERN.test(nonce) || typeof value !== 'string') return undefined;
  if (typeof sender !== 'string' || !sender || typeof target !== 'string' || !target) return undefined;
  return { alg, sender, target, nonce, value };
}

/** True when `signature` is a valid signature of `envelopeText` by `publicKey`; false on any mismatch, never throws. */
export function verifyEnvelopeText(envelopeText: string, signature: EntrySignature, publicKey: KeyObject): boolean {
  if (signature.alg !== 'ed25519' || !NONCE_PATTERN.test(signature.nonce)) return false;
  const value = Buffer.from(signature.value, 'base64');
  if (value.length !== ED25519_SIGNATURE_BYTES) return false;
  try {
    return verify(null, entrySigningInput(envelopeText, signature), publicKey, value);
  } catch {
    return false;
  }
}
