import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MasKeys } from '@mas/core';
import type Redis from 'ioredis';
import { Probes } from './support/e2e-helpers';
import { createLimiter, NodeRun, runNode } from './support/node-process';
import { PrivateRedis, startPrivateRedis } from './support/private-redis';

// Each example's built JS (`npm test` builds first), run as `npm run example:<name>` runs it, with
// REDIS_URL on a redis-server of this spec's own (db 0 of the shared one without redis-server).
// All run in beforeAll, two at a time; the tests check what each printed.
let server: PrivateRedis;
let redis: Redis;
const probes = new Probes();
const limit = createLimiter(2);

const EXAMPLES: Record<string, string[]> = {
  standalone: ['standalone-listener', 'standalone-greeter'],
  'nest-request-reply': ['shop-orders', 'shop-inventory'],
  'discovery-fanout': ['nlp-sentiment', 'nlp-keywords', 'nlp-stats', 'fanout-calculator', 'fanout-coordinator'],
  'gateway-dlp': ['gw-example-billing', 'gw-example-clinic'],
};
const everyId = Object.values(EXAMPLES).flat();

const results = new Map<string, NodeRun>();

beforeAll(async () => {
  server = await startPrivateRedis(0);
  redis = probes.client(server.url);
  for (const name of Object.keys(EXAMPLES)) {
    if (!existsSync(`dist/examples/${name}/main.js`)) throw new Error(`dist/examples/${name} is missing: run npm run build first`);
  }
  // A run killed mid-way leaves heartbeats behind for a minute; clear those of the examples' ids.
  await redis.del(...everyId.flatMap((id) => [MasKeys.agent(id), MasKeys.heartbeat(id)]));
  await Promise.all(
    Object.keys(EXAMPLES).map((name) =>
      limit(async () => results.set(name, await runNode(`dist/examples/${name}/main.js`, [], { env: { REDIS_URL: server.url } }))),
    ),
  );
}, 90_000);

afterAll(async () => {
  await probes.closeAll();
  await server.stop();
});

describe('examples', { timeout: 60_000 }, () => {
  it('standalone: three lines start an agent and send a greeting that arrives', async () => {
    const result = results.get('standalone')!;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('standalone-listener received "greeting.message" from standalone-greeter: {"hello":"world"}');
  });

  it('nest-request-reply: typed replies, a ValidationPipe rejecting a bad DTO, a guard rejecting a caller', async () => {
    const result = results.get('nest-request-reply')!;
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').map((line) => line.trim());
    expect(lines).toContainEqual(expect.stringMatching(/^shop-orders → customer: \{"orderId":"\w+","customer":"ada","sku":"MUG-001","quantity":2,"status":"confirmed"\}$/));
    expect(lines).toContainEqual(expect.stringMatching(/^shop-orders → customer: \{.*"customer":"bob".*"status":"out-of-stock"\}$/));
    expect(lines).toContain('shop-orders → customer: rejected, BadRequestException: sku must look like ABC-123; quantity must not be less than 1');
    expect(lines).toContain('shop-inventory → customer: rejected, ForbiddenException: shop-customer may not call the inventory');
  });

  it('discovery-fanout: the coordinator finds the three nlp agents (not the others) and gathers every reply', async () => {
    const result = results.get('discovery-fanout')!;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('coordinator: discovered 3 nlp agent(s): nlp-keywords, nlp-sentiment, nlp-stats');
    expect(result.stdout).toContain('nlp-sentiment → coordinator: {"skill":"sentiment","sentiment":"positive","score":2}');
    expect(result.stdout).toContain('nlp-keywords → coordinator: {"skill":"keywords","keywords":["great","docs","fast"]}');
    expect(result.stdout).toContain('nlp-stats → coordinator: {"skill":"stats","words":15,"characters":84}');
    expect(result.stdout).toMatch(/coordinator: gathered 3\/3 replies in \d+ ms/);
    expect(result.stdout).not.toContain('fanout-calculator →');
  });

  it('gateway-dlp: a delivery, a DLP block, an SSN redacted in transit, and the audit trail of all three', async () => {
    const result = results.get('gateway-dlp')!;
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').map((line) => line.trim());
    expect(lines).toContain('clinic → billing: invoice.create … ALLOWED');
    expect(lines).toContain('clinic → billing: invoice.pay with a card number … DLP_BLOCKED (DLP blocked: the payload carries credit_card)');
    // the gateway delivers the envelope in canonical form (keys sorted at every level: what its signature covers)
    expect(lines).toContain('billing received invoice.create: {"amount":120,"patient":"P-1"}');
    expect(lines).toContain('billing received patient.update: {"note":"new address","ssn":"XXX-XX-6789"}');
    expect(lines).toContain('audit query (sender=gw-example-clinic): 3 entries');
    expect(lines).toContainEqual(expect.stringMatching(/^DLP_BLOCKED\s+invoice\.pay\s+→ gw-example-billing\s+\[dlp:credit_card\]$/));
    expect(result.stdout).not.toContain('4111');
  });

  it('every example deregisters its agents when it ends', async () => {
    const left = await Promise.all(everyId.map((id) => redis.exists(MasKeys.agent(id))));
    expect(left.every((n) => n === 0)).toBe(true);
  });
});
