import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { Agent } from '@mas/core';
import { CapturingLogger, redisUrlFor, RunningRegistry, startRegistry } from './registry-e2e.helpers';

// The dashboard's who-talks-to-whom graph in a real browser (Debian's chromium via playwright-core).
const CHROMIUM = process.env.MAS_CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT_DIR = join(__dirname, '..', 'test-output');
const redisUrl = redisUrlFor(14);
const HEARTBEAT = { heartbeatIntervalMs: 300, heartbeatTtlMs: 1_000 };
const PAGE_MS = 8_000;

describe('dashboard graph: who talks to whom (chromium via playwright-core)', () => {
  const tag = randomBytes(3).toString('hex');
  const ids = { shop: `graph-shop-${tag}`, stock: `graph-stock-${tag}`, quiet: `graph-quiet-${tag}` };
  const logger = new CapturingLogger();
  const pageErrors: string[] = [];
  let registry: RunningRegistry;
  let browser: Browser | undefined;
  let agents: Agent[] = [];
  let traffic: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    registry = await startRegistry(redisUrl, { checkIntervalMs: 500 });
    const shop = new Agent(ids.shop, { redisUrl, logger, ...HEARTBEAT, onMessage: () => undefined });
    const stock = new Agent(ids.stock, { redisUrl, logger, ...HEARTBEAT, onMessage: () => undefined });
    const quiet = new Agent(ids.quiet, { redisUrl, logger, ...HEARTBEAT, onMessage: () => undefined });
    agents = [shop, stock, quiet];
    await Promise.all(agents.map((agent) => agent.start()));
    // shop → stock about 20 a second; stock → shop 5 a second; quiet sends nothing.
    let n = 0;
    traffic = setInterval(() => {
      n += 1;
      void shop.send(ids.stock, 'stock.reserve', { n }).catch(() => undefined);
      if (n % 4 === 0) void stock.send(ids.shop, 'stock.reserved', { n }).catch(() => undefined);
    }, 50);
  });

  afterAll(async () => {
    clearInterval(traffic);
    await browser?.close();
    await Promise.all(agents.map((agent) => agent.stop()));
    await registry?.close();
  });

  it('draws an edge between two talking agents, as thick as its rate, and none for an agent that sends nothing', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`No Chromium at ${CHROMIUM}: install Debian's "chromium" package (apt-get install -y chromium; .ci/run does), or set MAS_CHROMIUM_PATH`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && pageErrors.push(message.text())));
    expect((await page.goto(registry.baseUrl))?.status()).toBe(200);

    const edge = (from: string, to: string) => `#graph-canvas line.edge[data-from="${from}"][data-to="${to}"]`;
    const rateOf = (from: string, to: string) => page.evaluate((selector) => Number.parseFloat(document.querySelector(selector)?.getAttribute('data-rate') ?? ''), edge(from, to));
    await page.waitForFunction(
      ([forward, back]) => Number(document.querySelector(forward)?.getAttribute('data-rate')) > 5 && Number(document.querySelector(back)?.getAttribute('data-rate')) > 1,
      [edge(ids.shop, ids.stock), edge(ids.stock, ids.shop)],
      { timeout: PAGE_MS },
    );
    expect(await rateOf(ids.shop, ids.stock)).toBeGreaterThan(await rateOf(ids.stock, ids.shop));
    const width = (from: string, to: string) => page.locator(edge(from, to)).getAttribute('stroke-width').then(Number);
    expect(await width(ids.shop, ids.stock)).toBeGreaterThan(await width(ids.stock, ids.shop));
    // Both ends are nodes, linked to their detail view; an agent that sends and receives nothing is not drawn.
    expect(await page.locator(`#graph-canvas g.node[data-agent-id="${ids.shop}"] a`).getAttribute('href')).toBe(`#/agent/${encodeURIComponent(ids.shop)}`);
    await expect.poll(() => page.locator(`#graph-canvas g.node[data-agent-id="${ids.stock}"]`).count()).toBe(1);
    expect(await page.locator(`#graph-canvas [data-from="${ids.quiet}"], #graph-canvas [data-to="${ids.quiet}"]`).count()).toBe(0);
    expect(await page.locator(`#graph-canvas g.node[data-agent-id="${ids.quiet}"]`).count()).toBe(0);
    expect(await page.locator('#graph-canvas .edge-label').first().textContent()).toMatch(/\/s$/);
    await page.locator('#graph').screenshot({ path: join(OUTPUT_DIR, 'dashboard-graph.png') });
    expect(pageErrors).toEqual([]);
  });
});
