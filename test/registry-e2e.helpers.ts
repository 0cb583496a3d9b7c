import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll } from 'vitest';
import Redis from 'ioredis';
import { MasConnection, MasKeys, Provisioner, sleep } from '@mas/core';
import { configureRegistryApp } from '../apps/registry/src/registry-app.setup';
import { RegistryModule } from '../apps/registry/src/registry.module';
import { hasRedisServer, startPrivateRedis } from './support/private-redis';

/** Base URL of the test Redis (global setup exports REDIS_URL), without a database number. */
const BASE_URL = (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d*$/, '');

/** URL of database `db` of the test Redis (each registry spec file has its own). */
export function redisUrlFor(db: number): string {
  return `${BASE_URL}/${db}`;
}

/** Resolves after `ms` (real time). */
export { sleep };

/** A unique agent id (pub/sub, and so `mas.system`, is shared by every database). */
export function uniqueId(label: string): string {
  return `registry-${label}-${randomBytes(4).toString('hex')}`;
}

/** Polls `check` every 20 ms until it returns a truthy value; throws after `timeoutMs`. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** Keeps every log line (message and context), prints nothing. */
export class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private keep(level: string, message: unknown, rest: unknown[]): void {
    this.lines.push(`${level} [${String(rest[rest.length - 1] ?? '')}] ${String(message)}`);
  }
  log(message: unknown, ...rest: unknown[]): void {
    this.keep('log', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.keep('warn', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.keep('error', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.keep('debug', message, rest);
  }
  verbose(): void {}
}

/** A registry app listening on a free port. */
export interface RunningRegistry {
  app: INestApplication;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  logger: CapturingLogger;
  get(path: string): Promise<Response>;
  /** Value of a counter / gauge sample in `/metrics` (summing every label set when `labels` is omitted). */
  metric(name: string, labels?: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

/** Starts the registry app the way `main.ts` does, with `monitor` and other settings overrides and a capturing logger. */
export async function startRegistry(redisUrl: string, monitor: Record<string, unknown> = {}, settings: Record<string, unknown> = {}): Promise<RunningRegistry> {
  const logger = new CapturingLogger();
  const moduleRef = await Test.createTestingModule({
    imports: [RegistryModule.forRoot({ env: {}, overrides: { ...settings, redis: { url: redisUrl }, http: { port: 0 }, monitor } })],
  })
    .setLogger(logger)
    .compile();
  const app = configureRegistryApp(moduleRef.createNestApplication({ logger }));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const get = (path: string) => fetch(`${baseUrl}${path}`);
  return {
    app,
    baseUrl,
    logger,
    get,
    async metric(name, labels) {
      return metricValue(await (await get('/metrics')).text(), name, labels);
    },
    close: () => app.close(),
  };
}

/** A Redis of a registry spec's own (see {@link registryRedis}). */
export interface RegistryRedis {
  /** The administrative (default) user: the spec's agents, probes and Python-style writes. */
  url: string;
  /** The registry's least-privilege service user (`serviceAclRules('registry')`), on the same database. */
  registryUrl: string;
}

/**
 * Starts a redis-server of the spec file's own set up as an operator sets one up for a registry
 * running as its service user: the `mas-registry` ACL user provisioned, and keyspace notifications
 * for expiries on (`--notify-keyspace-events Ex`: that user may not run CONFIG). Stopped after all
 * tests of the file. Without a `redis-server` binary: database `fallbackDb` of the shared test
 * Redis, where ACL users would disturb other spec processes, so the registry keeps the default user.
 */
export async function registryRedis(fallbackDb: number): Promise<RegistryRedis> {
  const redis = await startPrivateRedis(fallbackDb, ['--notify-keyspace-events', 'Ex']);
  afterAll(async () => {
    if (process.env.ZT_ACL_LOG) {
      const admin = rawClient(redis.url);
      console.log(`ACL LOG (${redis.url}): ${JSON.stringify(await admin.call('ACL', 'LOG', '50'))}`);
      admin.disconnect();
    }
    await redis.stop();
  });
  return { url: redis.url, registryUrl: hasRedisServer ? await registryServiceUrl(redis.url) : redis.url };
}

/**
 * Provisions the registry's service user on the server of `adminUrl` (an administrative URL of a
 * private redis-server) and returns its URL on the same database.
 */
export async function registryServiceUrl(adminUrl: string): Promise<string> {
  const admin = new MasConnection({ redisUrl: adminUrl, clientName: 'registry-harness-admin' });
  try {
    return (await new Provisioner(admin).provisionService('registry')).redisUrl;
  } finally {
    await admin.close();
  }
}

/** What `useRegistry` gives a spec. */
export interface RegistrySuite {
  /** The registry app; its fields are set by the beforeAll hook. */
  registry: RunningRegistry;
  /** A raw client on `redisUrl`. */
  redis: Redis;
  /** A logger for the spec's own agents. */
  quiet: CapturingLogger;
}

/**
 * Call in a `describe` body: a registry app on `server` as its service user with `monitor`
 * settings, started before all tests (before the spec's own beforeAll hooks) and a raw
 * administrative client; after all tests (after the spec's own afterAll hooks) the app is closed and
 * the client disconnected.
 */
export function useRegistry(server: RegistryRedis, monitor: Record<string, unknown> = {}): RegistrySuite {
  const registry = {} as RunningRegistry;
  const redis = rawClient(server.url);
  beforeAll(async () => {
    Object.assign(registry, await startRegistry(server.registryUrl, monitor));
  });
  afterAll(async () => {
    await registry.close?.();
    redis.disconnect();
  });
  return { registry, redis, quiet: new CapturingLogger() };
}

/** Reads one sample (or the sum of a metric's samples) from Prometheus text. */
export function metricValue(text: string, name: string, labels?: Record<string, string>): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const wanted = Object.entries(labels ?? {}).every(([key, value]) => (match[2] ?? '').includes(`${key}="${value}"`));
    if (wanted) sum += Number(match[3]);
  }
  return sum;
}

/** A raw client, for what an outside observer (or a Python agent) does. */
export function rawClient(url: string): Redis {
  const client = new Redis(url, { connectionName: 'mas-e2e-probe' });
  client.on('error', () => undefined); // e.g. a private server not up yet: commands reject instead
  return client;
}

/**
 * Registers an agent the way the Python mas-framework 0.3 does: the `agent:{id}` hash only (no
 * capability index), then its heartbeat, then REGISTER on `mas.system`.
 */
export async function registerLikePython(redis: Redis, id: string, capabilities: string[], heartbeatTtlMs = 1_500): Promise<void> {
  await redis.hset(MasKeys.agent(id), {
    id,
    capabilities: JSON.stringify(capabilities),
    metadata: JSON.stringify({ impl: 'python' }),
    status: 'ACTIVE',
    token: randomBytes(16).toString('hex'),
    registered_at: String(Date.now() / 1000),
  });
  await redis.set(MasKeys.heartbeat(id), String(Date.now() / 1000), 'PX', heartbeatTtlMs);
  await redis.publish(MasKeys.systemChannel, JSON.stringify({ type: 'REGISTER', agent_id: id, capabilities }));
}

/** Status field of an agent's hash. */
export async function statusOf(redis: Redis, id: string): Promise<string | null> {
  return redis.hget(MasKeys.agent(id), 'status');
}
