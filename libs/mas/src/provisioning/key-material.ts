import { createHmac, createPrivateKey, generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A Redis password and an Ed25519 private key for one identity. */
export interface KeyMaterial {
  password: string;
  privateKey: KeyObject;
}

/** Fresh random material. */
export function randomKeyMaterial(): KeyMaterial {
  return { password: randomBytes(32).toString('hex'), privateKey: generateKeyPairSync('ed25519').privateKey };
}

/**
 * Material derived from a manifest secret (HMAC-SHA256 of the name): the same secret and name give
 * the same password and key, so a Redis that lost its ACL users can be re-provisioned without
 * handing out new credentials. `generation` rotates it.
 */
export function derivedKeyMaterial(secret: string, name: string, generation = 0): KeyMaterial {
  const derive = (purpose: string) => createHmac('sha256', secret).update(`mas-provision\0${purpose}\0${name}\0${generation}`).digest();
  const seed = derive('ed25519');
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return { password: derive('password').toString('hex'), privateKey };
}
