import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { rawClient, registryServiceUrl, RunningRegistry, startRegistry, waitFor } from './registry-e2e.helpers';
import { RedisServer } from './support/private-redis';

// The operator sees it when Redis came back without its data (issue: no silent loss, point 2): the
// registry's /health details, its /metrics and the dashboard say so.
const CHROMIUM = process.env.MAS_CHROMIUM_PATH ?? '/usr/bin/chromium';
// No persistence of data, but ACL users kept in an ACL file (what the README advises): the registry
// runs as its service user and that user is still there when the server comes back empty.
const aclDir = mkdtempSync(join(tmpdir(), 'mas-registry-reset-acl-'));
const aclFile = join(aclDir, 'users.acl');
writeFileSync(aclFile, '');
const server = new RedisServer({ args: ['--aclfile', aclFile] });
let registry: RunningRegistry | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  await registry?.close();
  await server.dispose('SIGKILL');
  rmSync(aclDir, { recursive: true, force: true });
});

async function redisHealth(): Promise<{ status: string; resets: number; lastResetAt: string | null }> {
  const body = (await (await registry!.get('/health')).json()) as { details: Record<string, any> };
  return body.details.redis;
}

describe('Redis back without its data, seen from the registry', () => {
  it('shows the reset in /health, /metrics and on the dashboard', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's "chromium" package (.ci/run does)`);
    await server.start();
    const registryUrl = await registryServiceUrl(server.urlFor(0));
    const admin = rawClient(server.urlFor(0));
    await admin.call('ACL', 'SAVE');
    admin.disconnect();
    registry = await startRegistry(registryUrl, { checkIntervalMs: 500 });
    expect(await redisHealth()).toMatchObject({ status: 'up', resets: 0, lastResetAt: null });

    await server.kill();
    await server.start();

    const health = await waitFor(async () => {
      const redis = await redisHealth().catch(() => undefined);
      return redis?.resets === 1 ? redis : undefined;
    }, 15_000, 'the reset in /health');
    expect(health.status).toBe('up');
    expect(Date.parse(health.lastResetAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(await registry.metric('mas_registry_redis_incidents_total', { kind: 'reset' })).toBe(1);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage();
    await page.goto(registry.baseUrl);
    const banner = page.locator('#redis-incidents');
    await banner.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await banner.innerText()).toMatch(/Redis came back without its data once/);
  }, 60_000);
});
