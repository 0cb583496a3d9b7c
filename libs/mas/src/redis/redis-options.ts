import type { RedisOptions } from 'ioredis';
import type { MasLogger } from '../util/mas-logger';
import type { MasKeyStyle } from './keys';

/** Where to find Redis: a URL, ioredis options, or both (options win). */
export interface RedisConnectionOptions {
  /**
   * e.g. `redis://127.0.0.1:6379/0`, `redis-cluster://h1:7000,h2:7000` or `redis-sentinel://h1:26379,h2:26379#mymaster`
   * (see {@link parseRedisTarget}). Defaults to `REDIS_URL` or `redis://127.0.0.1:6379`.
   */
  redisUrl?: string;
  /** Clients are named `{clientName}-{role}` (CLIENT LIST), e.g. `mas-command`. Default 'mas'. */
  clientName?: string;
  /** Extra ioredis options (a `connectionName` here names every client alike). */
  redis?: RedisOptions;
  /**
   * Deadline of a command, in ms (default 3 000). An agent's `send`/`request` waits at most that
   * long for a lost connection, then rejects with `RedisUnavailableError` naming the URL; and when
   * Redis answers nothing for that long while commands wait on the shared command connection (a hung
   * server, a half-open TCP connection), they fail and the connection is re-established.
   */
  commandTimeoutMs?: number;
  /**
   * How long an agent's `start()` waits for Redis to answer at all (default 5 000 ms); then it
   * rejects with `RedisUnavailableError` naming the URL (credentials masked) and what to check.
   */
  connectTimeoutMs?: number;
  /** Logger of the connection itself (reconnects, drops); `false` silences it. Default: the library logger. */
  logger?: MasLogger | false;
  /**
   * Prefix scoping every key and channel of this connection (see {@link MasKeySpaceOptions.namespace}).
   * Default: none, the names of the wire.
   */
  namespace?: string;
  /** Key style of this connection's names (see {@link MasKeyStyle}). Default: `cluster` for a cluster URL, `flat` otherwise. */
  keyStyle?: MasKeyStyle;
  /**
   * How this connection runs the MAS scripts: `eval` (EVALSHA / EVAL) or `functions` (FCALL of the
   * MAS function library an administrator loaded, `mas functions load`). Default: `functions` when
   * the connection's user is a provisioned agent's (`mas-agent.*`: it may not EVAL), else `eval`.
   */
  scripts?: ScriptMode;
}

/** How a connection runs the MAS scripts (see {@link RedisConnectionOptions.scripts}). */
export type ScriptMode = 'eval' | 'functions';

/** Start of the ACL user name of every provisioned agent (see `MasKeySpace.aclAgentUser`). */
export const PROVISIONED_AGENT_USER_PREFIX = 'mas-agent.';

/** Default of {@link RedisConnectionOptions.connectTimeoutMs}. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/** URL used when nothing is configured. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Resolves the URL from options, then `REDIS_URL`, then the default. */
export function resolveRedisUrl(options: RedisConnectionOptions = {}): string {
  return options.redisUrl ?? process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
}

/** `url` safe to log: its credentials (user and password) replaced by `***`. */
export function maskRedisUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
