/**
 * Encoding of one state field in the `agent.state:{id}` hash.
 *
 * Compatible with the Python implementation, which writes primitives as plain strings and lists or
 * dicts as JSON: a field is read with JSON.parse and, when that fails, kept as the plain string.
 * To round-trip without loss, a string is written plain unless it would read back as something
 * else (`"42"`, `"true"`, `"[1]"`, `"\"x\""`), in which case it is written JSON-quoted.
 */
export function encodeStateValue(value: unknown): string {
  if (typeof value === 'string') {
    return looksLikeJson(value) ? JSON.stringify(value) : value;
  }
  if (value === undefined) return 'null';
  return JSON.stringify(value);
}

/** Decodes one state field written by {@link encodeStateValue} or by the Python implementation. */
export function decodeStateValue(raw: string): unknown {
  if (!looksLikeJson(raw)) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** True when `text` might parse as JSON (cheap pre-check before trying). */
function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0) return false;
  if (trimmed !== text) {
    // JSON.parse ignores surrounding white space, so such strings must be quoted to survive.
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  }
  const first = trimmed[0];
  if (first === '{' || first === '[' || first === '"' || first === '-' || (first >= '0' && first <= '9')) {
    return true;
  }
  return trimmed === 'true' || trimmed === 'false' || trimmed === 'null';
}

/** Encodes a set of state fields for HSET. */
export function encodeStateFields(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) out[key] = encodeStateValue(value);
  return out;
}

/** Decodes a whole state hash. */
export function decodeStateFields(fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(fields)) out[key] = decodeStateValue(raw);
  return out;
}
