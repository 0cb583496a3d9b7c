// Finds a Redis at REDIS_URL, or starts a throw-away redis-server when none answers.
// Plain Node (no dependencies) so that it runs before `npm install` too.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEFAULT_URL = 'redis://127.0.0.1:6379';

/** Resolves true when a Redis answers PING at host:port. */
export function pingRedis(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.createConnection({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

function hasRedisServer() {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure a Redis answers. Returns { url, started, stop() }. When nothing answers at the URL
 * and redis-server is on PATH, starts one on that port (no persistence) and stops it in stop().
 */
export async function ensureRedis({ url = process.env.REDIS_URL ?? DEFAULT_URL, log = console.log } = {}) {
  const parsed = new URL(url);
  const host = parsed.hostname || '127.0.0.1';
  const port = Number(parsed.port || 6379);
  if (await pingRedis(host, port)) return { url, started: false, stop: async () => {} };
  if (!hasRedisServer()) {
    throw new Error(
      `No Redis answers at ${url} and redis-server is not installed.\n` +
        '  Start one with:   docker compose --profile dev up -d redis-dev\n' +
        '  or install it:    apt-get install redis-server   (then run this again)',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'mas-redis-'));
  log(`No Redis answered at ${url}: starting a throw-away redis-server on port ${port} (no persistence).`);
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', host, '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore', detached: false },
  );
  for (let i = 0; i < 100; i += 1) {
    if (await pingRedis(host, port, 200)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!(await pingRedis(host, port))) throw new Error(`redis-server did not come up on port ${port}`);
  return {
    url,
    started: true,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
