import calculateSlot from 'cluster-key-slot';

/**
 * Every Redis key and channel MAS uses, in one place: the {@link MasKeySpace} of a connection.
 * Names marked "wire" are shared with the Python mas-framework 0.3 in the default key space
 * ({@link MasKeys}: flat style, no namespace) and must not change there.
 */

/**
 * How the names of one agent are laid out.
 * - `flat`: today's names (`agent:alice`, `agent.state:alice`...), the Python wire; the default.
 * - `cluster`: the agent id in a hash tag (`agent:{alice}`, `agent.state:{alice}`...), so that every
 *   key and channel of one agent lands in the same Redis Cluster hash slot; each global key
 *   (`mas:agents`, a capability set, the ingress...) hashes on its own name, in a slot of its own.
 */
export type MasKeyStyle = 'flat' | 'cluster';

/** What a {@link MasKeySpace} is made of. */
export interface MasKeySpaceOptions {
  /** Key style (default `flat`). */
  style?: MasKeyStyle;
  /**
   * Prefix scoping every key and channel (`<namespace>:agent:alice`, `<namespace>:mas.system`), so that
   * several apps, test runs or tenants share one Redis without seeing each other. Default: none (the
   * names of the wire). Letters, digits and `_ . : -`; it may not hold a hash tag or a glob character,
   * nor an `agent`, `mas:cap` or `mas:limits` part: its names would then fall under the patterns agents
   * of another key space may read (`agent:*`...), its secrets among them.
   */
  namespace?: string;
}

const NAMESPACE_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
/**
 * Parts a namespace may not hold: the heads of the glob patterns agents read (`agent:*`,
 * `mas:cap:*`, `mas:limits:*`, under any other namespace or none).
 */
const NAMESPACE_RESERVED = /(^|:)(agent|mas:cap|mas:limits)(:|$)/;

/** Marks where a name goes in a {@link MasKeySpace.templates key template} handed to a Lua script. */
export const KEY_TEMPLATE_MARK = '*';

/** Ingress streams of the gateway in the cluster key style (see {@link MasKeySpace.gatewayIngressStreams}). */
export const CLUSTER_INGRESS_SHARDS = 16;

/**
 * Every key and channel name of MAS for one key style and namespace. A connection carries one
 * ({@link MasConnection.keys}); every component builds its names from it, never by hand. The members
 * are bound functions and strings: `keys.agent` may be passed around as is.
 */
export class MasKeySpace {
  /** Key style of these names. */
  readonly style: MasKeyStyle;
  /** Namespace of these names, or undefined for none. */
  readonly namespace: string | undefined;
  /** Prefix every name starts with: `<namespace>:`, or '' without a namespace. */
  readonly prefix: string;

  /** wire: pub/sub channel for REGISTER / DEREGISTER events. */
  readonly systemChannel: string;
  /** ours: set of every agent id registered through the index (discovery with no capability). */
  readonly allAgents: string;
  /** ours (registry app): hash id → capabilities JSON it put in the index, to take them out again. */
  readonly registryIndexed: string;
  /** SCAN pattern of agent registry hashes; filter by TYPE hash (and {@link agentIdFromRecord}). */
  readonly agentScanPattern: string;
  /** Glob matching every key of every agent under `agent:` (record, heartbeat, gateway keys), for ACL rules. */
  readonly agentKeysPattern: string;
  /** ours: boot marker (random string) that tells a Redis that came back without its data. */
  readonly epoch: string;
  /**
   * Glob of every boot marker (for ACL rules): {@link epoch} in the flat style; in the cluster style
   * one marker per master ({@link epochMarker}), since each master can lose its data on its own.
   */
  readonly epochPattern: string;
  /** ours: consumer group every agent reads its inbox with (replicas share it); a group name, not a key. */
  readonly inboxGroup = 'mas';
  /** ours: field of an inbox / ingress stream entry holding the JSON envelope. */
  readonly envelopeField = 'envelope';
  /** ours: dead-letter stream (messages that could not be handled or delivered). */
  readonly deadLetters: string;
  /**
   * ours: the gateway's ingress stream (flat style: the only one; cluster style: shard 0 of
   * {@link gatewayIngressStreams}).
   */
  readonly gatewayIngress: string;
  /**
   * ours: every ingress stream of the gateway: one in the flat style; {@link CLUSTER_INGRESS_SHARDS}
   * in the cluster style (`mas.gateway.ingress:{0}` ... `:{15}`, each in a hash slot of its own, so
   * the ingress spreads over the masters). A sender writes to the one {@link gatewayIngressFor} names;
   * every gateway instance reads them all through the group.
   */
  readonly gatewayIngressStreams: readonly string[];
  /** Glob of the shared ingress streams ({@link gatewayIngressStreams}, for ACL rules). */
  readonly gatewayIngressPattern: string;
  /** Glob of every provisioned agent's own ingress stream ({@link agentIngress}, for ACL rules). */
  readonly agentIngressPattern: string;
  /** ours: consumer group gateway instances read the ingress with; a group name, not a key. */
  readonly gatewayGroup = 'mas-gateway';
  /**
   * gateway: the default role the gateway applies to agents without one and its built-in
   * permissions (JSON `{ role, permissions }`), published at start so `mas roles` can show them.
   */
  readonly gatewayDefaultRole: string;
  /** gateway: tamper-evident audit stream of every decision. */
  readonly audit: string;
  /** gateway: head of the audit hash chain (`{seq}:{hash}` of the last entry appended). */
  readonly auditHead: string;
  /** gateway: signed checkpoints `{seq, hash}` of the audit chain, written regularly and at each retention cut. */
  readonly auditCheckpoints: string;
  /** gateway: signed `{seq, hash}` of the last entry retention removed: where the retained chain starts. */
  readonly auditBase: string;
  /** gateway: fingerprint of the audit chain key (a second instance with another key refuses to start). */
  readonly auditKeyId: string;
  /** gateway: lease of the audit retention job (one instance trims at a time). */
  readonly auditRetentionLease: string;
  /** gateway: public keys of the gateways (hash key id → PEM), published at start. */
  readonly gatewayPublicKeys: string;
  /** gateway: security events (denials, violations). */
  readonly securityEvents: string;
  /** gateway: set of the targets that may have messages waiting in their priority queues. */
  readonly priorityQueueTargets: string;
  /** zero-trust: set of the ids provisioned (what `mas provision --from` and deprovision keep in step). */
  readonly provisionedAgents: string;
  /**
   * Pattern of every secret key ({@link signingKey}, {@link agentToken}): under no pattern an agent
   * user may read; the gateway's service user reads it. It matches in both styles.
   */
  readonly secretPattern: string;
  /**
   * Templates of the names Lua scripts build themselves: {@link KEY_TEMPLATE_MARK} stands for the
   * name (see `named()` in the scripts). `capability`: a capability set; `agent`: an agent hash.
   */
  readonly templates: { readonly capability: string; readonly agent: string };

  constructor(options: MasKeySpaceOptions = {}) {
    const style = options.style ?? 'flat';
    if (style !== 'flat' && style !== 'cluster') throw new Error(`Unknown key style '${String(style)}' (flat or cluster)`);
    if (options.namespace !== undefined && !NAMESPACE_SHAPE.test(options.namespace)) {
      throw new Error(`Invalid namespace '${options.namespace}': 1-64 letters, digits or _ . : - (starting with a letter or digit)`);
    }
    if (options.namespace !== undefined && NAMESPACE_RESERVED.test(options.namespace)) {
      throw new Error(`Invalid namespace '${options.namespace}': an 'agent', 'mas:cap' or 'mas:limits' part would put its keys under patterns agents of other namespaces read`);
    }
    this.style = style;
    this.namespace = options.namespace;
    this.prefix = options.namespace ? `${options.namespace}:` : '';
    const p = this.prefix;
    this.systemChannel = `${p}mas.system`;
    this.allAgents = `${p}mas:agents`;
    this.registryIndexed = `${p}mas:registry:indexed`;
    this.agentScanPattern = style === 'cluster' ? `${p}agent:{*}` : `${p}agent:*`;
    this.agentKeysPattern = style === 'cluster' ? `${p}agent:{*` : `${p}agent:*`;
    this.epoch = `${p}mas:epoch`;
    this.epochPattern = style === 'cluster' ? `${p}mas:epoch:{*}` : this.epoch;
    this.deadLetters = `${p}dlq:messages`;
    this.gatewayIngressStreams =
      style === 'cluster' ? Array.from({ length: CLUSTER_INGRESS_SHARDS }, (_, i) => `${p}mas.gateway.ingress:{${i}}`) : [`${p}mas.gateway.ingress`];
    this.gatewayIngress = this.gatewayIngressStreams[0];
    this.gatewayIngressPattern = style === 'cluster' ? `${p}mas.gateway.ingress:{*}` : this.gatewayIngress;
    this.agentIngressPattern = style === 'cluster' ? `${p}mas.gateway.ingress:{*}:*` : `${p}mas.gateway.ingress:*`;
    this.gatewayDefaultRole = `${p}mas:gateway:default_role`;
    this.audit = this.trail('messages');
    this.auditHead = this.trail('head');
    this.auditCheckpoints = this.trail('checkpoints');
    this.auditBase = this.trail('base');
    this.auditKeyId = this.trail('key_id');
    this.auditRetentionLease = this.trail('retention:lease');
    this.gatewayPublicKeys = `${p}mas:gateway:public_keys`;
    this.securityEvents = this.trail('security_events');
    this.priorityQueueTargets = `${p}priority_queue:targets`;
    this.provisionedAgents = `${p}mas:zt:agents`;
    this.secretPattern = `${p}mas:secret:*`;
    this.templates = { capability: this.capability(KEY_TEMPLATE_MARK), agent: this.agent(KEY_TEMPLATE_MARK) };
  }

  /** ours, cluster style: the boot marker hashed by `tag` (one chosen per master, in a slot it serves). */
  readonly epochMarker = (tag: string): string => `${this.prefix}mas:epoch:{${tag}}`;

  /** ours: the ingress stream `sender` writes to (by the hash slot of its id, so each sender keeps one stream and its order). */
  readonly gatewayIngressFor = (sender: string): string => this.gatewayIngressStreams[this.gatewayIngressShard(sender)];

  /** Index in {@link gatewayIngressStreams} of the shard `sender` writes to (by the hash slot of its id). */
  readonly gatewayIngressShard = (sender: string): number =>
    this.gatewayIngressStreams.length === 1 ? 0 : calculateSlot(sender) % this.gatewayIngressStreams.length;

  /**
   * zero-trust: the ingress stream of provisioned agent `id`, the only one its Redis user may append
   * to (XADD alone: the gateway reads it; trimming it or exhausting its ids harms no one else).
   * `mas.gateway.ingress:<id>`; in the cluster style `mas.gateway.ingress:{<shard>}:<id>`, in the hash
   * slot of the shared shard `id` would write to ({@link gatewayIngressShard}), so a gateway reads a
   * shard's agents in one XREADGROUP. Ids hold no `:` (provisioning refuses them), so no agent's
   * stream is another's or a shard's.
   */
  readonly agentIngress = (id: string): string =>
    this.style === 'cluster' ? `${this.prefix}mas.gateway.ingress:{${this.gatewayIngressShard(id)}}:${id}` : `${this.prefix}mas.gateway.ingress:${id}`;

  /** The id of the agent whose ingress stream `stream` is ({@link agentIngress}), or undefined for a shared one. */
  readonly agentIdFromIngress = (stream: string): string | undefined => {
    const head = `${this.prefix}mas.gateway.ingress:`;
    if (!stream.startsWith(head)) return undefined;
    const rest = stream.slice(head.length);
    if (this.style === 'flat') return nonEmpty(rest);
    const close = rest.indexOf('}:');
    return rest.startsWith('{') && close > 0 ? nonEmpty(rest.slice(close + 2)) : undefined;
  };

  /**
   * A key of the gateway's audit trail: `audit:<name>`, or `audit:{trail}:<name>` in the cluster style,
   * where every audit key (the chain, its head and checkpoints, the by-sender and by-target indexes, the
   * unauthenticated counters) shares one hash slot: an entry is appended to all of them in one script.
   */
  private trail(name: string): string {
    return this.style === 'cluster' ? `${this.prefix}audit:{trail}:${name}` : `${this.prefix}audit:${name}`;
  }

  /** `id` as it appears in names: in a hash tag in the cluster style (one slot per agent). */
  private readonly tag = (id: string): string => (this.style === 'cluster' ? `{${id}}` : id);

  /** wire: pub/sub channel an agent listens on. */
  readonly agentChannel = (id: string): string => `${this.prefix}agent.${this.tag(id)}`;
  /** wire: registry hash of an agent. */
  readonly agent = (id: string): string => `${this.prefix}agent:${this.tag(id)}`;
  /** wire: heartbeat string with a TTL. */
  readonly heartbeat = (id: string): string => `${this.prefix}agent:${this.tag(id)}:heartbeat`;
  /** wire: per-agent state hash. */
  readonly state = (id: string): string => `${this.prefix}agent.state:${this.tag(id)}`;
  /** ours: set of agent ids having a capability (each capability in a slot of its own in the cluster style). */
  readonly capability = (capability: string): string => `${this.prefix}mas:cap:${this.tag(capability)}`;
  /** ours (registry app): lease on a periodic task (`sweep`, `scan`) so one instance runs it. */
  readonly registryLease = (task: string): string => `${this.prefix}mas:registry:lease:${task}`;
  /** Redis keyevent channel of expired keys in database `db` (keyspace notifications, flags `Ex`); Redis names it, no namespace. */
  readonly expiredKeyEvents = (db: number): string => `__keyevent@${db}__:expired`;
  /** ours: at-least-once inbox stream of an agent. */
  readonly inbox = (id: string): string => `${this.prefix}agent.stream:${this.tag(id)}`;
  /**
   * ours: receive limits an agent declared at its start (hash: `max_message_bytes`,
   * `inbox_capacity`, `inbox_overflow`); kept after it stops, as its inbox is.
   */
  readonly inboxLimits = (id: string): string => `${this.prefix}mas:limits:${this.tag(id)}`;
  /** ours: sorted set of message ids an agent completed (score: ms), for duplicate detection. */
  readonly completed = (id: string): string => `${this.prefix}mas:done:${this.tag(id)}`;
  /** ours: sorted set of the live replicas of a reliable agent (score: last heartbeat ms). */
  readonly replicas = (id: string): string => `${this.prefix}mas:replicas:${this.tag(id)}`;
  /**
   * gateway, secret: HMAC-SHA256 signing key of an unprovisioned agent (hex), under {@link secretPattern}.
   * In the cluster style the id's hash tag puts it in the slot of `agent:{id}`.
   */
  readonly signingKey = (id: string): string => `${this.prefix}mas:secret:signing_key:${this.tag(id)}`;
  /**
   * gateway, secret: registry token of an unprovisioned gateway-mode agent, under {@link secretPattern};
   * direct-mode agents keep theirs in `agent:{id}` (the wire). The registration scripts touch it with
   * the record in one script: in the cluster style the id's hash tag puts both in one slot.
   */
  readonly agentToken = (id: string): string => `${this.prefix}mas:secret:token:${this.tag(id)}`;
  /** gateway: Ed25519 public key of an agent (PEM); the private key never leaves the agent. */
  readonly publicKey = (id: string): string => `${this.prefix}agent:${this.tag(id)}:public_key`;
  /** gateway: ACL allow list (set of target ids or patterns with `*`). */
  readonly allowedTargets = (id: string): string => `${this.prefix}agent:${this.tag(id)}:allowed_targets`;
  /** gateway: ACL block list (set of target ids or patterns with `*`). */
  readonly blockedTargets = (id: string): string => `${this.prefix}agent:${this.tag(id)}:blocked_targets`;
  /** gateway: roles of an agent (set). */
  readonly agentRoles = (id: string): string => `${this.prefix}agent:${this.tag(id)}:roles`;
  /** gateway: role description hash. */
  readonly role = (name: string): string => `${this.prefix}role:${this.tag(name)}`;
  /** gateway: permissions of a role (set, e.g. `send:agent.*`). */
  readonly rolePermissions = (name: string): string => `${this.prefix}role:${this.tag(name)}:permissions`;
  /** gateway: revoked tokens of an agent (set). */
  readonly revokedTokens = (id: string): string => `${this.prefix}revoked_tokens:${this.tag(id)}`;
  /** gateway: rate-limit counters of an agent (`window` is e.g. `minute:<n>`). */
  readonly rateLimit = (id: string, window: string): string => `${this.prefix}ratelimit:${this.tag(id)}:${window}`;
  /** gateway: circuit breaker state of a target (hash). */
  readonly circuit = (target: string): string => `${this.prefix}circuit:${this.tag(target)}`;
  /** gateway: used nonces of an agent (replay protection). */
  readonly nonce = (id: string, nonce: string): string => `${this.prefix}mas:nonce:${this.tag(id)}:${nonce}`;
  /** gateway: unauthenticated entries audited for a claimed sender in one minute window (rate limit). */
  readonly auditUnauthenticated = (claimedSender: string, window: number | '*'): string =>
    this.trail(`unauthenticated:${claimedSender}:${window}`);
  /** gateway: a request it routed, awaiting its reply (string: the replier's id, with a TTL). */
  readonly gatewayAwaitingReply = (requester: string, correlationId: string): string =>
    `${this.prefix}mas:gateway:awaiting_reply:${this.tag(requester)}:${correlationId}`;
  /** gateway: audit entries by sender. */
  readonly auditBySender = (id: string): string => this.trail(`by_sender:${id}`);
  /** gateway: audit entries by target. */
  readonly auditByTarget = (id: string): string => this.trail(`by_target:${id}`);
  /** gateway: per-target priority queue. */
  readonly priorityQueue = (target: string, priority: string): string => `${this.prefix}priority_queue:${this.tag(target)}:${priority}`;
  /** gateway: the queued messages of a target's priority queues by reference (hash: reference → message), in their hash slot. */
  readonly priorityQueueBodies = (target: string): string => `${this.prefix}priority_queue:${this.tag(target)}:bodies`;
  /** zero-trust: what an agent was provisioned with (hash: `capabilities`, `roles`, `provisioned_at`); only services read it. */
  readonly provisionGrant = (id: string): string => `${this.prefix}mas:zt:grant:${this.tag(id)}`;
  /**
   * zero-trust: Redis ACL user of a provisioned agent (not a key: the name `ACL SETUSER` is given).
   * Users are server-wide, so a namespace goes in the name too (`mas-agent.<namespace>.<id>`, its `:` as `.`:
   * a user name travels in the userinfo of a URL).
   */
  readonly aclAgentUser = (id: string): string => `mas-agent.${this.userScope}${id}`;
  /** zero-trust: Redis ACL user of a MAS service (`gateway`, `registry`); `mas-<namespace>.<service>` with a namespace. */
  readonly aclServiceUser = (service: string): string => `mas-${this.userScope}${service}`;

  /** `<namespace>.` for ACL user names ('' without a namespace). */
  private get userScope(): string {
    return this.namespace ? `${this.namespace.replace(/:/g, '.')}.` : '';
  }

  /** Parses the id out of a registry hash key (`agent:alice`, `agent:{alice}` in the cluster style), or returns undefined. */
  readonly agentIdFromRecord = (key: string): string | undefined => {
    const head = `${this.prefix}agent:`;
    if (!key.startsWith(head)) return undefined;
    if (this.style === 'flat') return key.endsWith(':heartbeat') ? undefined : nonEmpty(key.slice(head.length));
    return this.untag(key.slice(head.length));
  };

  /** Parses the id out of a heartbeat key, or returns undefined. */
  readonly agentIdFromHeartbeat = (key: string): string | undefined => {
    const head = `${this.prefix}agent:`;
    const tail = ':heartbeat';
    if (!key.startsWith(head) || !key.endsWith(tail)) return undefined;
    const middle = key.slice(head.length, -tail.length);
    return this.style === 'flat' ? nonEmpty(middle) : this.untag(middle);
  };

  /** Parses the id out of an agent channel name, or returns undefined. */
  readonly agentIdFromChannel = (channel: string): string | undefined => {
    const head = `${this.prefix}agent.`;
    if (!channel.startsWith(head)) return undefined;
    const rest = channel.slice(head.length);
    return this.style === 'flat' ? rest : this.untag(rest);
  };

  /** `{id}` → `id` (cluster style), undefined when `text` is not one hash-tagged id. */
  private untag(text: string): string | undefined {
    if (text.length < 3 || !text.startsWith('{') || !text.endsWith('}')) return undefined;
    return text.slice(1, -1);
  }
}

function nonEmpty(id: string): string | undefined {
  return id.length > 0 ? id : undefined;
}

/**
 * The default key space: flat names, no namespace — the wire shared with the Python
 * mas-framework. Components use the key space of their connection ({@link MasConnection.keys});
 * this one is for code that only ever speaks the default names (interop, tests of the wire).
 */
export const MasKeys: MasKeySpace = new MasKeySpace();

/** Agent status values stored in the registry hash (wire). */
export type AgentStatus = 'ACTIVE' | 'INACTIVE';
