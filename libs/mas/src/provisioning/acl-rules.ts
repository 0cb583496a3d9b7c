import { MasKeys } from '../redis/keys';
import { assertProvisionableId } from './agent-id';

/** The MAS services that run as users of their own (`mas provision --service <name>`). */
export type MasService = 'gateway' | 'registry';

/** Every service `mas provision --service` knows. */
export const MAS_SERVICES: readonly MasService[] = ['gateway', 'registry'];

/** Commands every MAS client needs to connect: ioredis's ready check (INFO), client names, SELECT. */
const CONNECTION_COMMANDS = ['ping', 'echo', 'info', 'select', 'quit', 'client|setname', 'client|getname', 'client|id'];

/**
 * Commands a provisioned agent may run (on its permitted keys only). Deliberately absent: ACL,
 * CONFIG, FLUSHALL/FLUSHDB, KEYS, SCAN, SCRIPT, FUNCTION, DEBUG, MONITOR, CLIENT KILL, PUBLISH.
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
  'eval', 'evalsha', 'eval_ro', 'evalsha_ro', 'multi', 'exec', 'discard', 'watch', 'unwatch',
  // its own channel
  'subscribe', 'unsubscribe', 'pubsub|numsub',
];

/** The keys an agent owns (read and write): inbox, state, heartbeat, replicas, completed ids, limits. */
export function ownedKeys(id: string): string[] {
  return [MasKeys.inbox(id), MasKeys.state(id), MasKeys.heartbeat(id), MasKeys.replicas(id), MasKeys.completed(id), MasKeys.inboxLimits(id)];
}

/**
 * Patterns every agent may read: registry records (no secrets in them: tokens and HMAC keys of
 * gateway-mode agents live under `MasKeys.secretPattern`, which none of these covers), the
 * capability index, declared limits, the boot marker, the gateways' public keys.
 */
export function agentReadablePatterns(): string[] {
  return [MasKeys.agent('*'), MasKeys.capability('*'), MasKeys.allAgents, MasKeys.inboxLimits('*'), MasKeys.epoch, MasKeys.gatewayPublicKeys];
}

/** Keys every agent may append to without reading them: the gateway's ingress, the dead-letter stream. */
export function agentWritableOnlyKeys(): string[] {
  return [MasKeys.gatewayIngress, MasKeys.deadLetters];
}

/**
 * The `ACL SETUSER` rules of agent `id`'s user, after `reset`: on, exactly {@link AGENT_COMMANDS},
 * read and write on {@link ownedKeys}, write only on the ingress and the dead letters, read only on
 * {@link agentReadablePatterns}, and its own channel. The password comes separately.
 */
export function agentAclRules(id: string): string[] {
  assertProvisionableId(id);
  return [
    'reset',
    'on',
    ...AGENT_COMMANDS.map((command) => `+${command}`),
    ...ownedKeys(id).map((key) => `~${key}`),
    ...agentWritableOnlyKeys().map((key) => `%W~${key}`),
    ...agentReadablePatterns().map((pattern) => `%R~${pattern}`),
    `&${MasKeys.agentChannel(id)}`,
  ];
}

/** Commands of the service users: everything but administration, scripts management and keyspace-wide commands. */
const SERVICE_COMMANDS = ['+@all', '-@admin', '-@dangerous', '-script', '-function', '+info', '+client|setname', '+client|getname', '+client|id'];

/** Key and channel patterns of each service. */
const SERVICE_PATTERNS: Record<MasService, () => string[]> = {
  gateway: () => [
    `~${MasKeys.gatewayIngress}`, `~${MasKeys.inbox('*')}`, `~${MasKeys.agent('*')}`, `~${MasKeys.capability('*')}`, `~${MasKeys.allAgents}`,
    `~${MasKeys.replicas('*')}`, `~${MasKeys.inboxLimits('*')}`, `%R~${MasKeys.provisionGrant('*')}`, `%R~${MasKeys.role('*')}`, `%R~${MasKeys.revokedTokens('*')}`, `%R~${MasKeys.secretPattern}`,
    `~${MasKeys.nonce('*', '*')}`, `~${MasKeys.rateLimit('*', '*')}`, `~${MasKeys.circuit('*')}`, `~${MasKeys.deadLetters}`,
    `~${MasKeys.audit}`, `~${MasKeys.auditHead}`, `~${MasKeys.auditBySender('*')}`, `~${MasKeys.auditByTarget('*')}`, `~${MasKeys.securityEvents}`,
    `~${MasKeys.priorityQueue('*', '*')}`, `~${MasKeys.priorityQueueTargets}`,
    `~${MasKeys.gatewayDefaultRole}`, `~${MasKeys.gatewayPublicKeys}`, `~${MasKeys.gatewayAwaitingReply('*', '*')}`,
    `~${MasKeys.auditCheckpoints}`, `~${MasKeys.auditBase}`, `~${MasKeys.auditKeyId}`, `~${MasKeys.auditRetentionLease}`,
    `~${MasKeys.auditUnauthenticated('*', 0).replace(/0$/, '*')}`, `~${MasKeys.epoch}`,
    `&${MasKeys.agentChannel('*')}`, `&${MasKeys.systemChannel}`,
  ],
  // What the registry app touches (apps/registry): records and heartbeats (`agent:*`; the sweep
  // writes `status`), the capability index, its own index and leases, the boot marker; reads the
  // audit trail and the dead letters for the dashboard; `mas.system` and the expired-key events.
  // Nothing else: no inbox, state, replicas, limits or agent channel (it never routes messages).
  registry: () => [
    `~${MasKeys.agent('*')}`, `~${MasKeys.capability('*')}`, `~${MasKeys.allAgents}`, `~${MasKeys.registryIndexed}`, `~${MasKeys.registryLease('*')}`,
    `%R~${MasKeys.deadLetters}`, `%R~${MasKeys.audit}`, `~${MasKeys.epoch}`,
    `&${MasKeys.systemChannel}`, ...Array.from({ length: 16 }, (_, db) => `&${MasKeys.expiredKeyEvents(db)}`),
  ],
};

/** The `ACL SETUSER` rules of a service's user, after `reset` (the password comes separately). */
export function serviceAclRules(service: MasService): string[] {
  return ['reset', 'on', ...SERVICE_COMMANDS, ...SERVICE_PATTERNS[service]()];
}
