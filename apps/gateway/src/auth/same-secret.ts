import { timingSafeEqual } from 'node:crypto';

/** Compares two secrets in constant time (for equal lengths). */
export function sameSecret(expected: string, given: string): boolean {
  if (Buffer.byteLength(expected) !== Buffer.byteLength(given)) return false; // lengths are no secret
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
