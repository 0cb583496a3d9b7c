import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { ChainableCommander } from 'ioredis';
import { RedisFunctionsMissingError } from '../errors/provisioning.errors';
import { errorMessageOf, isNoScriptError } from './redis-errors';

/**
 * The Redis functions a client runs the MAS scripts as, instead of EVAL: what {@link LuaScript.run}
 * calls (FCALL / FCALL_RO) for each script the library holds. Set on a client with
 * {@link runScriptsAsFunctions} (a {@link MasConnection} in `functions` mode does it for its clients).
 */
export interface ScriptFunctions {
  /** Name of the library (`mas_<version>`), for errors. */
  readonly library: string;
  /** Name of the function that runs `script`, or undefined when the library does not hold it (it runs by EVAL). */
  functionOf(script: LuaScript): string | undefined;
}

/** Clients (a `Redis` or a `Cluster`) whose scripts run as functions. */
const functionClients = new WeakMap<object, ScriptFunctions>();

/** From now on, every {@link LuaScript} that `functions` holds runs on `redis` by FCALL. */
export function runScriptsAsFunctions(redis: Redis, functions: ScriptFunctions): void {
  functionClients.set(redis, functions);
}

/** The functions `redis` runs the scripts as, or undefined when it runs them by EVAL. */
export function scriptFunctionsOf(redis: Redis): ScriptFunctions | undefined {
  return functionClients.get(redis);
}

/** Redis answered an FCALL of a function it does not hold. */
export function isFunctionNotFoundError(error: unknown): boolean {
  return /Function not found/i.test(errorMessageOf(error));
}

/**
 * A Lua script run by EVALSHA, falling back to EVAL when Redis does not know it yet (first use, or
 * after a restart flushed the script cache) — or, on a client set to {@link runScriptsAsFunctions},
 * by FCALL of the function the administrator loaded for it (a provisioned agent's user may not EVAL).
 */
export class LuaScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /**
   * Runs the script with `keys` and `args`.
   * @throws RedisFunctionsMissingError on a client running functions when Redis does not hold the library
   */
  async run<T = unknown>(redis: Redis, keys: string[], args: Array<string | number>): Promise<T> {
    const name = scriptFunctionsOf(redis)?.functionOf(this);
    if (name) return this.callFunction<T>(redis, 'FCALL', name, keys, args);
    try {
      return (await redis.evalsha(this.sha, keys.length, ...keys, ...args)) as T;
    } catch (error) {
      if (!isNoScriptError(error)) throw error;
      return (await redis.eval(this.source, keys.length, ...keys, ...args)) as T;
    }
  }

  /**
   * Runs a script that only reads, with EVALSHA_RO / EVAL_RO (Redis 7), or FCALL_RO on a client
   * running functions: its keys then need read permission only, so a zero-trust agent whose user
   * may only read them can run it. On a Redis without those commands it runs as {@link run}.
   */
  async runReadOnly<T = unknown>(redis: Redis, keys: string[], args: Array<string | number>): Promise<T> {
    const name = scriptFunctionsOf(redis)?.functionOf(this);
    if (name) return this.callFunction<T>(redis, 'FCALL_RO', name, keys, args);
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

  private async callFunction<T>(redis: Redis, command: 'FCALL' | 'FCALL_RO', name: string, keys: string[], args: Array<string | number>): Promise<T> {
    try {
      return (await redis.call(command, name, keys.length, ...keys, ...args)) as T;
    } catch (error) {
      if (!isFunctionNotFoundError(error)) throw error;
      throw new RedisFunctionsMissingError(scriptFunctionsOf(redis)!.library, undefined, errorMessageOf(error));
    }
  }
}
