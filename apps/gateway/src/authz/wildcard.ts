const compiled = new Map<string, RegExp>();
const CACHE_LIMIT = 10_000;

/**
 * True when `value` matches `pattern`, where `*` stands for any run of characters (also none) and
 * every other character stands for itself: anchored at both ends and case-sensitive
 * (`send:agent.*` matches `send:agent.x`, not `send:agentx` nor `SEND:agent.x`).
 */
export function wildcardMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  let regex = compiled.get(pattern);
  if (!regex) {
    const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&')).join('.*');
    regex = new RegExp(`^${source}$`, 's');
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    compiled.set(pattern, regex);
  }
  return regex.test(value);
}
