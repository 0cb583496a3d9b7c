import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pingRedis } from '../../scripts/redis-helper.mjs';
import { redisUrlFor, waitFor } from './e2e-helpers';

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
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'mas-private-redis-'));
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...args],
    { stdio: 'ignore' },
  );
  await waitFor(() => pingRedis('127.0.0.1', port, 200), 10_000, `redis-server on port ${port}`);
  const base = `redis://127.0.0.1:${port}`;
  return {
    url: `${base}/0`,
    urlFor: (db) => `${base}/${db}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
