import 'reflect-metadata';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentMessage, MasKeys } from '@mas/core';
import type Redis from 'ioredis';
import { AgentTracker, Probes, uniqueId, waitFor } from './support/e2e-helpers';
import { createLimiter, runNode } from './support/node-process';
import { PrivateRedis, startPrivateRedis } from './support/private-redis';

// The built CLI (`npm test` builds first) runs as a child process against a redis-server of this
// spec's own (no other spec's keys, events or load; db 0 of the shared one without redis-server).
// Each process loads Nest, so they are few and at most three run at once.
const CLI = 'dist/apps/cli/src/main.js';
let server: PrivateRedis;
let redisUrl = '';
let redis: Redis;
const ids = new Set<string>();
const id = (label: string) => {
  const unique = uniqueId('cli', label);
  ids.add(unique);
  return unique;
};
const agents = new AgentTracker();
const probes = new Probes();
const limit = createLimiter(3);

/** Runs `mas ...args` against the spec's database. */
const mas = (args: string[], options: { env?: Record<string, string | undefined>; input?: string } = {}) =>
  limit(() => runNode(CLI, args, { env: { REDIS_URL: redisUrl, MAS_CONFIG: undefined, MAS_REDIS__URL: undefined, ...options.env }, input: options.input }));
const json = (text: string) => JSON.parse(text);

/** An agent that echoes requests, fails on `boom`, never answers `slow`, and records what it got. */
function echoAgent(agentId: string, capabilities: string[], received: AgentMessage[]): Agent {
  return new Agent(agentId, {
    redisUrl,
    capabilities,
    onMessage: async (message) => {
      received.push(message);
      if (message.messageType === 'slow') return new Promise(() => undefined);
      if (message.messageType === 'boom') throw new RangeError('kaboom');
      if (message.expectsReply) await message.reply('echo.reply', { got: message.data });
    },
  });
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm test does)`);
  server = await startPrivateRedis(0);
  redisUrl = server.url;
  redis = probes.client(redisUrl);
});

afterAll(async () => {
  await agents.stopAll();
  // Remove what the spec wrote (never FLUSHDB: on the fallback, other specs share the server).
  const keyOf = [MasKeys.agent, MasKeys.heartbeat, MasKeys.state, MasKeys.allowedTargets, MasKeys.blockedTargets, MasKeys.agentRoles,
    MasKeys.revokedTokens, MasKeys.signingKey, MasKeys.agentToken, MasKeys.publicKey, MasKeys.inbox, MasKeys.role, MasKeys.rolePermissions];
  await redis.del(...[...ids].flatMap((name) => keyOf.map((key) => key(name))));
  await probes.closeAll();
  await server.stop();
});

describe('mas CLI: usage and exit codes', { timeout: 60_000 }, () => {
  it('prints help (exit 0); bad usage exits 2 (JSON with --json); an unreachable Redis exits 1', async () => {
    const [help, unknown, badStatus, unreachable] = await Promise.all([
      mas(['--help']),
      mas(['frobnicate', '--json']),
      mas(['agents', '--status', 'sleepy', '--json']),
      mas(['agents', '--redis-url', 'redis://127.0.0.1:1/0']),
    ]);
    expect(help.code).toBe(0);
    for (const command of ['agents', 'agent', 'send', 'request', 'state', 'watch', 'dlq', 'acl', 'roles', 'revoke', 'rotate-key', 'audit']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
    expect(help.stdout).toContain('4  timeout');
    expect(help.stdout).not.toContain('\u001b['); // no colours without a TTY
    expect(unknown.code).toBe(2);
    expect(json(unknown.stderr)).toMatchObject({ error: { code: 'USAGE', message: "unknown command 'frobnicate'" }, exitCode: 2 });
    expect(badStatus.code).toBe(2);
    expect(json(badStatus.stderr)).toMatchObject({ error: { code: 'USAGE', message: expect.stringContaining('must be one of ACTIVE, INACTIVE') } });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0/);
  });
});

describe('mas CLI: agents, messages and state', { timeout: 60_000 }, () => {
  const cap = id('cap');
  const echo = id('echo');
  const python = id('python');
  const received: AgentMessage[] = [];

  beforeAll(async () => {
    await agents.start(echoAgent(echo, [cap, 'echo'], received));
    await agents.start(new Agent(id('other'), { redisUrl, capabilities: ['unrelated'] }));
    // An INACTIVE agent as the Python implementation writes it (no capability index, no heartbeat).
    await redis.hset(MasKeys.agent(python), { id: python, capabilities: JSON.stringify([cap]), metadata: '{}', status: 'INACTIVE', registered_at: '1700000000.5' });
    await redis.hset(MasKeys.state(echo), { count: '3', tags: '["a","b"]' });
  });

  it('lists agents as a table (Redis from MAS_CONFIG) and as JSON, filtered by capability and status', async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'mas-cli-')), 'mas.yaml');
    writeFileSync(config, `redis:\n  url: ${redisUrl}\n`);
    const [table, inactive] = await Promise.all([
      mas(['agents', '--capability', cap], { env: { REDIS_URL: undefined, MAS_CONFIG: config } }),
      mas(['agents', '-c', cap, 'nothing-else', '--status', 'inactive', '--json']),
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+STATUS\s+HEARTBEAT\s+CAPABILITIES\s+REGISTERED \(UTC\)$/m);
    expect(table.stdout).toMatch(new RegExp(`^${echo}\\s+ACTIVE\\s+\\d+(ms|s) ago\\s+${cap}, echo\\s+\\d{4}-`, 'm'));
    expect(table.stdout).toMatch(new RegExp(`^${python}\\s+INACTIVE\\s+none\\s+${cap}\\s+2023-11-14 22:13:20$`, 'm'));
    expect(table.stdout).toContain('2 agent(s)');
    expect(json(inactive.stdout)).toEqual([
      { id: python, capabilities: [cap], metadata: {}, status: 'INACTIVE', registeredAt: 1700000000.5, alive: false },
    ]);
  });

  it('shows one agent as JSON, never with its token', async () => {
    const shown = await mas(['agent', echo, '--json']);
    expect(shown.code).toBe(0);
    expect(json(shown.stdout)).toMatchObject({ id: echo, status: 'ACTIVE', alive: true, stateFields: 2, gateway: { signing: null, roles: [] } });
    expect(json(shown.stdout)).not.toHaveProperty('token');
  });

  it('sends (exit 3 when nobody listens) and requests (reply, exit 4 on timeout, exit 1 on a remote error)', async () => {
    const [sent, dropped, reply, timedOut, failed] = await Promise.all([
      mas(['send', echo, 'note.add', '-'], { input: '{"text":"hi"}' }),
      mas(['send', id('nobody'), 'note.add', '--json']),
      mas(['request', echo, 'ping', '{"n":2}', '--json', '--from', id('caller')]),
      mas(['request', echo, 'slow', '--timeout', '300']),
      mas(['request', echo, 'boom', '--json']),
    ]);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain(`sent "note.add" to ${echo} (1 subscriber(s))`);
    await waitFor(() => received.some((m) => m.messageType === 'note.add' && m.data.text === 'hi'), 5_000, 'the note');
    expect(dropped.code).toBe(3);
    expect(json(dropped.stderr)).toMatchObject({ error: { code: 'NOT_FOUND', details: { receivers: 0 } }, exitCode: 3 });
    expect(reply.code).toBe(0);
    expect(json(reply.stdout)).toMatchObject({ sender_id: echo, message_type: 'echo.reply', data: { got: { n: 2 } }, meta: { is_reply: true } });
    expect(json(reply.stdout).target_id).toMatch(/^cli-caller-/);
    expect(timedOut.code).toBe(4);
    expect(timedOut.stderr).toContain('no reply within 300 ms');
    expect(failed.code).toBe(1);
    expect(json(failed.stderr).error).toMatchObject({ code: 'REMOTE_HANDLER_ERROR', remoteType: 'RangeError' });
  });

  it('shows state, then resets it', async () => {
    const shown = await mas(['state', echo, '--json']);
    expect(json(shown.stdout)).toEqual({ count: 3, tags: ['a', 'b'] });
    const reset = await mas(['state', echo, '--reset', '--json']);
    expect(json(reset.stdout)).toEqual({ agent: echo, reset: true, removedFields: 2 });
    expect(reset.stderr).toContain('is running'); // the live agent keeps its in-memory state
    expect(await redis.exists(MasKeys.state(echo))).toBe(0);
  });
});

describe('mas CLI: gateway policy, credentials and dead letters', { timeout: 60_000 }, () => {
  it('edits ACLs and roles', async () => {
    const sender = id('sender');
    const role = id('role');
    const [allowed, blocked, created] = await Promise.all([
      mas(['acl', 'allow', sender, 'billing', 'analytics-*', '--json']),
      mas(['acl', 'block', sender, 'evil']),
      mas(['roles', 'create', role, 'send:agent.*', '-d', 'writers', '--json']),
    ]);
    expect(json(allowed.stdout)).toMatchObject({ agent: sender, allowed: ['analytics-*', 'billing'] });
    expect(blocked.stdout).toMatch(/blocked: evil$/m);
    expect(await redis.smembers(MasKeys.blockedTargets(sender))).toEqual(['evil']);
    expect(json(created.stdout)).toMatchObject({ name: role, description: 'writers', permissions: ['send:agent.*'] });
    const assigned = await mas(['roles', 'assign', sender, role]);
    expect(assigned.stdout).toContain(`${role}: send:agent.*`);
    expect(await redis.smembers(MasKeys.agentRoles(sender))).toEqual([role]);
  });

  it('revokes the current token and rotates the signing key', async () => {
    const agent = await agents.start(new Agent(id('signer'), { redisUrl }));
    const token = await redis.hget(MasKeys.agent(agent.id), 'token');
    const [revoked, rotated] = await Promise.all([
      mas(['revoke', agent.id, '--json']),
      mas(['rotate-key', agent.id, '--show-secret', '--json']),
    ]);
    expect(json(revoked.stdout)).toMatchObject({ agent: agent.id, newlyRevoked: true, revokedCount: 1 });
    expect(revoked.stdout).not.toContain(token!);
    expect(await redis.smembers(MasKeys.revokedTokens(agent.id))).toEqual([token]);
    expect(json(rotated.stdout)).toMatchObject({ agent: agent.id, alg: 'hmac-sha256', previousAlg: 'none' });
    expect(await redis.get(MasKeys.signingKey(agent.id))).toBe(json(rotated.stdout).secret);
  });

  it('revokes the token of a gateway-mode agent, kept out of its record', async () => {
    const agent = await agents.start(new Agent(id('gw-signer'), { redisUrl, gateway: true }));
    const token = await redis.get(MasKeys.agentToken(agent.id));
    expect(token).toBeTruthy();
    expect(await redis.hexists(MasKeys.agent(agent.id), 'token')).toBe(0);
    const revoked = await mas(['revoke', agent.id, '--json']);
    expect(json(revoked.stdout)).toMatchObject({ agent: agent.id, newlyRevoked: true, revokedCount: 1 });
    expect(await redis.smembers(MasKeys.revokedTokens(agent.id))).toEqual([token]);
    const shown = await mas(['agent', agent.id, '--json']);
    expect(json(shown.stdout)).toMatchObject({ gateway: { signing: 'hmac-sha256', revokedTokens: 1 } });
    expect(shown.stdout).not.toContain(token!);
  });

  it('lists dead letters and replays them into the target inbox', async () => {
    const target = id('dlq-target');
    const entries: string[] = [];
    for (const n of [1, 2]) {
      const envelope = JSON.stringify({ sender_id: 'x', target_id: target, message_type: 'job', data: { n }, meta: { version: 1 }, timestamp: 1, message_id: `m${n}` });
      entries.push((await redis.xadd(MasKeys.deadLetters, '*', 'envelope', envelope, 'agent_id', target, 'reason', 'handler failed', 'attempts', '3', 'failed_at', '1700000000'))!);
    }
    const listed = await mas(['dlq', 'list', '--agent', target, '--json']);
    const replayed = await mas(['dlq', 'replay', entries[0], '99-1', '--json']);
    expect(json(listed.stdout).entries).toMatchObject([
      { id: entries[0], target, sender: 'x', messageType: 'job', reason: 'handler failed', attempts: 3, failedAt: 1700000000 },
      { id: entries[1] },
    ]);
    expect(replayed.code).toBe(3); // one id was not in the stream
    expect(json(replayed.stdout)).toMatchObject({ replayed: 1, missing: 1, outcomes: [{ id: entries[0], status: 'replayed' }, { id: '99-1' }] });
    const inbox = await redis.xrange(MasKeys.inbox(target), '-', '+');
    expect(inbox.map(([, fields]) => JSON.parse(fields[1]).data)).toEqual([{ n: 1 }]);
    expect((await redis.xrange(MasKeys.deadLetters, entries[0], entries[0])).length).toBe(0);
    await redis.xdel(MasKeys.deadLetters, entries[1]);
  });
});
