import { memoised } from '@mas/core';

/** A pattern's anchored regex, compiled once per pattern. */
const compiled = memoised(
  (pattern: string) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&')).join('.*')}$`, 's'),
  10_000,
);

/**
 * True when `value` matches `pattern`, where `*` stands for any run of characters (also none) and
 * every other character stands for itself: anchored at both ends and case-sensitive
 * (`send:agent.*` matches `send:agent.x`, not `send:agentx` nor `SEND:agent.x`).
 */
export function wildcardMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  return compiled(pattern).test(value);
}
