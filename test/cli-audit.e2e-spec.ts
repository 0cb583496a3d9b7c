import { readFileSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MasKeys } from '@mas/core';
import { Probes, uniqueId } from './support/e2e-helpers';
import { createLimiter, runNode } from './support/node-process';
import { PrivateRedis, startPrivateRedis } from './support/private-redis';

// The gateway-facing commands (`mas audit ...`, `mas dlq replay --via-gateway`) against a stand-in
// of the gateway's HTTP API that answers as apps/gateway/src/http's controllers do (routes, query
// names, x-api-key, error bodies) and records what it was asked.
const CLI = 'dist/apps/cli/src/main.js';
const API_KEY = 'test-key';
let redis: PrivateRedis;
const probes = new Probes();
const limit = createLimiter(3);
const requests: Array<{ method: string; path: string; query: Record<string, string>; key?: string }> = [];
const ENTRIES = [
  { id: '1700000000000-0', seq: 1, ts: 1700000000000, stage: 'ingress', decision: 'ALLOWED', reason: 'delivered', message_id: 'm1', sender_id: 'alice', target_id: 'bob', message_type: 'task', priority: 'NORMAL', violations: [], findings: [], latency_ms: 1.5, instance: 'gw-1', prev_hash: '0'.repeat(64), hash: 'a'.repeat(64) },
  { id: '1700000001000-0', seq: 2, ts: 1700000001000, stage: 'ingress', decision: 'DLP_BLOCKED', reason: 'ssn in payload', message_id: 'm2', sender_id: 'alice', target_id: 'carol', message_type: 'task', priority: 'NORMAL', violations: ['dlp:ssn'], findings: [], latency_ms: null, instance: 'gw-1', prev_hash: 'a'.repeat(64), hash: 'b'.repeat(64) },
];
const CSV = 'id,seq,ts,decision\r\n1700000000000-0,1,1700000000000,ALLOWED\r\n1700000001000-0,2,1700000001000,DLP_BLOCKED\r\n';

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://gateway');
  requests.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), key: req.headers['x-api-key'] as string | undefined });
  const send = (status: number, body: unknown, type = 'application/json') => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  if (req.headers['x-api-key'] !== API_KEY) return send(401, { statusCode: 401, message: 'a valid x-api-key header is required', error: 'Unauthorized' });
  if (req.method === 'GET' && url.pathname === '/audit') return send(200, ENTRIES);
  if (req.method === 'GET' && url.pathname === '/audit/verify') {
    return send(200, { ok: false, checked: 2, head: `2:${'b'.repeat(64)}`, problems: [{ kind: 'edited', id: ENTRIES[1].id, seq: 2, detail: 'entry 2 does not match its hash: its content was changed' }] });
  }
  if (req.method === 'GET' && url.pathname === '/audit/export') return send(200, CSV, 'text/csv; charset=utf-8');
  const replay = /^\/dlq\/([^/]+)\/replay$/.exec(url.pathname);
  if (req.method === 'POST' && replay) return send(200, { id: decodeURIComponent(replay[1]), messageId: 'm9', target: 'dave', delivered: true });
  return send(404, { statusCode: 404, message: `Cannot ${req.method} ${url.pathname}` });
});
let gatewayUrl = '';

const mas = (args: string[], env: Record<string, string | undefined> = {}) =>
  limit(() => runNode(CLI, args, { env: { REDIS_URL: redis.url, MAS_GATEWAY_URL: gatewayUrl, MAS_GATEWAY_API_KEY: API_KEY, GATEWAY_HTTP__API_KEY: undefined, ...env } }));

beforeAll(async () => {
  redis = await startPrivateRedis(0);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await probes.closeAll();
  await redis.stop();
});

describe('mas audit and dlq replay --via-gateway (gateway HTTP API)', { timeout: 60_000 }, () => {
  it('queries with filters and the API key; prints a table or JSON; exits 1 without a key', async () => {
    const [table, asJson, noKey] = await Promise.all([
      mas(['audit', 'query', '--sender', 'alice', '--decision', 'dlp_blocked', '--from', '2023-11-14T00:00:00Z', '-n', '5']),
      mas(['audit', 'query', '--json']),
      mas(['audit', 'query'], { MAS_GATEWAY_API_KEY: undefined }),
    ]);
    expect(table.code).toBe(0);
    expect(requests).toContainEqual({ method: 'GET', path: '/audit', key: API_KEY, query: { sender: 'alice', decision: 'DLP_BLOCKED', from: '2023-11-14T00:00:00Z', limit: '5' } });
    expect(table.stdout).toMatch(/^SEQ\s+TIME \(UTC\)\s+DECISION\s+STAGE\s+SENDER\s+TARGET\s+TYPE\s+REASON$/m);
    expect(table.stdout).toMatch(/^\s+2\s+2023-11-14 22:13:21\.000\s+DLP_BLOCKED\s+ingress\s+alice\s+carol\s+task\s+ssn in payload · dlp:ssn$/m);
    expect(json(asJson.stdout)).toEqual(ENTRIES);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('HTTP 401');
    expect(noKey.stderr).toContain('--api-key');
  });

  it('verify exits 5 and names the problem when the chain is broken', async () => {
    const [human, asJson] = await Promise.all([mas(['audit', 'verify']), mas(['audit', 'verify', '--json'])]);
    expect([human.code, asJson.code]).toEqual([5, 5]);
    expect(human.stdout).toContain('audit trail BROKEN: 1 problem(s) in 2 entries');
    expect(human.stdout).toContain('edited    entry 2 does not match its hash');
    expect(json(asJson.stdout)).toMatchObject({ ok: false, checked: 2, problems: [{ kind: 'edited', seq: 2 }] });
    expect(json(asJson.stderr)).toMatchObject({ error: { code: 'VERIFY_FAILED' }, exitCode: 5 });
  });

  it('exports CSV to a file, and replays a dead letter through the gateway', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mas-cli-audit-')), 'audit.csv');
    const client = probes.client(redis.url);
    const target = uniqueId('cli-audit', 'dlq');
    const entry = (await client.xadd(MasKeys.deadLetters, '*', 'envelope', JSON.stringify({ target_id: target, sender_id: 's', message_type: 't', data: {} }), 'agent_id', target, 'reason', 'circuit_open: x'))!;
    const [exported, replayed] = await Promise.all([
      mas(['audit', 'export', '--format', 'csv', '--target', 'carol', '-o', file, '--json']),
      mas(['dlq', 'replay', entry, '--via-gateway', '--json']),
    ]);
    await client.xdel(MasKeys.deadLetters, entry); // the stand-in does not remove it as the gateway would
    expect(exported.code).toBe(0);
    expect(json(exported.stdout)).toEqual({ file, format: 'csv', bytes: Buffer.byteLength(CSV) });
    expect(readFileSync(file, 'utf8')).toBe(CSV);
    expect(requests).toContainEqual(expect.objectContaining({ path: '/audit/export', query: { target: 'carol', limit: '100000', format: 'csv' } }));
    expect(replayed.code).toBe(0);
    expect(json(replayed.stdout)).toMatchObject({ replayed: 1, outcomes: [{ id: entry, status: 'replayed', target: 'dave', to: 'gateway' }] });
    expect(requests).toContainEqual({ method: 'POST', path: `/dlq/${entry}/replay`, key: API_KEY, query: {} });
  });
});

const json = (text: string) => JSON.parse(text);
