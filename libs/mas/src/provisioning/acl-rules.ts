import { MasKeys, MasKeySpace } from '../redis/keys';
import { assertProvisionableId } from './agent-id';

/** The MAS services that run as users of their own (`mas provision --service <name>`). */
export type MasService = 'gateway' | 'registry';

/** Every service `mas provision --service` knows. */
export const MAS_SERVICES: readonly MasService[] = ['gateway', 'registry'];

/** Commands every MAS client needs to connect: ioredis's ready check (INFO), client names, SELECT. */
const CONNECTION_COMMANDS = ['ping', 'echo', 'info', 'select', 'quit', 'client|setname', 'client|getname', 'client|id'];

/**
 * Commands a provisioned agent may run (on its permitted keys only). Deliberately absent: ACL,
 * CONFIG, FLUSHALL/FLUSHDB, KEYS, SCAN, EVAL/EVALSHA (and their `_RO` forms), SCRIPT, FUNCTION,
 * DEBUG, MONITOR, CLIENT KILL, PUBLISH. Its scripts run as the MAS function library an
 * administrator loaded (FCALL / FCALL_RO): it cannot run Lua of its own, so no endless loop of its
 * making can stall Redis.
 */
export const AGENT_COMMANDS: readonly string[] = [
  ...CONNECTION_COMMANDS,
  // ingress (write only) and its own inbox through the consumer group
  'xadd', 'xreadgroup', 'xack', 'xautoclaim', 'xclaim', 'xpending', 'xlen',
  'xgroup|create', 'xgroup|createconsumer', 'xgroup|delconsumer', 'xinfo|groups',
  // its own state, heartbeat, limits, replicas, completed ids; what discovery and senders read
  'get', 'mget', 'set', 'exists', 'del', 'type',
  'hget', 'hmget', 'hgetall', 'hset', 'hdel', 'hexists',
  'smembers', 'sismember', 'sunion', 'scard',
  'zadd', 'zrem', 'zscore', 'zmscore', 'zrange', 'zremrangebyscore', 'zcard',
  'fcall', 'fcall_ro', 'multi', 'exec', 'discard', 'watch', 'unwatch',
  // its own channel (SSUBSCRIBE on a cluster: channel rules cover shard channels too)
  'subscribe', 'unsubscribe', 'pubsub|numsub', 'ssubscribe', 'sunsubscribe', 'pubsub|shardnumsub',
  // what a cluster client asks to find the nodes (nothing else: no PUBLISH, no SPUBLISH)
  'cluster|slots', 'cluster|shards', 'cluster|info', 'cluster|myid',
];

/** The keys an agent owns (read and write), named by `keys`: inbox, state, heartbeat, replicas, completed ids, limits. */
export function ownedKeys(id: string, keys: MasKeySpace = MasKeys): string[] {
  return [keys.inbox(id), keys.state(id), keys.heartbeat(id), keys.replicas(id), keys.completed(id), keys.inboxLimits(id)];
}

/**
 * Patterns every agent may read with any of its commands: the capability index, the boot marker,
 * the gateways' public keys. Not the other agents' heartbeats and limits: their owners write them,
 * so what one agent reads there another could have put there for it, past the gateway. Registry
 * records are read through {@link agentRecordReadRule}.
 */
export function agentReadablePatterns(keys: MasKeySpace = MasKeys): string[] {
  return [keys.capability('*'), keys.allAgents, keys.epochPattern, keys.gatewayPublicKeys];
}

/** The commands an agent may read other agents' registry records with: hash reads only. */
export const RECORD_READ_COMMANDS: readonly string[] = ['hget', 'hmget', 'hgetall', 'hexists'];

/**
 * The ACL selector (Redis 7) by which an agent reads the registry records of every agent (discovery),
 * written by the gateway and the registry only (no secrets in them: tokens and HMAC keys of
 * gateway-mode agents live under `keys.secretPattern`, which `agent:*` covers in neither style): read
 * access to `agent:*` with hash reads only. `agent:*` also covers every agent's heartbeat (a string
 * its owner writes): no command of the selector reads a string, and the user's own rules cover its
 * own heartbeat only, so no agent reads another's.
 */
export function agentRecordReadRule(keys: MasKeySpace = MasKeys): string {
  return `(%R~${keys.agentKeysPattern} ${RECORD_READ_COMMANDS.map((command) => `+${command}`).join(' ')})`;
}

/**
 * The one key an agent may append to without reading it: its own ingress stream
 * ({@link MasKeySpace.agentIngress}). Nothing shared: an ACL cannot restrict arguments, so a shared
 * stream an agent may XADD to is one it may also trim (`MAXLEN 0`) or close (the largest id) for
 * everyone. Its failed deliveries reach the dead-letter stream through this stream too (the gateway
 * writes the letter).
 */
export function agentWritableOnlyKeys(id: string, keys: MasKeySpace = MasKeys): string[] {
  return [keys.agentIngress(id)];
}

/**
 * The `ACL SETUSER` rules of agent `id`'s user, after `reset`: on, exactly {@link AGENT_COMMANDS},
 * read and write on {@link ownedKeys}, read only on {@link agentReadablePatterns}, registry records
 * by {@link agentRecordReadRule}, its own channel, and a selector granting XADD alone on its ingress
 * stream ({@link agentWritableOnlyKeys}: no DEL, SET or XGROUP there, so the stream stays one the
 * gateway can read). The password comes separately.
 */
export function agentAclRules(id: string, keys: MasKeySpace = MasKeys): string[] {
  assertProvisionableId(id);
  return [
    'reset',
    'on',
    ...AGENT_COMMANDS.map((command) => `+${command}`),
    ...ownedKeys(id, keys).map((key) => `~${key}`),
    ...agentReadablePatterns(keys).map((pattern) => `%R~${pattern}`),
    `&${keys.agentChannel(id)}`,
    `(${agentWritableOnlyKeys(id, keys).map((key) => `%W~${key}`).join(' ')} +xadd)`,
    agentRecordReadRule(keys),
  ];
}

/** Commands of the service users: everything but administration, scripts management and keyspace-wide commands. */
const SERVICE_COMMANDS = ['+@all', '-@admin', '-@dangerous', '-script', '-function', '+info', '+client|setname', '+client|getname', '+client|id'];

/** Key and channel patterns of each service. */
const SERVICE_PATTERNS: Record<MasService, (keys: MasKeySpace) => string[]> = {
  gateway: (keys) => [
    `~${keys.gatewayIngressPattern}`, `~${keys.agentIngressPattern}`, `%R~${keys.provisionedAgents}`, `~${keys.inbox('*')}`, `~${keys.agentKeysPattern}`, `~${keys.capability('*')}`, `~${keys.allAgents}`,
    `~${keys.replicas('*')}`, `~${keys.inboxLimits('*')}`,
    // Read only. `role:{*}` does not cover `role:{name}:permissions` in the cluster style: both patterns.
    `%R~${keys.provisionGrant('*')}`, `%R~${keys.role('*')}`, `%R~${keys.rolePermissions('*')}`, `%R~${keys.revokedTokens('*')}`, `%R~${keys.secretPattern}`,
    `~${keys.nonce('*', '*')}`, `~${keys.rateLimit('*', '*')}`, `~${keys.circuit('*')}`, `~${keys.deadLetters}`,
    `~${keys.audit}`, `~${keys.auditHead}`, `~${keys.auditBySender('*')}`, `~${keys.auditByTarget('*')}`, `~${keys.securityEvents}`,
    `~${keys.priorityQueue('*', '*')}`, `~${keys.priorityQueueTargets}`,
    `~${keys.gatewayDefaultRole}`, `~${keys.gatewayPublicKeys}`, `~${keys.gatewayAwaitingReply('*', '*')}`,
    `~${keys.auditCheckpoints}`, `~${keys.auditBase}`, `~${keys.auditKeyId}`, `~${keys.auditRetentionLease}`,
    `~${keys.auditUnauthenticated('*', '*')}`, `~${keys.epochPattern}`,
    `&${keys.agentChannel('*')}`, `&${keys.systemChannel}`,
  ],
  // What the registry app touches (apps/registry): records and heartbeats (`agent:*`; the sweep
  // writes `status`), the capability index, its own index and leases, the boot marker; reads the
  // audit trail and the dead letters for the dashboard; `mas.system` and the expired-key events.
  // Nothing else: no inbox, state, replicas, limits or agent channel (it never routes messages).
  registry: (keys) => [
    `~${keys.agentKeysPattern}`, `~${keys.capability('*')}`, `~${keys.allAgents}`, `~${keys.registryIndexed}`, `~${keys.registryLease('*')}`,
    `%R~${keys.deadLetters}`, `%R~${keys.audit}`, `~${keys.epochPattern}`,
    `&${keys.systemChannel}`, ...Array.from({ length: 16 }, (_, db) => `&${keys.expiredKeyEvents(db)}`),
  ],
};

/** The `ACL SETUSER` rules of a service's user, after `reset` (the password comes separately). */
export function serviceAclRules(service: MasService, keys: MasKeySpace = MasKeys): string[] {
  return ['reset', 'on', ...SERVICE_COMMANDS, ...SERVICE_PATTERNS[service](keys)];
}
