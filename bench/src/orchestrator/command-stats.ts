import Redis from 'ioredis';

/** Calls per command name (lower case), from `INFO commandstats`. */
export type CommandCalls = Map<string, number>;

/** Reads `INFO commandstats` of the bench's Redis (every client of the server counts). */
export async function readCommandCalls(redisUrl: string): Promise<CommandCalls> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const info = await redis.info('commandstats');
    const calls: CommandCalls = new Map();
    for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(match[1], Number(match[2]));
    return calls;
  } finally {
    redis.disconnect();
  }
}

/**
 * CPU seconds the bench's Redis server has used so far (`INFO cpu`: user + system, every thread), or
 * undefined when it cannot be read. Every client of the server counts, as in the command counts.
 */
export async function readRedisCpuSeconds(redisUrl: string): Promise<number | undefined> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const info = await redis.info('cpu');
    const user = /^used_cpu_user:([\d.]+)/m.exec(info);
    const system = /^used_cpu_sys:([\d.]+)/m.exec(info);
    return user && system ? Number(user[1]) + Number(system[1]) : undefined;
  } catch {
    return undefined;
  } finally {
    redis.disconnect();
  }
}

/**
 * Commands per operation between two readings: the total and the most frequent ones (Lua scripts
 * count as their EVALSHA plus each command they run). The orchestrator's own INFO calls are left out.
 */
export function commandsPerOp(before: CommandCalls, after: CommandCalls, ops: number): { total: number; top: Record<string, number> } {
  const perOp: Array<[string, number]> = [];
  for (const [name, calls] of after) {
    if (name === 'info') continue;
    const delta = calls - (before.get(name) ?? 0);
    if (delta > 0) perOp.push([name, delta / ops]);
  }
  perOp.sort((a, b) => b[1] - a[1]);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { total: round(perOp.reduce((sum, [, n]) => sum + n, 0)), top: Object.fromEntries(perOp.slice(0, 12).map(([name, n]) => [name, round(n)])) };
}
