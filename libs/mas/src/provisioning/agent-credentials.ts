import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { InvalidCredentialsError } from '../errors/provisioning.errors';

/** Prefix of a credentials string (format version 1). */
const PREFIX = 'mas1.';

/** What a provisioned agent signs with: its id and its Ed25519 private key. */
export interface AgentCredentials {
  id: string;
  privateKey: KeyObject;
  /** SPKI PEM of the public half (what the gateway verifies with). */
  publicKeyPem: string;
}

/** Encodes an agent's id and Ed25519 private key as the opaque string `mas provision` prints. */
export function encodeCredentials(id: string, privateKey: KeyObject): string {
  const key = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  return PREFIX + Buffer.from(JSON.stringify({ id, alg: 'ed25519', key })).toString('base64url');
}

/**
 * Decodes a credentials string. With `expectedId`, also checks it was provisioned for that id.
 * @throws InvalidCredentialsError when it is malformed, not Ed25519, or for another id.
 */
export function decodeCredentials(text: string, expectedId?: string): AgentCredentials {
  if (typeof text !== 'string' || !text.startsWith(PREFIX)) throw new InvalidCredentialsError('not a string printed by `mas provision`');
  let parsed: { id?: unknown; alg?: unknown; key?: unknown };
  let privateKey: KeyObject;
  try {
    parsed = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8')) as typeof parsed;
    privateKey = createPrivateKey({ key: Buffer.from(String(parsed.key), 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new InvalidCredentialsError('the string is damaged');
  }
  if (parsed.alg !== 'ed25519' || privateKey.asymmetricKeyType !== 'ed25519') throw new InvalidCredentialsError('not an Ed25519 key');
  if (typeof parsed.id !== 'string') throw new InvalidCredentialsError('no agent id');
  if (expectedId !== undefined && parsed.id !== expectedId) {
    throw new InvalidCredentialsError(`they were provisioned for "${parsed.id}", not "${expectedId}"`);
  }
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { id: parsed.id, privateKey, publicKeyPem };
}
