import type { MasConnection, MasLogger, MasSettings } from '@mas/core';
import type { RedisOptions } from 'ioredis';
import { CliError, CliTimeoutError, ExitCode } from './cli.errors';
import { Output } from './output/output';
import { GatewayApi } from './services/gateway-api';
import { RegistryApi } from './services/registry-api';

/** Options every command accepts (see `mas --help`). */
export interface GlobalOptions {
  /** `--redis-url`: wins over MAS_CONFIG / MAS_REDIS__URL / REDIS_URL. */
  redisUrl?: string;
  /** `--namespace`: the agents' namespace (instead of MAS_NAMESPACE / the YAML's `namespace`). */
  namespace?: string;
  /** `--config`: a MAS YAML file (instead of MAS_CONFIG). */
  config?: string;
  /** `--gateway-url`: the gateway's HTTP API (instead of MAS_GATEWAY_URL). */
  gatewayUrl?: string;
  /** `--api-key`: the gateway's `x-api-key` (instead of MAS_GATEWAY_API_KEY). */
  apiKey?: string;
  /** `--registry-url`: the registry's HTTP API, read by `mas agents` / `mas agent` instead of Redis (instead of MAS_REGISTRY_URL). */
  registryUrl?: string;
  /** `--json`: machine-readable output. */
  json?: boolean;
  /** `--no-color` sets false. */
  color?: boolean;
  /** `--verbose`: library logs on stderr. */
  verbose?: boolean;
}

/** Where the gateway's HTTP API listens when neither `--gateway-url` nor MAS_GATEWAY_URL says. */
export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:3001';

/** How long connecting to Redis may take before the CLI gives up. */
const CONNECT_TIMEOUT_MS = 3_000;

/** Writes library logs to stderr so stdout stays clean (`--verbose` only). */
class StderrLogger implements MasLogger {
  constructor(private readonly context: string) {}
  log(message: unknown): void {
    this.write('LOG', message);
  }
  error(message: unknown): void {
    this.write('ERROR', message);
  }
  warn(message: unknown): void {
    this.write('WARN', message);
  }
  debug(message: unknown): void {
    this.write('DEBUG', message);
  }
  private write(level: string, message: unknown): void {
    process.stderr.write(`[${level}] [${this.context}] ${String(message)}\n`);
  }
}

/**
 * Loads @mas/core (which loads no Nest) on first use, with its logs sent to stderr (`--verbose`)
 * or silenced: `mas --help` and the audit commands, which only speak HTTP, never pay for it.
 */
function loadCore(verbose: boolean): typeof import('@mas/core') {
  const core = require('@mas/core') as typeof import('@mas/core');
  core.configureMasLogging({ logger: verbose ? (context) => new StderrLogger(context) : false });
  return core;
}

/** A Redis URL without its credentials, for messages. */
export function maskRedisUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/**
 * What a command runs with: its output, the effective settings and, once asked for, one Redis
 * connection (closed by {@link CliContext.close}).
 */
export class CliContext {
  /** Where results, notes and errors go. */
  readonly output: Output;
  private coreCache?: typeof import('@mas/core');
  private settingsCache?: MasSettings;
  private connection?: MasConnection;

  constructor(
    readonly options: GlobalOptions,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.output = new Output(!!options.json, options.color !== false);
  }

  /** @mas/core, loaded on first use. */
  get core(): typeof import('@mas/core') {
    this.coreCache ??= loadCore(!!this.options.verbose);
    return this.coreCache;
  }

  /** Settings as the apps load them (defaults → MAS_CONFIG YAML → MAS_* / REDIS_URL → `--redis-url`, `--namespace`). */
  get settings(): MasSettings {
    this.settingsCache ??= this.core.loadMasSettings({
      env: this.env,
      ...(this.options.config ? { file: this.options.config } : {}),
      overrides: {
        ...(this.options.redisUrl ? { redis: { url: this.options.redisUrl } } : {}),
        ...(this.options.namespace !== undefined ? { namespace: this.options.namespace } : {}),
      },
    });
    return this.settingsCache;
  }

  /** The Redis URL in effect. */
  get redisUrl(): string {
    return this.settings.redis.url;
  }

  /** The database number of {@link redisUrl} (0 when the URL names none). */
  get db(): number {
    const target = this.core.parseRedisTarget(this.redisUrl);
    if (target.kind === 'cluster') return 0; // a cluster has database 0 only
    if (target.kind === 'sentinel') return target.db;
    const path = new URL(this.redisUrl).pathname.replace(/^\//, '');
    return path ? Number(path) : 0;
  }

  /** Base URL of the gateway's HTTP API (no trailing slash). */
  get gatewayUrl(): string {
    return (this.options.gatewayUrl ?? this.env.MAS_GATEWAY_URL ?? DEFAULT_GATEWAY_URL).replace(/\/+$/, '');
  }

  /** Client of the gateway's HTTP API (key: `--api-key`, MAS_GATEWAY_API_KEY or GATEWAY_HTTP__API_KEY). */
  gateway(): GatewayApi {
    const apiKey = this.options.apiKey ?? this.env.MAS_GATEWAY_API_KEY ?? this.env.GATEWAY_HTTP__API_KEY;
    return new GatewayApi(this.gatewayUrl, apiKey || undefined);
  }

  /** Base URL of the registry's HTTP API (no trailing slash), when `--registry-url` or MAS_REGISTRY_URL names one. */
  get registryUrl(): string | undefined {
    const url = this.options.registryUrl ?? this.env.MAS_REGISTRY_URL;
    return url ? url.replace(/\/+$/, '') : undefined;
  }

  /** Client of the registry's HTTP API, or undefined when none is configured (agent views then come from Redis). */
  registry(): RegistryApi | undefined {
    const url = this.registryUrl;
    return url ? new RegistryApi(url) : undefined;
  }

  /**
   * The connection, connected. One-shot commands give up quickly when Redis does not answer;
   * `longLived` ones (watch) keep reconnecting.
   * @throws CliError (exit 1) when Redis cannot be reached.
   */
  async redis(longLived = false): Promise<MasConnection> {
    if (this.connection) return this.connection;
    const redis: RedisOptions = {
      connectTimeout: CONNECT_TIMEOUT_MS,
      ...(longLived ? {} : { maxRetriesPerRequest: 1, retryStrategy: (times: number) => (times > 2 ? null : 200) }),
    };
    const connection = new this.core.MasConnection({ redisUrl: this.redisUrl, namespace: this.settings.namespace || undefined, redis });
    this.connection = connection;
    let lastError = '';
    connection.command.on('error', (error: Error) => (lastError = error.message));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CliTimeoutError(`Redis at ${maskRedisUrl(this.redisUrl)} did not answer within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS + 1_000);
    });
    try {
      await Promise.race([connection.ready(), deadline]);
    } catch (error) {
      if (error instanceof CliError) throw error;
      const cause = lastError || (error as Error).message;
      throw new CliError(`cannot reach Redis at ${maskRedisUrl(this.redisUrl)}: ${cause}`, ExitCode.ERROR, 'REDIS_UNREACHABLE');
    } finally {
      clearTimeout(timer);
    }
    return connection;
  }

  /** Closes what the command opened. */
  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close().catch(() => undefined);
  }
}
