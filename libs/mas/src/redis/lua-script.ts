import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { ChainableCommander } from 'ioredis';
import { errorMessageOf, isNoScriptError } from './redis-errors';

/**
 * A Lua script run by EVALSHA, falling back to EVAL when Redis does not know it yet
 * (first use, or after a restart flushed the script cache).
 */
export class LuaScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script with `keys` and `args`. */
  async run<T = unknown>(redis: Redis, keys: string[], args: Array<string | number>): Promise<T> {
    try {
      return (await redis.evalsha(this.sha, keys.length, ...keys, ...args)) as T;
    } catch (error) {
      if (!isNoScriptError(error)) throw error;
      return (await redis.eval(this.source, keys.length, ...keys, ...args)) as T;
    }
  }

  /**
   * Runs a script that only reads, with EVALSHA_RO / EVAL_RO (Redis 7): its keys then need read
   * permission only, so a zero-trust agent whose user may only read them can run it. On a Redis
   * without those commands it runs as {@link run}.
   */
  async runReadOnly<T = unknown>(redis: Redis, keys: string[], args: Array<string | number>): Promise<T> {
    try {
      return (await redis.call('EVALSHA_RO', this.sha, keys.length, ...keys, ...args)) as T;
    } catch (error) {
      if (isNoScriptError(error)) return (await redis.call('EVAL_RO', this.source, keys.length, ...keys, ...args)) as T;
      if (/unknown command/i.test(errorMessageOf(error))) return this.run<T>(redis, keys, args);
      throw error;
    }
  }

  /** Queues the script in a pipeline or MULTI (EVAL, so it works on a fresh server). */
  queue(pipeline: ChainableCommander, keys: string[], args: Array<string | number>): ChainableCommander {
    return pipeline.eval(this.source, keys.length, ...keys, ...args);
  }
}
