import type { WireEnvelope } from '../protocol';

/** JSON with object keys sorted at every level: the same bytes on every side. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The bytes a gateway signature covers: the whole envelope (sender, target, type, data, meta,
 * timestamp, message id, any extra field) in canonical form, with the signature's nonce and
 * algorithm but without its value.
 */
export function signingInput(envelope: WireEnvelope, alg: string, nonce: string): string {
  const { signature: _ignored, ...rest } = envelope as WireEnvelope & { signature?: unknown };
  return canonicalJson({ ...rest, signature: { alg, nonce } });
}
