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
  /** ours: at-least-once inbox stream of an agent. */
  inbox: (id: string): string => `agent.stream:${id}`,
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
