import type { AgentView } from '../agents/dto/agent-view.dto';

/** An agent's traffic as the dashboard shows it: totals and rates from its heartbeat samples. */
export interface AgentTraffic {
  /** Messages sent since start (summed over the agent's replicas). */
  sent: number;
  /** Messages received since start (summed over the agent's replicas). */
  received: number;
  /** Handler failures since start (summed over the agent's replicas). */
  errors: number;
  /** Messages received per second; null until two samples were seen or once samples stop. */
  inPerSecond: number | null;
  /** Messages sent per second; null until two samples were seen or once samples stop. */
  outPerSecond: number | null;
  /** Handler failures per second; null like the other rates. */
  errorsPerSecond: number | null;
  /** Epoch ms of the newest sample. */
  sampledAt: number;
  /** Processes reporting samples (replicas of a reliable agent; 1 otherwise). */
  reporters: number;
  /** The peers it sends to most (from the per-peer counters of its heartbeat), busiest first. */
  peers: PeerTraffic[];
}

/** Messages one agent sent to one peer. */
export interface PeerTraffic {
  /** The peer's agent id. */
  id: string;
  /** Messages sent to it since start (summed over the replicas). */
  sent: number;
  /** Messages per second; null until two samples named the peer, or once samples stop. */
  perSecond: number | null;
}

/** One edge of the who-talks-to-whom graph: `from` sends to `to`. */
export interface DashboardLink {
  from: string;
  to: string;
  /** Messages sent since start. */
  sent: number;
  /** Messages per second (null: not known yet, or no longer). */
  perSecond: number | null;
}

/** One agent on the dashboard: the `GET /agents/:id` view plus its traffic. */
export interface DashboardAgent extends AgentView {
  /** Null when the agent never reported traffic counters (e.g. an agent of the Python implementation). */
  traffic: AgentTraffic | null;
}

/** One entry of the gateway's audit stream, as the dashboard lists it. */
export interface AuditTailEntry {
  id: string;
  /** Epoch ms. */
  at: number;
  decision: string;
  stage: string;
  reason: string;
  senderId: string;
  targetId: string;
  messageType: string;
}

/** One entry of the dead-letter stream (never the envelope: it may carry payload data). */
export interface DeadLetterEntry {
  id: string;
  /** Epoch ms. */
  at: number;
  agentId: string;
  senderId: string;
  reason: string;
  attempts: number;
  source: string;
}

/** What the gateway panel shows; read from Redis, so it works without the gateway's HTTP API. */
export interface GatewayActivity {
  /** The configured gateway URL and whether its `/health` answered OK (null: none configured). */
  endpoint: { url: string; healthy: boolean | null } | null;
  /** Decisions per second by decision name over the last `windowSeconds`. */
  decisionsPerSecond: Record<string, number>;
  /** Number of audit entries counted for the rates. */
  decisionsCounted: number;
  windowSeconds: number;
  /** Entries of `audit:messages`. */
  auditLength: number;
  /** The newest audit entries, newest first. */
  auditTail: AuditTailEntry[];
  /** Entries of `dlq:messages`. */
  deadLetterCount: number;
  /** The newest dead letters, newest first. */
  deadLetters: DeadLetterEntry[];
}

/** What the registry's connection has seen of Redis (losses the page must not hide). */
export interface RedisIncidents {
  /** Times Redis came back without its data (restart without persistence, flush, failover). */
  resets: number;
  /** When the last one was noticed (epoch ms), null when none. */
  lastResetAt: number | null;
  /** Times the registry's subscriber connection was lost (its pub/sub messages of that time are lost). */
  subscriberDrops: number;
}

/** What the page receives on every `GET /events` message. */
export interface DashboardSnapshot {
  /** Epoch ms the snapshot was taken. */
  at: number;
  /** Every indexed agent, sorted by id. */
  agents: DashboardAgent[];
  /** Null when no gateway is configured and its streams do not exist: the page hides the panel. */
  gateway: GatewayActivity | null;
  /** Redis data losses and subscriber drops seen by the registry since it started. */
  redis: RedisIncidents;
  /** Who talks to whom: one edge per (sender, peer) the senders reported, busiest first. */
  links: DashboardLink[];
}
