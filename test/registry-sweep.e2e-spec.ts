import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import { MasKeys } from '@mas/core';
import { rawClient, registerLikePython, RunningRegistry, sleep, startRegistry, statusOf, uniqueId, waitFor } from './registry-e2e.helpers';

const CHECK_MS = 700;
const SLACK_MS = 300;
const hasRedisServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** A private redis-server on which CONFIG is disabled, as on many managed Redis services. */
describe.skipIf(!hasRedisServer)('registry on a Redis that refuses CONFIG (sweep only)', () => {
  let server: ChildProcess;
  let dir: string;
  let url: string;
  let registry: RunningRegistry;
  let redis: Redis;

  beforeAll(async () => {
    const port = await freePort();
    dir = mkdtempSync(join(tmpdir(), 'mas-registry-noconfig-'));
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--rename-command', 'CONFIG', ''],
      { stdio: 'ignore' },
    );
    url = `redis://127.0.0.1:${port}/0`;
    redis = rawClient(url);
    await waitFor(async () => (await redis.ping().catch(() => '')) === 'PONG', 5_000, 'private redis-server');
    registry = await startRegistry(url, { checkIntervalMs: CHECK_MS });
  });

  afterAll(async () => {
    await registry?.close();
    redis?.disconnect();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('says in the log that keyspace notifications are unavailable, and reports it in /health', async () => {
    expect(registry.logger.lines.some((line) => /warn \[KeyspaceNotifications\] Cannot enable keyspace notifications .*sweep every 700 ms/.test(line))).toBe(
      true,
    );
    const health = await (await registry.get('/health')).json();
    expect(health).toMatchObject({ status: 'ok', details: { monitor: { keyspaceNotifications: 'unavailable' } } });
  });

  it('still marks an agent INACTIVE within one check interval after its TTL, by the sweep', async () => {
    const id = uniqueId('sweep');
    await registerLikePython(redis, id, [`cap-${id}`], 1_000);
    await waitFor(async () => redis.sismember(MasKeys.allAgents, id), 2_000, 'indexed');
    const expiresAt = Date.now() + (await redis.pttl(MasKeys.heartbeat(id)));
    await waitFor(async () => (await statusOf(redis, id)) === 'INACTIVE', 1_000 + CHECK_MS + 2_000, 'INACTIVE');
    const lag = Date.now() - expiresAt;
    console.log(`[registry-sweep] expiry detected by the sweep ${lag} ms after the TTL ran out (bound ${CHECK_MS} ms)`);
    expect(lag).toBeLessThanOrEqual(CHECK_MS + SLACK_MS);
    expect(await registry.metric('mas_registry_expiries_detected_total', { source: 'sweep' })).toBe(1);
    expect(await registry.metric('mas_registry_expiries_detected_total', { source: 'notification' })).toBe(0);

    await redis.set(MasKeys.heartbeat(id), String(Date.now() / 1000), 'PX', 60_000);
    await waitFor(async () => (await statusOf(redis, id)) === 'ACTIVE', CHECK_MS + SLACK_MS, 'ACTIVE again');
    await sleep(10);
  });
});
