import type { WireEnvelope } from '../protocol';

function isJsonPrimitive(item: unknown): boolean {
  return item === null || typeof item === 'number' || typeof item === 'string' || typeof item === 'boolean';
}

/** Output text queued between values while {@link canonicalJson} walks. */
class Piece {
  constructor(readonly text: string) {}
}

/**
 * JSON with object keys sorted at every level: the same bytes on every side. Walks with an explicit
 * stack, so any depth works; an array of plain primitives is written in one native pass.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (item instanceof Piece) out.push(item.text);
    else if (Array.isArray(item)) {
      if (item.every(isJsonPrimitive)) {
        out.push(JSON.stringify(item));
        continue;
      }
      stack.push(new Piece(']'));
      for (let i = item.length - 1; i >= 0; i -= 1) {
        stack.push(item[i]);
        if (i) stack.push(new Piece(','));
      }
      stack.push(new Piece('['));
    } else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
      stack.push(new Piece('}'));
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        stack.push(record[keys[i]], new Piece(`${i ? ',' : ''}${JSON.stringify(keys[i])}:`));
      }
      stack.push(new Piece('{'));
    } else out.push(JSON.stringify(item ?? null) ?? '');
  }
  return out.join('');
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
