import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import { agentAclRules, MAS_FUNCTIONS, MasKeys, MasKeySpace, type MasKeySpaceOptions, ProvisionedAgent, serviceAclRules } from '@mas/core';
import { ZeroTrustWorld } from './support/zero-trust';

// The permission tables of a provisioned agent's Redis user and of the gateway's and the registry's
// service users, asserted exhaustively with ACL DRYRUN (Redis 7), and each row once more with a real
// attempt over the user's own connection. The same tables hold in the other key spaces (cluster key
// style, a namespace, both): their rules, named from the key space, are checked with ACL DRYRUN.
let world: ZeroTrustWorld;
let me: ProvisionedAgent;
let own: Redis;
let registryUrl: string;
const other = 'zt-other';

type Row = [what: string, allowed: boolean, command: Array<string | number>];

function rows(id: string, keys: MasKeySpace = MasKeys): Row[] {
  return [
    ['XADD to its own ingress stream', true, ['XADD', keys.agentIngress(id), '*', 'envelope', '{}']],
    ['XADD to its own ingress stream, trimming it', true, ['XADD', keys.agentIngress(id), 'MAXLEN', '0', '*', 'envelope', '{}']],
    ['XADD to the shared ingress', false, ['XADD', keys.gatewayIngress, '*', 'envelope', '{}']],
    ["XADD to another agent's ingress stream", false, ['XADD', keys.agentIngress(other), '*', 'envelope', '{}']],
    ['read the ingress', false, ['XRANGE', keys.gatewayIngress, '-', '+']],
    ['read its own ingress stream', false, ['XRANGE', keys.agentIngress(id), '-', '+']],
    ['delete its own ingress stream', false, ['DEL', keys.agentIngress(id)]],
    ['retype its own ingress stream', false, ['SET', keys.agentIngress(id), 'x']],
    ['create a group on its own ingress stream', false, ['XGROUP', 'CREATE', keys.agentIngress(id), 'g', '$']],
    ['write the dead letters', false, ['XADD', keys.deadLetters, 'MAXLEN', '0', '*', 'reason', 'x']],
    ['read its own inbox through the group', true, ['XREADGROUP', 'GROUP', keys.inboxGroup, 'c', 'COUNT', 1, 'STREAMS', keys.inbox(id), '>']],
    ['ack its own inbox', true, ['XACK', keys.inbox(id), keys.inboxGroup, '0-1']],
    ["XADD to another agent's inbox", false, ['XADD', keys.inbox(other), '*', 'envelope', '{}']],
    ["read another agent's inbox", false, ['XREADGROUP', 'GROUP', keys.inboxGroup, 'c', 'STREAMS', keys.inbox(other), '>']],
    ['subscribe to its own channel', true, ['SUBSCRIBE', keys.agentChannel(id)]],
    ["subscribe to another agent's channel", false, ['SUBSCRIBE', keys.agentChannel(other)]],
    ["publish on another agent's channel", false, ['PUBLISH', keys.agentChannel(other), 'x']],
    ['publish on mas.system', false, ['PUBLISH', keys.systemChannel, 'x']],
    ['write its own heartbeat', true, ['SET', keys.heartbeat(id), '1', 'PX', 1000]],
    ["write another agent's heartbeat", false, ['SET', keys.heartbeat(other), '1']],
    ['read its own heartbeat', true, ['GET', keys.heartbeat(id)]],
    ["read another agent's heartbeat (its owner writes it: a channel past the gateway)", false, ['GET', keys.heartbeat(other)]],
    ["read another agent's heartbeat by a range", false, ['GETRANGE', keys.heartbeat(other), 0, -1]],
    ['write and read its own limits', true, ['HSET', keys.inboxLimits(id), 'max_message_bytes', 1024]],
    ["read another agent's limits (its owner writes them)", false, ['HGETALL', keys.inboxLimits(other)]],
    ["read another agent's public key", false, ['GET', keys.publicKey(other)]],
    ['EVAL (Lua of its own)', false, ['EVAL', 'return 1', 0]],
    ['EVALSHA', false, ['EVALSHA', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db', 0]],
    ['EVAL_RO', false, ['EVAL_RO', 'return 1', 0]],
    ['FUNCTION LOAD', false, ['FUNCTION', 'LOAD', '#!lua name=x\nredis.register_function("x", function() return 1 end)']],
    ['FCALL the library on its own keys', true, ['FCALL', MAS_FUNCTIONS.versionFunction, 1, keys.state(id)]],
    ["FCALL the library on another agent's keys", false, ['FCALL', MAS_FUNCTIONS.versionFunction, 1, keys.state(other)]],
    ['write its own state', true, ['HSET', keys.state(id), 'k', 'v']],
    ["write another agent's state", false, ['HSET', keys.state(other), 'k', 'v']],
    ["read another agent's state", false, ['HGETALL', keys.state(other)]],
    ['write its own record', false, ['HSET', keys.agent(id), 'capabilities', '["x"]']],
    ["write another agent's record", false, ['HSET', keys.agent(other), 'status', 'INACTIVE']],
    ['read records (discovery)', true, ['HGETALL', keys.agent(other)]],
    ['read the capability index', true, ['SMEMBERS', keys.capability('chat')]],
    ['write the capability index', false, ['SADD', keys.capability('chat'), id]],
    ['write the all-agents set', false, ['SADD', keys.allAgents, id]],
    ['read the grants', false, ['HGETALL', keys.provisionGrant(other)]],
    ['write a public key', false, ['SET', keys.publicKey(other), 'x']],
    ['write its own public key', false, ['SET', keys.publicKey(id), 'x']],
    ['write a signing key', false, ['SET', keys.signingKey(other), 'x']],
    ['read a signing key', false, ['GET', keys.signingKey(other)]],
    ['read a token', false, ['GET', keys.agentToken(other)]],
    ['write a token', false, ['SET', keys.agentToken(other), 'x']],
    ['write its roles', false, ['SADD', keys.agentRoles(id), 'admin']],
    ['write role permissions', false, ['SADD', keys.rolePermissions('admin'), 'send:*']],
    ['write its allow list', false, ['SADD', keys.allowedTargets(id), '*']],
    ['write its block list', false, ['SREM', keys.blockedTargets(id), other]],
    ['write its rate counters', false, ['DEL', keys.rateLimit(id, 'minute:1')]],
    ['write revocations', false, ['DEL', keys.revokedTokens(id)]],
    ['write a nonce', false, ['SET', keys.nonce(id, 'n'), '1']],
    ['write the audit trail', false, ['XADD', keys.audit, '*', 'a', 'b']],
    ['read the audit trail', false, ['XRANGE', keys.audit, '-', '+']],
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
const gatewayRows = (keys: MasKeySpace = MasKeys): Row[] => [
  ['read the ingress', true, ['XLEN', keys.gatewayIngress]],
  // In this order: the real attempts run one after the other, the read needs the group.
  ["create the group of an agent's ingress stream", true, ['XGROUP', 'CREATE', keys.agentIngress(other), keys.gatewayGroup, '0', 'MKSTREAM']],
  ["read an agent's ingress stream through the group", true, ['XREADGROUP', 'GROUP', keys.gatewayGroup, 'c', 'COUNT', 1, 'STREAMS', keys.agentIngress(other), '>']],
  ['read the provisioned set', true, ['SMEMBERS', keys.provisionedAgents]],
  ['write the provisioned set', false, ['SADD', keys.provisionedAgents, other]],
  ["XADD to an agent's inbox", true, ['XADD', keys.inbox(other), '*', 'envelope', '{}']],
  ['write a record (registration)', true, ['HSET', keys.agent(other), 'status', 'ACTIVE']],
  ['write the capability index', true, ['SADD', keys.capability('chat'), other]],
  ['write a nonce', true, ['SET', keys.nonce(other, 'n'), '1', 'PX', 1000]],
  ['append to the audit trail', true, ['XADD', keys.audit, '*', 'a', 'b']],
  ['read a grant', true, ['HGETALL', keys.provisionGrant(other)]],
  ['read role permissions', true, ['SMEMBERS', keys.rolePermissions('admin')]],
  ['read a signing key', true, ['GET', keys.signingKey(other)]],
  ['read a token', true, ['GET', keys.agentToken(other)]],
  ["publish on an agent's channel", true, ['PUBLISH', keys.agentChannel(other), 'x']],
  ['publish on mas.system', true, ['PUBLISH', keys.systemChannel, 'x']],
  ['write a grant', false, ['HSET', keys.provisionGrant(other), 'capabilities', '["*"]']],
  ['write role permissions', false, ['SADD', keys.rolePermissions('admin'), 'send:*']],
  ['write revocations', false, ['DEL', keys.revokedTokens(other)]],
  ['write a token', false, ['SET', keys.agentToken(other), 'x']],
  ['write a signing key', false, ['SET', keys.signingKey(other), 'x']],
  ['write the provisioned set', false, ['SADD', keys.provisionedAgents, other]],
  ["read an agent's state", false, ['HGETALL', keys.state(other)]],
  ['CONFIG', false, ['CONFIG', 'GET', 'maxmemory']],
  ['ACL', false, ['ACL', 'SETUSER', 'x']],
  ['FLUSHALL', false, ['FLUSHALL']],
  ['KEYS', false, ['KEYS', '*']],
  ['SCRIPT', false, ['SCRIPT', 'FLUSH']],
  ['MONITOR', false, ['MONITOR']],
  ['CLIENT KILL', false, ['CLIENT', 'KILL', 'USER', 'default']],
];

/** The registry's service user: records, index, leases; reads audit and dead letters; never routes. */
const registryRows = (keys: MasKeySpace = MasKeys): Row[] => [
  ['write a status (the sweep)', true, ['HSET', keys.agent(other), 'status', 'INACTIVE']],
  ['read a heartbeat', true, ['GET', keys.heartbeat(other)]],
  ['write the index', true, ['SADD', keys.allAgents, other]],
  ['write its index bookkeeping', true, ['HSET', keys.registryIndexed, other, '[]']],
  ['take a lease', true, ['SET', keys.registryLease('zt-probe'), 'me', 'PX', 1000, 'NX']],
  ['read the audit trail', true, ['XREVRANGE', keys.audit, '+', '-', 'COUNT', 1]],
  ['read the dead letters', true, ['XREVRANGE', keys.deadLetters, '+', '-', 'COUNT', 1]],
  ['scan the records', true, ['SCAN', '0', 'MATCH', keys.agentScanPattern, 'COUNT', 10]],
  ['subscribe to mas.system', true, ['SUBSCRIBE', keys.systemChannel]],
  ['subscribe to expired-key events', true, ['PSUBSCRIBE', keys.expiredKeyEvents(0)]],
  ['write the audit trail', false, ['XADD', keys.audit, '*', 'a', 'b']],
  ["XADD to an agent's inbox", false, ['XADD', keys.inbox(other), '*', 'envelope', '{}']],
  ["read an agent's inbox", false, ['XRANGE', keys.inbox(other), '-', '+']],
  ["read an agent's state", false, ['HGETALL', keys.state(other)]],
  ['XADD to the ingress', false, ['XADD', keys.gatewayIngress, '*', 'envelope', '{}']],
  ["subscribe to an agent's channel", false, ['SUBSCRIBE', keys.agentChannel(other)]],
  ["publish on an agent's channel", false, ['PUBLISH', keys.agentChannel(other), 'x']],
  ['read a grant', false, ['HGETALL', keys.provisionGrant(other)]],
  ['read a signing key', false, ['GET', keys.signingKey(other)]],
  ['read a token', false, ['GET', keys.agentToken(other)]],
  ['write role permissions', false, ['SADD', keys.rolePermissions('admin'), 'send:*']],
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

const keySpaces: Array<[string, MasKeySpaceOptions]> = [
  ['cluster style', { style: 'cluster' }],
  ['a namespace', { namespace: 'zt-ns' }],
  ['cluster style in a namespace', { style: 'cluster', namespace: 'zt-both' }],
];

describe.each(keySpaces)('zero-trust permission tables in a key space of %s', (label, space) => {
  const keys = new MasKeySpace(space);
  const id = 'zt-space-me';
  // Users of their own (not the names the key space gives): the world's gateway runs as `mas-gateway`.
  const user = (role: string) => `zt-space-${label.replace(/ /g, '-')}-${role}`;
  beforeAll(async () => {
    await world.admin.command.call('ACL', 'SETUSER', user('agent'), ...agentAclRules(id, keys));
    for (const service of ['gateway', 'registry'] as const) await world.admin.command.call('ACL', 'SETUSER', user(service), ...serviceAclRules(service, keys));
  });

  it.each(rows(id, keys).map((row) => [row[0], row[1]] as const))('agent, ACL DRYRUN: %s → allowed=%s', async (what, allowed) => {
    await expectDryRun(user('agent'), rows(id, keys).find((row) => row[0] === what)![2], allowed);
  });
  it.each(gatewayRows(keys).map((row) => [row[0], row[1]] as const))('gateway, ACL DRYRUN: %s → allowed=%s', async (what, allowed) => {
    await expectDryRun(user('gateway'), gatewayRows(keys).find((row) => row[0] === what)![2], allowed);
  });
  it.each(registryRows(keys).map((row) => [row[0], row[1]] as const))('registry, ACL DRYRUN: %s → allowed=%s', async (what, allowed) => {
    await expectDryRun(user('registry'), registryRows(keys).find((row) => row[0] === what)![2], allowed);
  });

  it('agents may not read the secrets of the default names either, nor of this key space under them', async () => {
    for (const name of [MasKeys.agentToken('zt-other'), MasKeys.signingKey('zt-other'), keys.agentToken('zt-other'), keys.signingKey('zt-other')]) {
      await expectDryRun(user('agent'), ['GET', name], false);
    }
  });
});
