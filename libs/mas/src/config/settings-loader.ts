import { maskRedisUrl } from '../redis/redis-options';
import { existsSync, readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { load as parseYaml } from 'js-yaml';
import { ConfigValidationError } from './config.errors';

type Plain = Record<string, unknown>;

/** Where settings come from, in increasing precedence after the class defaults. */
export interface LoadSettingsOptions {
  /** YAML file; when absent, `${envPrefix}CONFIG` names one. A missing explicit file is an error. */
  file?: string;
  /** Prefix of environment overrides, e.g. `MAS_` (`MAS_REDIS__URL` sets `redis.url`). */
  envPrefix: string;
  /** Environment to read (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Plain environment variables mapped to a settings path, e.g. `{ REDIS_URL: 'redis.url' }`. */
  envAliases?: Record<string, string>;
  /** Explicit values, applied last. */
  overrides?: Plain;
  /**
   * Settings paths (camelCase, e.g. `agents`) holding maps keyed by names, such as agent ids: their
   * keys are kept as written in YAML and lower-cased (not camel-cased) from the environment.
   */
  mapKeys?: string[];
}

function camelize(segment: string): string {
  return segment.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of plain objects; arrays and scalars of `source` replace those of `target`. */
export function deepMerge(target: Plain, source: Plain): Plain {
  const out: Plain = { ...target };
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    out[key] = isPlain(value) && isPlain(out[key]) ? deepMerge(out[key] as Plain, value) : value;
  }
  return out;
}

function setPath(target: Plain, path: string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    if (!isPlain(node[segment])) node[segment] = {};
    node = node[segment] as Plain;
  }
  node[path[path.length - 1]] = value;
}

/** Env value: JSON when it parses as JSON (numbers, booleans, arrays), the raw string otherwise. */
function envValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** YAML keys may be snake_case or camelCase; settings classes use camelCase. Keys of `mapKeys` maps stay as written. */
function camelizeKeys(value: unknown, mapKeys: string[], path = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => camelizeKeys(item, mapKeys));
  if (!isPlain(value)) return value;
  const verbatim = mapKeys.includes(path);
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      const key = verbatim || !k.includes('_') ? k : camelize(k);
      return [key, camelizeKeys(v, mapKeys, path ? `${path}.${key}` : key)];
    }),
  );
}

/** The settings path of an environment name's `__`-separated segments. */
function envPath(segments: string[], mapKeys: string[]): string[] {
  const path: string[] = [];
  for (const segment of segments) path.push(mapKeys.includes(path.join('.')) ? segment.toLowerCase() : camelize(segment));
  return path;
}

function readYaml(file: string, mapKeys: string[]): Plain {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigValidationError(file, [`cannot read YAML: ${(error as Error).message}`]);
  }
  if (parsed === undefined || parsed === null) return {};
  if (!isPlain(parsed)) throw new ConfigValidationError(file, ['the top level must be a mapping']);
  return camelizeKeys(parsed, mapKeys) as Plain;
}

function envLayer(options: LoadSettingsOptions, env: NodeJS.ProcessEnv): Plain {
  const layer: Plain = {};
  for (const [name, path] of Object.entries(options.envAliases ?? {})) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') setPath(layer, path.split('.'), envValue(raw));
  }
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith(options.envPrefix) || raw === undefined || name === `${options.envPrefix}CONFIG`) continue;
    const path = envPath(name.slice(options.envPrefix.length).split('__').filter(Boolean), options.mapKeys ?? []);
    if (path.length) setPath(layer, path, envValue(raw));
  }
  return layer;
}

/** One line per failed constraint, named by its settings path (`prefix.property`). */
export function describeSettingsErrors(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map(
      (message) => `${path}: ${message} (got ${JSON.stringify(error.value)})`,
    );
    return [...own, ...describeSettingsErrors(error.children ?? [], path)];
  });
}

/**
 * Loads a settings class: class defaults → YAML file → environment (`PREFIX_A__B=...`) →
 * explicit overrides, then converts and validates with class-validator.
 * @throws ConfigValidationError naming every bad key.
 */
export function loadSettings<T extends object>(cls: new () => T, options: LoadSettingsOptions): T {
  const env = options.env ?? process.env;
  const file = options.file ?? env[`${options.envPrefix}CONFIG`];
  let merged: Plain = {};
  if (file) {
    if (!existsSync(file)) throw new ConfigValidationError(file, ['file not found']);
    merged = readYaml(file, options.mapKeys ?? []);
  }
  merged = deepMerge(merged, envLayer(options, env));
  merged = deepMerge(merged, options.overrides ?? {});
  const settings = plainToInstance(cls, merged, { exposeDefaultValues: true });
  const errors = validateSync(settings, { forbidUnknownValues: false });
  if (errors.length) throw new ConfigValidationError(file ? `${file}, environment and options` : 'environment and options', describeSettingsErrors(errors));
  return settings;
}

const SECRET_KEY = /(password|secret|token|key|credentials)$/i;

/** A copy of `settings` safe to print: secrets masked, credentials stripped from URLs. */
export function summarizeSettings(settings: object): Plain {
  const walk = (value: unknown, key = ''): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (isPlain(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    if (typeof value === 'string' && SECRET_KEY.test(key)) return value ? '***' : '';
    if (typeof value === 'string' && /^rediss?:\/\//.test(value)) return maskRedisUrl(value);
    return value;
  };
  return walk(JSON.parse(JSON.stringify(settings))) as Plain;
}
