import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MasKeys } from '@mas/core';
import type Redis from 'ioredis';
import { Probes } from './support/e2e-helpers';
import { NodeRun, runNode } from './support/node-process';
import { PrivateRedis, startPrivateRedis } from './support/private-redis';

// examples/tracing's built JS (`npm test` builds first), run as `npm run example:tracing` runs it,
// with REDIS_URL on a redis-server of this spec's own (db 1 of the shared one without redis-server).
const IDS = ['tracing-billing', 'tracing-warehouse', 'tracing-shop'];
const ENTRY = 'dist/examples/tracing/main.js';
let server: PrivateRedis;
let redis: Redis;
let result: NodeRun;
const probes = new Probes();

beforeAll(async () => {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run build first`);
  server = await startPrivateRedis(1);
  redis = probes.client(server.url);
  await redis.del(...IDS.flatMap((id) => [MasKeys.agent(id), MasKeys.heartbeat(id)]));
  result = await runNode(ENTRY, [], { env: { REDIS_URL: server.url } });
}, 90_000);

afterAll(async () => {
  await probes.closeAll();
  await server?.stop();
});

describe('example: tracing', () => {
  it('prints one trace from the checkout span through the warehouse to billing and back', () => {
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n').map((line) => line.trimEnd());
    expect(lines).toContain('reply: {"reserved":true,"invoice":"INV-A-1-2"}');
    const header = lines.findIndex((line) => /^trace [0-9a-f]{32}: 7 spans$/.test(line));
    expect(header, result.stdout).toBeGreaterThan(-1);
    expect(lines.slice(header + 1, header + 8)).toEqual([
      '  checkout (internal)',
      '    send stock.reserve (producer, tracing-shop)',
      '      process stock.reserve (consumer, tracing-warehouse)',
      '        send invoice.create (producer, tracing-warehouse)',
      '          process invoice.create (consumer, tracing-billing)',
      '            send invoice.create.reply (producer, tracing-billing)',
      '        send stock.reserve.reply (producer, tracing-warehouse)',
    ]);
    // The warehouse's log line names the same trace.
    expect(result.stdout).toContain(`(trace ${lines[header].slice(6, 38)})`);
  });

  it('deregisters its agents when it ends', async () => {
    const left = await Promise.all(IDS.map((id) => redis.exists(MasKeys.agent(id))));
    expect(left).toEqual([0, 0, 0]);
  });
});
