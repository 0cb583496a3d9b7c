import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { AgentOptions } from '../agent/agent-options.interfaces';
import { DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_REQUEST_TIMEOUT_MS } from '../agent/agent.constants';
import { DEFAULT_REDIS_URL } from '../redis/redis-options';
import { ConfigValidationError } from './config.errors';
import { loadSettings, LoadSettingsOptions } from './settings-loader';

/** Redis connection settings. */
export class RedisSettings {
  /** `redis://[user:pass@]host:port[/db]` (env `REDIS_URL` or `MAS_REDIS__URL`). */
  @IsString()
  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// or rediss:// URL' })
  url: string = DEFAULT_REDIS_URL;
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

/** Settings shared by every MAS process (agents, registry, gateway). */
export class MasSettings {
  @ValidateNested()
  @Type(() => RedisSettings)
  redis: RedisSettings = new RedisSettings();

  @ValidateNested()
  @Type(() => HeartbeatSettings)
  heartbeat: HeartbeatSettings = new HeartbeatSettings();

  /** Default request timeout in ms. */
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  requestTimeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS;

  /** Largest accepted envelope in bytes. */
  @IsInt()
  @Min(256)
  maxMessageBytes: number = DEFAULT_MAX_MESSAGE_BYTES;
}

/**
 * Loads {@link MasSettings}: defaults → YAML (`MAS_CONFIG` or `file`) → env (`MAS_REDIS__URL`,
 * `MAS_HEARTBEAT__INTERVAL_MS`, ..., plus `REDIS_URL`) → overrides.
 */
export function loadMasSettings(options: Partial<LoadSettingsOptions> = {}): MasSettings {
  const settings = loadSettings(MasSettings, {
    envPrefix: 'MAS_',
    envAliases: { REDIS_URL: 'redis.url' },
    ...options,
  });
  assertHeartbeat(settings.heartbeat, 'heartbeat');
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

/** Agent options derived from settings (what `MasModule` and standalone agents use). */
export function agentOptionsFromSettings(settings: MasSettings): Pick<
  AgentOptions,
  'redisUrl' | 'heartbeatIntervalMs' | 'heartbeatTtlMs' | 'requestTimeoutMs' | 'maxMessageBytes'
> {
  return {
    redisUrl: settings.redis.url,
    heartbeatIntervalMs: settings.heartbeat.intervalMs,
    heartbeatTtlMs: settings.heartbeat.ttlMs,
    requestTimeoutMs: settings.requestTimeoutMs,
    maxMessageBytes: settings.maxMessageBytes,
  };
}
