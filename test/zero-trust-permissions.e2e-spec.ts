import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import { MasKeys, ProvisionedAgent } from '@mas/core';
import { ZeroTrustWorld } from './support/zero-trust';

// The permission tables of a provisioned agent's Redis user and of the gateway's and the registry's
// service users, asserted exhaustively with ACL DRYRUN (Redis 7), and each row once more with a real
// attempt over the user's own connection.
let world: ZeroTrustWorld;
let me: ProvisionedAgent;
let own: Redis;
let registryUrl: string;
const other = 'zt-other';

type Row = [what: string, allowed: boolean, command: Array<string | number>];

function rows(id: string): Row[] {
  return [
    ['XADD to the ingress', true, ['XADD', MasKeys.gatewayIngress, '*', 'envelope', '{}']],
    ['read the ingress', false, ['XRANGE', MasKeys.gatewayIngress, '-', '+']],
    ['read its own inbox through the group', true, ['XREADGROUP', 'GROUP', MasKeys.inboxGroup, 'c', 'COUNT', 1, 'STREAMS', MasKeys.inbox(id), '>']],
    ['ack its own inbox', true, ['XACK', MasKeys.inbox(id), MasKeys.inboxGroup, '0-1']],
    ["XADD to another agent's inbox", false, ['XADD', MasKeys.inbox(other), '*', 'envelope', '{}']],
    ["read another agent's inbox", false, ['XREADGROUP', 'GROUP', MasKeys.inboxGroup, 'c', 'STREAMS', MasKeys.inbox(other), '>']],
    ['subscribe to its own channel', true, ['SUBSCRIBE', MasKeys.agentChannel(id)]],
    ["subscribe to another agent's channel", false, ['SUBSCRIBE', MasKeys.agentChannel(other)]],
    ["publish on another agent's channel", false, ['PUBLISH', MasKeys.agentChannel(other), 'x']],
    ['publish on mas.system', false, ['PUBLISH', MasKeys.systemChannel, 'x']],
    ['write its own heartbeat', true, ['SET', MasKeys.heartbeat(id), '1', 'PX', 1000]],
    ["write another agent's heartbeat", false, ['SET', MasKeys.heartbeat(other), '1']],
    ['write its own state', true, ['HSET', MasKeys.state(id), 'k', 'v']],
    ["write another agent's state", false, ['HSET', MasKeys.state(other), 'k', 'v']],
    ["read another agent's state", false, ['HGETALL', MasKeys.state(other)]],
    ['write its own record', false, ['HSET', MasKeys.agent(id), 'capabilities', '["x"]']],
    ["write another agent's record", false, ['HSET', MasKeys.agent(other), 'status', 'INACTIVE']],
    ['read records (discovery)', true, ['HGETALL', MasKeys.agent(other)]],
    ['read the capability index', true, ['SMEMBERS', MasKeys.capability('chat')]],
    ['write the capability index', false, ['SADD', MasKeys.capability('chat'), id]],
    ['write the all-agents set', false, ['SADD', MasKeys.allAgents, id]],
    ['read the grants', false, ['HGETALL', MasKeys.provisionGrant(other)]],
    ['write a public key', false, ['SET', MasKeys.publicKey(other), 'x']],
    ['write its own public key', false, ['SET', MasKeys.publicKey(id), 'x']],
    ['write a signing key', false, ['SET', MasKeys.signingKey(other), 'x']],
    ['read a signing key', false, ['GET', MasKeys.signingKey(other)]],
    ['read a token', false, ['GET', MasKeys.agentToken(other)]],
    ['write a token', false, ['SET', MasKeys.agentToken(other), 'x']],
    ['write its roles', false, ['SADD', MasKeys.agentRoles(id), 'admin']],
    ['write role permissions', false, ['SADD', MasKeys.rolePermissions('admin'), 'send:*']],
    ['write its allow list', false, ['SADD', MasKeys.allowedTargets(id), '*']],
    ['write its block list', false, ['SREM', MasKeys.blockedTargets(id), other]],
    ['write its rate counters', false, ['DEL', MasKeys.rateLimit(id, 'minute:1')]],
    ['write revocations', false, ['DEL', MasKeys.revokedTokens(id)]],
    ['write a nonce', false, ['SET', MasKeys.nonce(id, 'n'), '1']],
    ['write the audit trail', false, ['XADD', MasKeys.audit, '*', 'a', 'b']],
    ['read the audit trail', false, ['XRANGE', MasKeys.audit, '-', '+']],
    ['ACL', false, ['ACL', 'SETUSER', 'x']],
    ['CONFIG', false, ['CONFIG', 'GET', 'maxmemory']],
    ['FLUSHALL', false, ['FLUSHALL']],
    ['FLUSHDB', false, ['FLUSHDB']],
    ['KEYS', false, ['KEYS', '*']],
    ['SCRIPT', false, ['SCRIPT', 'FLUSH']],
    ['DEBUG', false, ['DEBUG', 'SLEEP', 0]],
    ['MONITOR', false, ['MONITOR']],
    ['CLIENT KILL', false, ['CLIENT', 'KILL', 'USER', 'default']],
  ];
}

/** The gateway's service user: its pipeline's keys and channels, nothing administrative, no agent state. */
const gatewayRows = (): Row[] => [
  ['read the ingress', true, ['XLEN', MasKeys.gatewayIngress]],
  ["XADD to an agent's inbox", true, ['XADD', MasKeys.inbox(other), '*', 'envelope', '{}']],
  ['write a record (registration)', true, ['HSET', MasKeys.agent(other), 'status', 'ACTIVE']],
  ['write the capability index', true, ['SADD', MasKeys.capability('chat'), other]],
  ['write a nonce', true, ['SET', MasKeys.nonce(other, 'n'), '1', 'PX', 1000]],
  ['append to the audit trail', true, ['XADD', MasKeys.audit, '*', 'a', 'b']],
  ['read a grant', true, ['HGETALL', MasKeys.provisionGrant(other)]],
  ['read role permissions', true, ['SMEMBERS', MasKeys.rolePermissions('admin')]],
  ['read a signing key', true, ['GET', MasKeys.signingKey(other)]],
  ['read a token', true, ['GET', MasKeys.agentToken(other)]],
  ["publish on an agent's channel", true, ['PUBLISH', MasKeys.agentChannel(other), 'x']],
  ['publish on mas.system', true, ['PUBLISH', MasKeys.systemChannel, 'x']],
  ['write a grant', false, ['HSET', MasKeys.provisionGrant(other), 'capabilities', '["*"]']],
  ['write role permissions', false, ['SADD', MasKeys.rolePermissions('admin'), 'send:*']],
  ['write revocations', false, ['DEL', MasKeys.revokedTokens(other)]],
  ['write a token', false, ['SET', MasKeys.agentToken(other), 'x']],
  ['write a signing key', false, ['SET', MasKeys.signingKey(other), 'x']],
  ['write the provisioned set', false, ['SADD', MasKeys.provisionedAgents, other]],
  ["read an agent's state", false, ['HGETALL', MasKeys.state(other)]],
  ['CONFIG', false, ['CONFIG', 'GET', 'maxmemory']],
  ['ACL', false, ['ACL', 'SETUSER', 'x']],
  ['FLUSHALL', false, ['FLUSHALL']],
  ['KEYS', false, ['KEYS', '*']],
  ['SCRIPT', false, ['SCRIPT', 'FLUSH']],
  ['MONITOR', false, ['MONITOR']],
  ['CLIENT KILL', false, ['CLIENT', 'KILL', 'USER', 'default']],
];

/** The registry's service user: records, index, leases; reads audit and dead letters; never routes. */
const registryRows = (): Row[] => [
  ['write a status (the sweep)', true, ['HSET', MasKeys.agent(other), 'status', 'INACTIVE']],
  ['read a heartbeat', true, ['GET', MasKeys.heartbeat(other)]],
  ['write the index', true, ['SADD', MasKeys.allAgents, other]],
  ['write its index bookkeeping', true, ['HSET', MasKeys.registryIndexed, other, '[]']],
  ['take a lease', true, ['SET', MasKeys.registryLease('zt-probe'), 'me', 'PX', 1000, 'NX']],
  ['read the audit trail', true, ['XREVRANGE', MasKeys.audit, '+', '-', 'COUNT', 1]],
  ['read the dead letters', true, ['XREVRANGE', MasKeys.deadLetters, '+', '-', 'COUNT', 1]],
  ['scan the records', true, ['SCAN', '0', 'MATCH', MasKeys.agentScanPattern, 'COUNT', 10]],
  ['subscribe to mas.system', true, ['SUBSCRIBE', MasKeys.systemChannel]],
  ['subscribe to expired-key events', true, ['PSUBSCRIBE', MasKeys.expiredKeyEvents(0)]],
  ['write the audit trail', false, ['XADD', MasKeys.audit, '*', 'a', 'b']],
  ["XADD to an agent's inbox", false, ['XADD', MasKeys.inbox(other), '*', 'envelope', '{}']],
  ["read an agent's inbox", false, ['XRANGE', MasKeys.inbox(other), '-', '+']],
  ["read an agent's state", false, ['HGETALL', MasKeys.state(other)]],
  ['XADD to the ingress', false, ['XADD', MasKeys.gatewayIngress, '*', 'envelope', '{}']],
  ["subscribe to an agent's channel", false, ['SUBSCRIBE', MasKeys.agentChannel(other)]],
  ["publish on an agent's channel", false, ['PUBLISH', MasKeys.agentChannel(other), 'x']],
  ['read a grant', false, ['HGETALL', MasKeys.provisionGrant(other)]],
  ['read a signing key', false, ['GET', MasKeys.signingKey(other)]],
  ['read a token', false, ['GET', MasKeys.agentToken(other)]],
  ['write role permissions', false, ['SADD', MasKeys.rolePermissions('admin'), 'send:*']],
  ['CONFIG GET (keyspace notifications)', false, ['CONFIG', 'GET', 'notify-keyspace-events']],
  ['CONFIG SET', false, ['CONFIG', 'SET', 'notify-keyspace-events', 'Ex']],
  ['ACL', false, ['ACL', 'SETUSER', 'x']],
  ['FLUSHALL', false, ['FLUSHALL']],
  ['KEYS', false, ['KEYS', '*']],
  ['SCRIPT', false, ['SCRIPT', 'FLUSH']],
  ['CLIENT KILL', false, ['CLIENT', 'KILL', 'USER', 'default']],
];

/** ACL DRYRUN of `command` as `user`: asserts the verdict. */
async function expectDryRun(user: string, command: Array<string | number>, allowed: boolean): Promise<void> {
  const reply = String(await world.admin.command.call('ACL', 'DRYRUN', user, ...command.map(String)));
  if (allowed) expect(reply).toBe('OK');
  else expect(reply).toMatch(/no permissions/);
}

/** Runs `command` over `url`'s user for real (a connection of its own for modal commands): asserts the outcome. */
async function expectAttempt(url: string, shared: Redis | undefined, what: string, command: Array<string | number>, allowed: boolean): Promise<void> {
  const [name, ...args] = command.map(String);
  // Subscriptions and MONITOR change the connection's mode: each gets a connection of its own.
  const modal = ['SUBSCRIBE', 'PSUBSCRIBE', 'MONITOR'].includes(name!);
  const client = modal || !shared ? world.client(url) : shared;
  const attempt = name === 'SUBSCRIBE' ? client.subscribe(...args) : name === 'PSUBSCRIBE' ? client.psubscribe(...args) : client.call(name!, ...args);
  const outcome = await attempt.then(() => 'ok', (error: Error) => error.message);
  if (modal) client.disconnect();
  if (allowed) expect(outcome).toBe('ok');
  // DEBUG is also off by default in Redis 7 (enable-debug-command): refused before the ACL looks.
  else expect(outcome).toMatch(what === 'DEBUG' ? /NOPERM|no permissions|DEBUG command not allowed/ : /NOPERM|no permissions|can't access/);
}

beforeAll(async () => {
  world = await ZeroTrustWorld.start(12);
  me = await world.provision('me');
  await world.admin.command.xgroup('CREATE', MasKeys.inbox(me.id), MasKeys.inboxGroup, '$', 'MKSTREAM');
  own = world.client(me.redisUrl);
  registryUrl = (await world.provisioner.provisionService('registry')).redisUrl;
}, 30_000);
afterAll(() => world?.close());

describe('zero-trust permission table of an agent user', () => {
  it.each(rows('me-placeholder').map((row) => [row[0], row[1]] as const))('ACL DRYRUN: %s → allowed=%s', async (what, allowed) => {
    const [, , command] = rows(me.id).find((row) => row[0] === what)!;
    await expectDryRun(MasKeys.aclAgentUser(me.id), command, allowed);
  });

  it.each(rows('me-placeholder').map((row) => [row[0], row[1]] as const))('real attempt: %s → allowed=%s', async (what, allowed) => {
    const [, , command] = rows(me.id).find((row) => row[0] === what)!;
    await expectAttempt(me.redisUrl, own, what, command, allowed);
  });
});

describe.each([
  ['gateway', gatewayRows, () => world.gatewayUrl],
  ['registry', registryRows, () => registryUrl],
] as const)('zero-trust permission table of the %s service user', (service, table, url) => {
  const user = MasKeys.aclServiceUser(service);
  it.each(table().map((row) => [row[0], row[1]] as const))('ACL DRYRUN: %s → allowed=%s', async (what, allowed) => {
    await expectDryRun(user, table().find((row) => row[0] === what)![2], allowed);
  });

  it.each(table().map((row) => [row[0], row[1]] as const))('real attempt: %s → allowed=%s', async (what, allowed) => {
    await expectAttempt(url(), undefined, what, table().find((row) => row[0] === what)![2], allowed);
  });
});
