import { existsSync } from 'node:fs';
import type { AgentOptions } from '../agent/agent-options.interfaces';
import { ConfigValidationError } from './config.errors';
import { loadMasSettings, MasSettings } from './mas.settings';

/** The options settings may supply, and their settings path (what a bad value is reported as). */
const LAYERED: ReadonlyArray<[option: keyof LayeredOptions, path: string]> = [
  ['redisUrl', 'redis.url'],
  ['connectTimeoutMs', 'redis.connectTimeoutMs'],
  ['heartbeatIntervalMs', 'heartbeat.intervalMs'],
  ['heartbeatTtlMs', 'heartbeat.ttlMs'],
  ['requestTimeoutMs', 'requestTimeoutMs'],
  ['maxMessageBytes', 'maxMessageBytes'],
];

/** The options an agent (or `MasModule`) takes from settings when they are not given explicitly. */
export type LayeredOptions = Pick<
  AgentOptions,
  'redisUrl' | 'connectTimeoutMs' | 'heartbeatIntervalMs' | 'heartbeatTtlMs' | 'requestTimeoutMs' | 'maxMessageBytes' | 'namespace'
>;

/**
 * The environment variables the layered options come from. Only these are read to tell whether the
 * settings changed (enumerating `process.env` costs ~100 µs, paid by each of 10 000 agents).
 */
const LAYERED_ENV = [
  'REDIS_URL',
  'MAS_CONFIG',
  'MAS_REDIS__URL',
  'MAS_REDIS__CONNECT_TIMEOUT_MS',
  'MAS_HEARTBEAT__INTERVAL_MS',
  'MAS_HEARTBEAT__TTL_MS',
  'MAS_REQUEST_TIMEOUT_MS',
  'MAS_MAX_MESSAGE_BYTES',
  'MAS_NAMESPACE',
];

const defaultFiles = new Map<string, string | undefined>();

/** The YAML file agents read: `MAS_CONFIG`, else `config/mas.yaml` of the working directory when it exists. */
function settingsFile(env: NodeJS.ProcessEnv): string | undefined {
  if (env.MAS_CONFIG) return env.MAS_CONFIG;
  const cwd = process.cwd();
  if (!defaultFiles.has(cwd)) defaultFiles.set(cwd, existsSync('config/mas.yaml') ? 'config/mas.yaml' : undefined);
  return defaultFiles.get(cwd);
}

const cache = new Map<string, MasSettings>();

/** Settings of this environment and these explicit values, loaded once per distinct pair (10 000 agents, one load). */
function settingsFor(env: NodeJS.ProcessEnv, overrides: Record<string, unknown>): MasSettings {
  const file = settingsFile(env);
  const key = JSON.stringify([file, LAYERED_ENV.map((name) => env[name] ?? null), overrides]);
  let settings = cache.get(key);
  if (!settings) {
    settings = loadMasSettings({ env, file, overrides });
    if (cache.size > 64) cache.clear();
    cache.set(key, settings);
  }
  return settings;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, tail] = path.split('.');
  if (tail === undefined) target[head] = value;
  else target[head] = { ...(target[head] as object), [tail]: value };
}

/**
 * `options` completed by the MAS settings, one layered config for standalone agents and `MasModule`:
 * defaults → YAML (`MAS_CONFIG`, else `config/mas.yaml`) → env (`MAS_REDIS__URL`, `REDIS_URL`,
 * `MAS_HEARTBEAT__INTERVAL_MS`, `MAS_NAMESPACE`, ...) → the options given. Explicit values are
 * validated with the rest.
 * @throws ConfigValidationError naming the key: a bad value anywhere, or an option given as
 *   `undefined`/`null`/`''` (e.g. `redisUrl: config.get('REDIS_URL')` with a misspelled key), which
 *   would otherwise silently mean the default.
 */
export function layerAgentOptions<T extends LayeredOptions>(options: T, env: NodeJS.ProcessEnv = process.env): T {
  const problems: string[] = [];
  const overrides: Record<string, unknown> = {};
  for (const [option, path] of LAYERED) {
    if (!(option in options)) continue;
    const value = options[option];
    if (value === undefined || value === null || value === '') {
      problems.push(
        `${option}: given as ${value === '' ? 'an empty string' : String(value)} (a missing configuration key?); ` +
          `give a value or leave ${option} out to use the settings (${path})`,
      );
    } else setPath(overrides, path, value);
  }
  // `namespace: undefined` means none given (the settings' one, else none): no namespace is a valid choice.
  if (typeof options.namespace === 'string') overrides.namespace = options.namespace;
  if (problems.length) throw new ConfigValidationError('options', problems);
  const settings = settingsFor(env, overrides);
  return {
    ...options,
    redisUrl: settings.redis.url,
    connectTimeoutMs: settings.redis.connectTimeoutMs,
    heartbeatIntervalMs: settings.heartbeat.intervalMs,
    heartbeatTtlMs: settings.heartbeat.ttlMs,
    requestTimeoutMs: settings.requestTimeoutMs,
    maxMessageBytes: settings.maxMessageBytes,
    namespace: settings.namespace || undefined,
  };
}
