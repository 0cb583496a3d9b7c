import { randomFillSync } from 'node:crypto';

/** Bytes of one nonce (written as 32 hex digits). */
const NONCE_BYTES = 16;
/** Nonces drawn from one fill of the random pool. */
const NONCES_PER_FILL = 256;
const noncePool = Buffer.allocUnsafe(NONCE_BYTES * NONCES_PER_FILL);
let nonceAt = noncePool.length;

/** A fresh random nonce (hex), drawn from a pool of CSPRNG bytes refilled when used up (each byte serves once). */
export function freshNonce(): string {
  if (nonceAt === noncePool.length) {
    randomFillSync(noncePool);
    nonceAt = 0;
  }
  const nonce = noncePool.toString('hex', nonceAt, nonceAt + NONCE_BYTES);
  nonceAt += NONCE_BYTES;
  return nonce;
}
