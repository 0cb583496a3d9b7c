import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import { IsMasNamespace, loadSettings, RedisSettings } from '@mas/core';
import { DashboardSettings } from '../dashboard/dashboard.settings';

/** HTTP server settings. */
export class HttpSettings {
  /** Interface to listen on (env `MAS_HTTP__HOST`): loopback by default; `0.0.0.0` in a container. */
  @IsString()
  host: string = '127.0.0.1';

  /** Port of the HTTP API (env `PORT` or `MAS_HTTP__PORT`); 0 picks a free port. */
  @IsInt()
  @Min(0)
  @Max(65_535)
  port: number = 3000;
}

/** Health monitor settings. */
export class MonitorSettings {
  /**
   * Period of the sweep over the index, in ms. An agent whose heartbeat expired is INACTIVE at the
   * latest one period after its TTL ran out (keyspace notifications usually make it sooner).
   */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  checkIntervalMs: number = 5_000;

  /** Add the `Ex` flags to `notify-keyspace-events` at start when the server permits `CONFIG SET`. */
  @IsBoolean()
  enableKeyspaceNotifications: boolean = true;

  /**
   * An ACTIVE agent without a heartbeat that registered less than this long ago is left alone
   * (Python agents write their first heartbeat just after the hash).
   */
  @IsInt()
  @Min(0)
  @Max(600_000)
  registrationGraceMs: number = 1_000;

  /** Agent ids handled per round trip by the sweep and the start-up scan. */
  @IsInt()
  @Min(10)
  @Max(10_000)
  batchSize: number = 500;

  /** Index every `agent:{id}` hash found by one SCAN at start and after a reconnection. */
  @IsBoolean()
  scanOnStart: boolean = true;
}

/** Settings of the registry app. */
export class RegistrySettings {
  @ValidateNested()
  @Type(() => RedisSettings)
  redis: RedisSettings = new RedisSettings();

  /**
   * Namespace of the agents it watches and serves (env `MAS_NAMESPACE`, as the agents read it);
   * empty (the default): the wire names. A registry sees one namespace: run one per namespace.
   */
  @IsMasNamespace()
  namespace: string = '';

  @ValidateNested()
  @Type(() => HttpSettings)
  http: HttpSettings = new HttpSettings();

  @ValidateNested()
  @Type(() => MonitorSettings)
  monitor: MonitorSettings = new MonitorSettings();

  @ValidateNested()
  @Type(() => DashboardSettings)
  dashboard: DashboardSettings = new DashboardSettings();
}

/** Where registry settings come from. */
export interface LoadRegistrySettingsOptions {
  /** YAML file; default `MAS_REGISTRY_CONFIG`, else `config/registry.yaml` when it exists. */
  file?: string;
  /** Environment to read (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Explicit values, applied last (e.g. `{ monitor: { checkIntervalMs: 500 } }`). */
  overrides?: Record<string, unknown>;
}

/** Default YAML file, relative to the working directory. */
export const DEFAULT_REGISTRY_CONFIG_FILE = 'config/registry.yaml';

/**
 * Loads {@link RegistrySettings}: defaults → YAML → env (`MAS_MONITOR__CHECK_INTERVAL_MS`,
 * `MAS_REDIS__URL`, `REDIS_URL`, `PORT`, ...) → overrides.
 * @throws ConfigValidationError naming every bad key.
 */
export function loadRegistrySettings(options: LoadRegistrySettingsOptions = {}): RegistrySettings {
  const { MAS_CONFIG: _agentsFile, ...env } = options.env ?? process.env;
  const fallback = resolve(DEFAULT_REGISTRY_CONFIG_FILE);
  const file = options.file ?? env.MAS_REGISTRY_CONFIG ?? (existsSync(fallback) ? fallback : undefined);
  return loadSettings(RegistrySettings, {
    envPrefix: 'MAS_',
    env,
    file,
    envAliases: { REDIS_URL: 'redis.url', PORT: 'http.port' },
    overrides: options.overrides,
  });
}
