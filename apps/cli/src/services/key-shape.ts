import type Redis from 'ioredis';

const SENTINEL = '\u0000';

/** A key builder's fixed parts (see {@link keyShape}). */
export interface KeyShape {
  prefix: string;
  suffix: string;
  /** SCAN pattern matching every name. */
  pattern: string;
  /** The name inside `key`, or undefined when `key` does not have this shape. */
  nameOf(key: string): string | undefined;
}

/**
 * The fixed parts around the variable one of a key builder of a `MasKeySpace`, so the CLI can build
 * SCAN patterns and parse names out of keys without spelling any key itself.
 *
 * @example keyShape(MasKeys.agentRoles) // { prefix: 'agent:', suffix: ':roles', pattern: 'agent:*:roles', ... }
 */
export function keyShape(build: (name: string) => string): KeyShape {
  const [prefix, suffix] = build(SENTINEL).split(SENTINEL);
  return {
    prefix,
    suffix,
    /** SCAN pattern matching every name. */
    pattern: `${prefix}*${suffix}`,
    /** The name inside `key`, or undefined when `key` does not have this shape. */
    nameOf(key: string): string | undefined {
      if (!key.startsWith(prefix) || !key.endsWith(suffix) || key.length <= prefix.length + suffix.length) return undefined;
      return key.slice(prefix.length, key.length - suffix.length);
    },
  };
}

/** Every key matching `pattern` (optionally of one Redis type), by SCAN. */
export async function scanKeys(redis: Redis, pattern: string, type?: string): Promise<string[]> {
  const keys = new Set<string>();
  const stream = redis.scanStream({ match: pattern, count: 500, ...(type ? { type } : {}) });
  for await (const batch of stream as AsyncIterable<string[]>) for (const key of batch) keys.add(key);
  return [...keys];
}
