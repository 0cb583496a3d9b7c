import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Agent, MasConnection, MasKeys } from '@mas/core';
import { CapturingLogger, rawClient, registryRedis, RunningRegistry, startRegistry, waitFor } from './registry-e2e.helpers';

// The dashboard in a real browser: Debian's chromium driven by playwright-core (.ci/run installs it).
const CHROMIUM = process.env.MAS_CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT_DIR = join(__dirname, '..', 'test-output');
// The registry runs as its service user on a redis-server of this file's own.
const server = await registryRedis(15);
const redisUrl = server.url;
const HEARTBEAT = { heartbeatIntervalMs: 300, heartbeatTtlMs: 1_000 };
const CHECK_MS = 500;
/** Time for a change in Redis to reach the page: a snapshot per second, plus rendering. */
const PAGE_MS = 5_000;

describe('dashboard (chromium via playwright-core)', () => {
  const tag = randomBytes(3).toString('hex');
  const cap = { shop: `shop-${tag}`, stock: `stock-${tag}`, pricing: `pricing-${tag}` };
  const ids = { orders: `dash-orders-${tag}`, inventory: `dash-inventory-${tag}`, pricing: `dash-pricing-${tag}` };
  const quiet = new CapturingLogger();
  const pageErrors: string[] = [];
  let registry: RunningRegistry;
  let redis: Redis;
  let browser: Browser;
  let page: Page;
  let orders: Agent;
  let inventory: Agent;
  let pricing: Agent;
  /** The pricing agent's own connection: cutting it is what Redis sees of a crashed process. */
  let pricingConnection: MasConnection;
  let traffic: NodeJS.Timeout | undefined;
  const streamEntries: Array<[key: string, id: string]> = [];

  const row = (id: string) => `#agents tbody tr[data-agent-id="${id}"]`;
  const cellNumber = (id: string, cell: string) =>
    page.evaluate(([selector]) => Number.parseFloat(document.querySelector(selector)?.textContent ?? ''), [`${row(id)} td.${cell}`]);

  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    registry = await startRegistry(server.registryUrl, { checkIntervalMs: CHECK_MS });
    redis = rawClient(redisUrl);
    orders = new Agent(ids.orders, { capabilities: [cap.shop], metadata: { team: 'checkout' }, redisUrl, logger: quiet, ...HEARTBEAT, onMessage: () => undefined });
    inventory = new Agent(ids.inventory, {
      capabilities: [cap.shop, cap.stock],
      redisUrl,
      logger: quiet,
      ...HEARTBEAT,
      onMessage: (message) => void inventory.send(message.senderId, 'stock.reserved', { ok: true }).catch(() => undefined),
    });
    pricingConnection = new MasConnection({ redisUrl });
    pricing = new Agent(ids.pricing, { capabilities: [cap.stock, cap.pricing], connection: pricingConnection, logger: quiet, ...HEARTBEAT, onMessage: () => undefined });
    await Promise.all([orders.start(), inventory.start(), pricing.start()]);
    // Steady traffic: orders → inventory about 20 a second (each answered), pricing → inventory 5 a second.
    let n = 0;
    traffic = setInterval(() => {
      n += 1;
      void orders.send(ids.inventory, 'stock.reserve', { n }).catch(() => undefined);
      if (n % 4 === 0 && pricing.isRunning) void pricing.send(ids.inventory, 'price.changed', { n }).catch(() => undefined);
    }, 50);
  });

  afterAll(async () => {
    clearInterval(traffic);
    await browser?.close();
    for (const [key, id] of streamEntries) await redis?.xdel(key, id);
    // Leave no empty stream behind (unless someone else appended meanwhile).
    for (const key of [MasKeys.audit, MasKeys.deadLetters]) await redis?.eval("if redis.call('XLEN', KEYS[1]) == 0 then return redis.call('DEL', KEYS[1]) end return 0", 1, key);
    await orders?.stop();
    await inventory?.stop();
    if (pricingConnection?.command.status !== 'ready') await pricingConnection?.command.connect().catch(() => undefined);
    await Promise.race([pricing?.stop(), new Promise((resolve) => setTimeout(resolve, 3_000))]);
    await pricingConnection?.close();
    await registry?.close();
    redis?.disconnect();
  });

  it('shows the agents live, filters by capability, opens a detail view and follows a crash and a clean stop', async () => {
    // A missing browser fails this test (counted as failed, not skipped), saying what to install.
    if (!existsSync(CHROMIUM)) {
      throw new Error(`No Chromium at ${CHROMIUM}: install Debian's "chromium" package (apt-get install -y chromium; .ci/run does), or set MAS_CHROMIUM_PATH`);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && pageErrors.push(message.text())));
    const started = Date.now();
    const step = (what: string) => console.log(`[dashboard] ${what} after ${Date.now() - started} ms`);
    const response = await page.goto(registry.baseUrl);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('MAS dashboard');

    // Every agent appears, ACTIVE, with its capabilities.
    for (const id of Object.values(ids)) await page.locator(row(id)).waitFor({ timeout: PAGE_MS });
    step('three agents shown');
    expect(await page.getAttribute(row(ids.inventory), 'data-status')).toBe('ACTIVE');
    expect(await page.locator(`${row(ids.inventory)} td.chips .chip`).allTextContents()).toEqual([cap.shop, cap.stock]);
    expect(await page.locator('#connection').getAttribute('data-state')).toBe('live');

    // Message rates from the counters the agents publish with their heartbeats.
    await page.waitForFunction(
      ([inbound, outbound]) => {
        const value = (selector: string) => Number.parseFloat(document.querySelector(selector)?.textContent ?? '');
        return value(inbound) > 5 && value(outbound) > 5;
      },
      [`${row(ids.inventory)} td.rate-in`, `${row(ids.orders)} td.rate-out`],
      { timeout: PAGE_MS },
    );
    step('non-zero message rates shown');
    expect(await cellNumber(ids.inventory, 'rate-in')).toBeGreaterThan(5);
    expect(await cellNumber(ids.inventory, 'rate-out')).toBeGreaterThan(5);
    expect(await cellNumber(ids.orders, 'heartbeat')).toBeLessThan(1.5);

    // Filter by capability: only the agents having it stay.
    await page.click(`#capabilities button[data-capability="${cap.pricing}"]`);
    await page.locator(row(ids.orders)).waitFor({ state: 'detached', timeout: 2_000 });
    expect(await page.locator('#agents tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.agentId))).toEqual([ids.pricing]);
    await page.click(`#capabilities button[data-capability="${cap.pricing}"]`);
    await page.click(`#capabilities button[data-capability="${cap.stock}"]`);
    await page.locator(row(ids.inventory)).waitFor({ timeout: 2_000 });
    expect(await page.locator(row(ids.orders)).count()).toBe(0);
    expect(await page.locator(row(ids.pricing)).count()).toBe(1);
    await page.click(`#capabilities button[data-capability="${cap.stock}"]`);
    await page.locator(row(ids.orders)).waitFor({ timeout: 2_000 });
    step('capability filter checked');

    // The detail view of one agent.
    await page.click(`${row(ids.orders)} a.agent-link`);
    await page.locator('#detail-view .detail').waitFor({ timeout: 2_000 });
    expect(new URL(page.url()).hash).toBe(`#/agent/${ids.orders}`);
    expect(await page.locator('#agents-view').isHidden()).toBe(true);
    const detail = await page.locator('#detail-view').innerText();
    expect(detail).toContain(ids.orders);
    expect(detail).toContain(cap.shop);
    expect(detail).toContain('"team": "checkout"');
    expect(await page.locator('#detail-view .detail-status').innerText()).toContain('ACTIVE');
    expect(await page.locator('#detail-view .detail-rates').innerText()).toMatch(/^\d+(\.\d+)? \/ \d+(\.\d+)?$/);
    await page.locator('#detail-view svg.sparkline polyline').first().waitFor({ state: 'attached' });
    await page.screenshot({ path: join(OUTPUT_DIR, 'dashboard-detail.png') });
    await page.click('#detail-view a.back');
    await page.locator(row(ids.orders)).waitFor({ timeout: 2_000 });
    step('detail view checked');

    // The gateway panel, from the gateway's streams: decisions per second by type, audit tail, DLQ.
    const sender = `dash-gw-sender-${tag}`;
    const now = Date.now();
    for (const decision of ['ALLOWED', 'ALLOWED', 'DLP_BLOCKED']) {
      const id = await redis.xadd(MasKeys.audit, '*', 'ts', String(now), 'stage', 'ingress', 'decision', decision, 'reason', decision === 'ALLOWED' ? 'delivered' : 'ssn in payload', 'sender_id', sender, 'target_id', ids.inventory, 'message_type', 'stock.reserve');
      streamEntries.push([MasKeys.audit, id!]);
    }
    const dlqId = await redis.xadd(MasKeys.deadLetters, '*', 'envelope', '{}', 'agent_id', `dash-gone-${tag}`, 'sender_id', sender, 'reason', 'target_gone: no such agent', 'attempts', '1', 'failed_at', String(now / 1000), 'source', 'mas.gateway');
    streamEntries.push([MasKeys.deadLetters, dlqId!]);
    await page.locator('#gateway [data-decision="DLP_BLOCKED"]').waitFor({ timeout: PAGE_MS });
    expect(await page.locator('#gateway').isVisible()).toBe(true);
    expect(await page.locator('#gateway [data-decision="ALLOWED"]').innerText()).toMatch(/ALLOWED\s+0\.\d\d\/s/);
    expect(await page.locator('#audit tbody').innerText()).toContain(`${sender} → ${ids.inventory}`);
    expect(await page.locator('#dlq tbody').innerText()).toContain(`dash-gone-${tag}`);
    step('gateway panel shown');

    // A crash: the pricing agent's connection is cut, its heartbeat lapses, the page shows it INACTIVE.
    pricingConnection.command.disconnect();
    pricingConnection.subscriber.disconnect();
    const crashedAt = Date.now();
    await page.locator(`${row(ids.pricing)}[data-status="INACTIVE"]`).waitFor({ timeout: HEARTBEAT.heartbeatTtlMs + CHECK_MS + PAGE_MS });
    step(`crash shown as INACTIVE ${Date.now() - crashedAt} ms after the connection was cut`);
    expect(await page.locator(`${row(ids.pricing)} td.heartbeat`).innerText()).toBe('expired');
    expect(await page.locator(`${row(ids.pricing)} td.rate-in`).innerText()).toBe('—');

    await page.fill('#search', tag);
    await page.waitForFunction(() => document.querySelectorAll('#agents tbody tr').length === 3);
    await page.screenshot({ path: join(OUTPUT_DIR, 'dashboard.png'), fullPage: true });

    // A clean stop: DEREGISTER removes the registration and the agent leaves the page.
    await inventory.stop();
    const stoppedAt = Date.now();
    await page.locator(row(ids.inventory)).waitFor({ state: 'detached', timeout: PAGE_MS });
    step(`clean stop shown ${Date.now() - stoppedAt} ms after stop()`);
    expect(await page.locator('#summary').innerText()).toMatch(/\d+ agents/);
    await page.screenshot({ path: join(OUTPUT_DIR, 'dashboard-after-stop.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
  }, 60_000); // about 10 s alone; the margin is for a machine busy with the rest of the suite
});
