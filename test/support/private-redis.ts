import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pingRedis } from '../../scripts/redis-helper.mjs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { AgentTracker, Probes, QuietLogger, redisUrlFor, waitFor } from './e2e-helpers';

/** True when `redis-server` can be started here. */
export const hasRedisServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

export interface RedisServerOptions {
  /** AOF with `appendfsync always`, so a restart (even after SIGKILL) finds every acknowledged write. Default: no persistence. */
  appendOnly?: boolean;
  /** More `redis-server` arguments (e.g. `--notify-keyspace-events Kh`). */
  args?: string[];
  /** How long `start()` waits for the server to answer PING. */
  startTimeoutMs?: number;
  /** Timeout of each PING while waiting. */
  pingTimeoutMs?: number;
}

/**
 * A throw-away `redis-server` of a spec's own on a free loopback port (chosen at the first start and
 * kept), with its own data directory: it can be killed (as a crash) and started again on the same
 * port and, with `appendOnly`, the same data.
 */
export class RedisServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'mas-private-redis-'));
  port = 0;
  private child?: ChildProcess;

  constructor(private readonly options: RedisServerOptions = {}) {}

  /** URL of the server, without a database number. */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** URL of database `db` of the server. */
  urlFor(db: number): string {
    return `${this.url}/${db}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const { appendOnly = false, args = [], startTimeoutMs = 10_000, pingTimeoutMs = 500 } = this.options;
    this.port ||= await freePort();
    const persistence = appendOnly ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', this.dir, ...args],
      { stdio: 'ignore' },
    );
    await waitFor(() => pingRedis('127.0.0.1', this.port, pingTimeoutMs), startTimeoutMs, `redis-server on port ${this.port}`);
  }

  /** Kills the server as a crash would (SIGKILL) or stops it (SIGTERM), and waits for its exit. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  /** Freezes the server (SIGSTOP): connections stay open and nothing answers, as with a hung host. */
  pause(): void {
    if (this.running) this.child!.kill('SIGSTOP');
  }

  /** Lets a paused server go on (SIGCONT). */
  resume(): void {
    if (this.running) this.child!.kill('SIGCONT');
  }

  /** Stops the server (`signal`, SIGTERM by default) and removes its data directory. */
  async dispose(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.kill(signal);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A Redis of a spec's own: its URL (database 0) and how to stop it. */
export interface PrivateRedis {
  url: string;
  /** URL of another database of the same server. */
  urlFor(db: number): string;
  stop(): Promise<void>;
}

/**
 * Starts a throw-away `redis-server` (no persistence) on a free port, with `args` added (e.g.
 * `--notify-keyspace-events Kh`), so a spec neither sees nor disturbs the keys, pub/sub traffic and
 * load of the others. Without a `redis-server` binary, falls back to database `fallbackDb` of the
 * shared test Redis.
 */
export async function startPrivateRedis(fallbackDb: number, args: string[] = []): Promise<PrivateRedis> {
  if (!hasRedisServer) {
    return { url: redisUrlFor(fallbackDb), urlFor: () => redisUrlFor(fallbackDb), stop: async () => undefined };
  }
  const server = new RedisServer({ args, pingTimeoutMs: 200 });
  await server.start();
  return {
    url: server.urlFor(0),
    urlFor: (db) => server.urlFor(db),
    stop: () => server.dispose('SIGKILL'),
  };
}

/** What {@link privateSuite} gives a spec file: its own Redis and the trackers it cleans up. */
export interface PrivateSuite {
  /** URL of the suite's Redis (set once `beforeAll` ran). */
  readonly redisUrl: string;
  readonly agents: AgentTracker;
  readonly probes: Probes;
  readonly logger: QuietLogger;
}

/**
 * Registers the hooks of a spec file that runs on a redis-server of its own: started before all
 * tests, agents stopped after each, probes closed and the server stopped after all.
 */
export function privateSuite(fallbackDb: number, args: string[] = []): PrivateSuite {
  let redis: PrivateRedis | undefined;
  const suite = { agents: new AgentTracker(), probes: new Probes(), logger: new QuietLogger() };
  beforeAll(async () => {
    redis = await startPrivateRedis(fallbackDb, args);
  });
  afterEach(() => suite.agents.stopAll());
  afterAll(async () => {
    await suite.probes.closeAll();
    await redis?.stop();
  });
  return {
    ...suite,
    get redisUrl() {
      if (!redis) throw new Error('privateSuite: the Redis starts in beforeAll');
      return redis.url;
    },
  };
}
