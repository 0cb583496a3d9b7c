import type { WireEnvelope } from '../protocol';

function isJsonPrimitive(item: unknown): boolean {
  return item === null || typeof item === 'number' || typeof item === 'string' || typeof item === 'boolean';
}

/** JSON with object keys sorted at every level: the same bytes on every side. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    // An array of plain JSON primitives is one native pass (long arrays of numbers cost no call per item).
    if (value.every(isJsonPrimitive)) return JSON.stringify(value);
    return `[${value.map(canonicalJson).join(',')}]`;
  }
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
