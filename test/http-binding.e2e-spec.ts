import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode } from './support/node-process';
import { freePort, hasRedisServer, PrivateRedis, startPrivateRedis } from './support/private-redis';
import { registryServiceUrl } from './registry-e2e.helpers';

// The built apps (`npm test` builds first) started as an operator would, with PORT and REDIS_URL only.
let redis: PrivateRedis;
const dir = mkdtempSync(join(tmpdir(), 'mas-http-binding-'));

/** An address of this machine other than loopback, if it has one. */
const external = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

async function reachable(host: string, port: number): Promise<boolean> {
  return fetch(`http://${host}:${port}/health`, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  redis = await startPrivateRedis(12);
});

afterAll(async () => {
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTTP binding', () => {
  it('the registry listens on 127.0.0.1 by default and logs that address; the gateway honours PORT and REDIS_URL', async () => {
    const [registryPort, gatewayPort] = [await freePort(), await freePort()];
    const env = { REDIS_URL: redis.url, MAS_CONFIG: undefined, MAS_REDIS__URL: undefined, GATEWAY_CONFIG: undefined };
    // The registry as its service user (the fallback shared Redis keeps the default user).
    const registryRedisUrl = hasRedisServer ? await registryServiceUrl(redis.url) : redis.url;
    const registry = startNode('dist/apps/registry/main.js', [], { env: { ...env, REDIS_URL: registryRedisUrl, PORT: String(registryPort) } });
    const gateway = startNode('dist/apps/gateway/src/main.js', [], { env: { ...env, PORT: String(gatewayPort), GATEWAY_SECRETS__DIR: dir } });
    try {
      await Promise.all([
        registry.waitFor(new RegExp(`Registry HTTP API on http://127\\.0\\.0\\.1:${registryPort}`), 'stdout', 40_000),
        gateway.waitFor(new RegExp(`HTTP API on http://127\\.0\\.0\\.1:${gatewayPort}`), 'stdout', 40_000),
      ]);
      expect(await reachable('127.0.0.1', registryPort)).toBe(true);
      expect(await reachable('127.0.0.1', gatewayPort)).toBe(true);
      if (external) expect(await reachable(external, registryPort)).toBe(false);
    } finally {
      registry.child.kill('SIGTERM');
      gateway.child.kill('SIGTERM');
      await Promise.all([registry.exited, gateway.exited]);
    }
  }, 60_000);
});
