/**
 * Every Redis key and channel MAS uses, in one place. Names marked "wire" are shared with the
 * Python mas-framework 0.3 and must not change.
 */
export const MasKeys = {
  /** wire: pub/sub channel an agent listens on. */
  agentChannel: (id: string): string => `agent.${id}`,
  /** wire: pub/sub channel for REGISTER / DEREGISTER events. */
  systemChannel: 'mas.system',
  /** wire: registry hash of an agent. */
  agent: (id: string): string => `agent:${id}`,
  /** wire: heartbeat string with a TTL. */
  heartbeat: (id: string): string => `agent:${id}:heartbeat`,
  /** wire: per-agent state hash. */
  state: (id: string): string => `agent.state:${id}`,
  /** ours: set of agent ids having a capability. */
  capability: (capability: string): string => `mas:cap:${capability}`,
  /** Prefix of {@link MasKeys.capability}, for Lua scripts that build the names themselves. */
  capabilityPrefix: 'mas:cap:',
  /** Prefix of {@link MasKeys.agent}, for Lua scripts that build the names themselves. */
  agentPrefix: 'agent:',
  /** ours: set of every agent id registered through the index (discovery with no capability). */
  allAgents: 'mas:agents',
  /** ours (registry app): hash id → capabilities JSON it put in the index, to take them out again. */
  registryIndexed: 'mas:registry:indexed',
  /** ours (registry app): lease on a periodic task (`sweep`, `scan`) so one instance runs it. */
  registryLease: (task: string): string => `mas:registry:lease:${task}`,
  /** SCAN pattern of `agent:` keys; filter by TYPE hash to get registry hashes. */
  agentScanPattern: 'agent:*',
  /** Redis keyevent channel of expired keys in database `db` (keyspace notifications, flags `Ex`). */
  expiredKeyEvents: (db: number): string => `__keyevent@${db}__:expired`,
  /** Parses the id out of a registry hash key `agent:{id}`, or returns undefined. */
  agentIdFromRecord(key: string): string | undefined {
    if (!key.startsWith('agent:') || key.endsWith(':heartbeat')) return undefined;
    const id = key.slice('agent:'.length);
    return id.length > 0 ? id : undefined;
  },
  /** ours: boot marker (random string) that tells a Redis that came back without its data. */
  epoch: 'mas:epoch',
  /** ours: at-least-once inbox stream of an agent. */
  inbox: (id: string): string => `agent.stream:${id}`,
  /**
   * ours: receive limits an agent declared at its start (hash: `max_message_bytes`,
   * `inbox_capacity`, `inbox_overflow`); kept after it stops, as its inbox is.
   */
  inboxLimits: (id: string): string => `mas:limits:${id}`,
  /** ours: consumer group every agent reads its inbox with (replicas share it). */
  inboxGroup: 'mas',
  /** ours: field of an inbox / ingress stream entry holding the JSON envelope. */
  envelopeField: 'envelope',
  /** ours: dead-letter stream (messages that could not be handled or delivered). */
  deadLetters: 'dlq:messages',
  /** ours: sorted set of message ids an agent completed (score: ms), for duplicate detection. */
  completed: (id: string): string => `mas:done:${id}`,
  /** ours: sorted set of the live replicas of a reliable agent (score: last heartbeat ms). */
  replicas: (id: string): string => `mas:replicas:${id}`,
  /** ours: ingress stream of the gateway. */
  gatewayIngress: 'mas.gateway.ingress',
  /** ours: consumer group gateway instances read the ingress with. */
  gatewayGroup: 'mas-gateway',
  /** gateway, secret: HMAC-SHA256 signing key of an unprovisioned agent (hex), under {@link MasKeys.secretPattern}. */
  signingKey: (id: string): string => `mas:secret:signing_key:${id}`,
  /**
   * gateway, secret: registry token of an unprovisioned gateway-mode agent, under
   * {@link MasKeys.secretPattern}. Direct-mode agents keep theirs in `agent:{id}` (the wire).
   */
  agentToken: (id: string): string => `mas:secret:token:${id}`,
  /** Pattern of every secret key: no agent user may read it; the gateway's service user reads it. */
  secretPattern: 'mas:secret:*',
  /** gateway: Ed25519 public key of an agent (PEM); the private key never leaves the agent. */
  publicKey: (id: string): string => `agent:${id}:public_key`,
  /** gateway: ACL allow list (set of target ids or patterns with `*`). */
  allowedTargets: (id: string): string => `agent:${id}:allowed_targets`,
  /** gateway: ACL block list (set of target ids or patterns with `*`). */
  blockedTargets: (id: string): string => `agent:${id}:blocked_targets`,
  /** gateway: roles of an agent (set). */
  agentRoles: (id: string): string => `agent:${id}:roles`,
  /** gateway: role description hash. */
  role: (name: string): string => `role:${name}`,
  /** gateway: permissions of a role (set, e.g. `send:agent.*`). */
  rolePermissions: (name: string): string => `role:${name}:permissions`,
  /**
   * gateway: the default role the gateway applies to agents without one and its built-in
   * permissions (JSON `{ role, permissions }`), published at start so `mas roles` can show them.
   */
  gatewayDefaultRole: 'mas:gateway:default_role',
  /** gateway: revoked tokens of an agent (set). */
  revokedTokens: (id: string): string => `revoked_tokens:${id}`,
  /** gateway: rate-limit counters of an agent (`window` is e.g. `minute:<n>`). */
  rateLimit: (id: string, window: string): string => `ratelimit:${id}:${window}`,
  /** gateway: circuit breaker state of a target (hash). */
  circuit: (target: string): string => `circuit:${target}`,
  /** gateway: used nonces of an agent (replay protection). */
  nonce: (id: string, nonce: string): string => `mas:nonce:${id}:${nonce}`,
  /** gateway: tamper-evident audit stream of every decision. */
  audit: 'audit:messages',
  /** gateway: head of the audit hash chain (`{seq}:{hash}` of the last entry appended). */
  auditHead: 'audit:head',
  /** gateway: signed checkpoints `{seq, hash}` of the audit chain, written regularly and at each retention cut. */
  auditCheckpoints: 'audit:checkpoints',
  /** gateway: signed `{seq, hash}` of the last entry retention removed: where the retained chain starts. */
  auditBase: 'audit:base',
  /** gateway: fingerprint of the audit chain key (a second instance with another key refuses to start). */
  auditKeyId: 'audit:key_id',
  /** gateway: lease of the audit retention job (one instance trims at a time). */
  auditRetentionLease: 'audit:retention:lease',
  /** gateway: unauthenticated entries audited for a claimed sender in one minute window (rate limit). */
  auditUnauthenticated: (claimedSender: string, window: number): string => `audit:unauthenticated:${claimedSender}:${window}`,
  /** gateway: public keys of the gateways (hash key id → PEM), published at start. */
  gatewayPublicKeys: 'mas:gateway:public_keys',
  /** gateway: a request it routed, awaiting its reply (string: the replier's id, with a TTL). */
  gatewayAwaitingReply: (requester: string, correlationId: string): string => `mas:gateway:awaiting_reply:${requester}:${correlationId}`,
  /** gateway: audit entries by sender. */
  auditBySender: (id: string): string => `audit:by_sender:${id}`,
  /** gateway: audit entries by target. */
  auditByTarget: (id: string): string => `audit:by_target:${id}`,
  /** gateway: security events (denials, violations). */
  securityEvents: 'audit:security_events',
  /** gateway: per-target priority queue. */
  priorityQueue: (target: string, priority: string): string => `priority_queue:${target}:${priority}`,
  /** gateway: set of the targets that may have messages waiting in their priority queues. */
  priorityQueueTargets: 'priority_queue:targets',
  /** zero-trust: what an agent was provisioned with (hash: `capabilities`, `roles`, `provisioned_at`); only services read it. */
  provisionGrant: (id: string): string => `mas:zt:grant:${id}`,
  /** zero-trust: set of the ids provisioned (what `mas provision --from` and deprovision keep in step). */
  provisionedAgents: 'mas:zt:agents',
  /** zero-trust: Redis ACL user of a provisioned agent (not a key: the name `ACL SETUSER` is given). */
  aclAgentUser: (id: string): string => `mas-agent.${id}`,
  /** zero-trust: Redis ACL user of a MAS service (`gateway`, `registry`). */
  aclServiceUser: (service: string): string => `mas-${service}`,
  /** Parses the id out of a heartbeat key, or returns undefined. */
  agentIdFromHeartbeat(key: string): string | undefined {
    if (!key.startsWith('agent:') || !key.endsWith(':heartbeat')) return undefined;
    const id = key.slice('agent:'.length, -':heartbeat'.length);
    return id.length > 0 ? id : undefined;
  },
  /** Parses the id out of an agent channel name, or returns undefined. */
  agentIdFromChannel(channel: string): string | undefined {
    return channel.startsWith('agent.') ? channel.slice('agent.'.length) : undefined;
  },
} as const;

/** Agent status values stored in the registry hash (wire). */
export type AgentStatus = 'ACTIVE' | 'INACTIVE';
