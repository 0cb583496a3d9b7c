import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, Max, Min, validateSync, ValidateBy, ValidateNested, ValidationOptions } from 'class-validator';
import type { AgentOptions } from '../agent/agent-options.interfaces';
import { DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_REQUEST_TIMEOUT_MS } from '../agent/agent.constants';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_REDIS_URL } from '../redis/redis-options';
import { MasKeySpace } from '../redis/keys';
import { ConfigValidationError } from './config.errors';
import { describeSettingsErrors, loadSettings, LoadSettingsOptions } from './settings-loader';

/** Schemes a Redis URL may have (one server, a cluster, a Sentinel set). */
const REDIS_URL_SHAPE = /^rediss?(-cluster|-sentinel)?:\/\//;
const REDIS_URL_MESSAGE = 'must be a redis://, rediss://, redis-cluster://, rediss-cluster:// or redis-sentinel:// URL';

/** Why `namespace` cannot make a key space, or undefined when it can ('' = no namespace). */
function namespaceProblem(namespace: unknown): string | undefined {
  if (typeof namespace !== 'string') return 'must be a string';
  if (!namespace) return undefined;
  try {
    new MasKeySpace({ namespace });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * class-validator rule of a `namespace` setting: empty (the wire names) or a namespace a
 * {@link MasKeySpace} accepts; the message says why not.
 */
export function IsMasNamespace(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMasNamespace',
      validator: {
        validate: (value) => namespaceProblem(value) === undefined,
        defaultMessage: (args) => namespaceProblem(args?.value) ?? 'must be a namespace',
      },
    },
    options,
  );
}

/** Redis connection settings. */
export class RedisSettings {
  /**
   * `redis://[user:pass@]host:port[/db]`, `redis-cluster://host:port[,host:port...]` or
   * `redis-sentinel://host:port[,host:port...][/db]#<master>` (`rediss` variants with TLS; env
   * `REDIS_URL` or `MAS_REDIS__URL`).
   */
  @IsString()
  @Matches(REDIS_URL_SHAPE, { message: REDIS_URL_MESSAGE })
  url: string = DEFAULT_REDIS_URL;

  /** How long an agent's start waits for Redis to answer, in ms (env `MAS_REDIS__CONNECT_TIMEOUT_MS`). */
  @IsInt()
  @Min(1)
  connectTimeoutMs: number = DEFAULT_CONNECT_TIMEOUT_MS;
}

/** Heartbeat timing. */
export class HeartbeatSettings {
  /** Refresh interval in ms. */
  @IsNumber()
  @Min(50)
  intervalMs: number = 30_000;

  /** TTL of the heartbeat key in ms; must exceed the interval. */
  @IsNumber()
  @Min(100)
  ttlMs: number = 60_000;
}

/** Who one agent is in Redis, in zero-trust mode: what `mas provision` printed for it. */
export class AgentIdentitySettings {
  /** Its own user's URL (`redis_url`); the shared `redis.url` when absent. */
  @IsOptional()
  @IsString()
  @Matches(REDIS_URL_SHAPE, { message: REDIS_URL_MESSAGE })
  redisUrl?: string;

  /** Its credentials string (`mas1.…`); never printed by `summarizeSettings`. */
  @IsOptional()
  @IsString()
  credentials?: string;
}

/** Settings shared by every MAS process (agents, registry, gateway). */
export class MasSettings {
  @ValidateNested()
  @Type(() => RedisSettings)
  redis: RedisSettings = new RedisSettings();

  @ValidateNested()
  @Type(() => HeartbeatSettings)
  heartbeat: HeartbeatSettings = new HeartbeatSettings();

  /**
   * Namespace of every key and channel (env `MAS_NAMESPACE`): apps, test runs or tenants sharing one
   * Redis see only their own agents. Empty (the default): the names of the wire (Python interop).
   */
  @IsMasNamespace()
  namespace: string = '';

  /** Default request timeout in ms. */
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  requestTimeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS;

  /** Largest accepted envelope in bytes. */
  @IsInt()
  @Min(256)
  maxMessageBytes: number = DEFAULT_MAX_MESSAGE_BYTES;

  /**
   * Zero-trust credentials of the process's one agent (env `MAS_AGENT_CREDENTIALS`, with its own
   * user's URL in `redis.url`); empty: none. Never printed by `summarizeSettings`.
   */
  @IsString()
  agentCredentials: string = '';

  /**
   * Zero-trust identities of several agents by id: YAML `agents: { <id>: { redis_url, credentials } }`,
   * env `MAS_AGENTS__<ID>__REDIS_URL` / `MAS_AGENTS__<ID>__CREDENTIALS` (the id in lower case there).
   */
  @IsObject()
  @Transform(({ value }) => identities(value), { toClassOnly: true })
  agents: Record<string, AgentIdentitySettings> = {};
}

function identities(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([id, entry]) => [id, plainToInstance(AgentIdentitySettings, entry ?? {})]));
}

/** Each `agents.<id>` entry is validated on its own (class-validator does not walk plain maps). */
function assertIdentities(agents: Record<string, AgentIdentitySettings>): void {
  const problems = Object.entries(agents).flatMap(([id, entry]) =>
    entry instanceof AgentIdentitySettings ? describeSettingsErrors(validateSync(entry), `agents.${id}`) : [`agents.${id}: must be a mapping`],
  );
  if (problems.length) throw new ConfigValidationError('settings', problems);
}

/**
 * Loads {@link MasSettings}: defaults → YAML (`MAS_CONFIG` or `file`) → env (`MAS_REDIS__URL`,
 * `MAS_HEARTBEAT__INTERVAL_MS`, ..., plus `REDIS_URL`) → overrides.
 */
export function loadMasSettings(options: Partial<LoadSettingsOptions> = {}): MasSettings {
  const settings = loadSettings(MasSettings, {
    envPrefix: 'MAS_',
    envAliases: { REDIS_URL: 'redis.url' },
    mapKeys: ['agents'],
    ...options,
  });
  assertHeartbeat(settings.heartbeat, 'heartbeat');
  assertIdentities(settings.agents);
  return settings;
}


/** Cross-field check: the TTL must outlast the refresh interval. */
export function assertHeartbeat(heartbeat: HeartbeatSettings, path: string): void {
  if (heartbeat.ttlMs <= heartbeat.intervalMs) {
    throw new ConfigValidationError('settings', [
      `${path}.ttlMs: must be greater than ${path}.intervalMs (got ${heartbeat.ttlMs} <= ${heartbeat.intervalMs})`,
    ]);
  }
}

/** Agent options derived from settings (what standalone agents use). */
export type SettingsAgentOptions = Pick<
  AgentOptions,
  'redisUrl' | 'connectTimeoutMs' | 'heartbeatIntervalMs' | 'heartbeatTtlMs' | 'requestTimeoutMs' | 'maxMessageBytes' | 'gateway'
>;

/**
 * Agent options derived from settings. With `agentId`, that agent's `agents.<id>` entry (its own
 * URL and credentials) wins over `redis.url` and `agentCredentials`. Credentials become
 * `gateway: { credentials }` (zero-trust mode).
 */
export function agentOptionsFromSettings(settings: MasSettings, agentId?: string): SettingsAgentOptions {
  const identity = agentId === undefined ? undefined : (settings.agents[agentId] ?? settings.agents[agentId.toLowerCase()]);
  const credentials = identity?.credentials || settings.agentCredentials;
  return {
    redisUrl: identity?.redisUrl ?? settings.redis.url,
    connectTimeoutMs: settings.redis.connectTimeoutMs,
    heartbeatIntervalMs: settings.heartbeat.intervalMs,
    heartbeatTtlMs: settings.heartbeat.ttlMs,
    requestTimeoutMs: settings.requestTimeoutMs,
    maxMessageBytes: settings.maxMessageBytes,
    ...(credentials ? { gateway: { credentials } } : {}),
  };
}
