import type { AgentStatus } from '../redis/keys';

/** An agent as the registry hash `agent:{id}` describes it (camelCase view). */
export interface AgentRecord {
  id: string;
  capabilities: string[];
  metadata: Record<string, unknown>;
  status: AgentStatus;
  /** Epoch seconds. */
  registeredAt: number;
}

/** A full registry record, including its token (never expose it over HTTP). */
export interface AgentRegistration extends AgentRecord {
  token: string;
  /** True when this process joined a live reliable agent as one more replica. */
  joinedAsReplica?: boolean;
}

/** What an agent registers. */
export interface RegisterAgentInput {
  id: string;
  capabilities: string[];
  metadata?: Record<string, unknown>;
  /** Token to keep (re-registration after a Redis restart); a fresh one is generated otherwise. */
  token?: string;
  /** Take the id over even when another live agent holds it. */
  replace?: boolean;
  /** Delivery mode; live `reliable` agents accept replicas of the same id. Default `direct`. */
  delivery?: 'direct' | 'reliable';
  /** Identity of this process's replica (reliable agents), so replicas can come and go. */
  replicaId?: string;
  /**
   * Keep the token out of the record, in `mas:secret:token:{id}` (gateway mode: the token
   * authenticates at the gateway, and records are readable by every provisioned agent). Default
   * false: the token is a field of `agent:{id}`, as the Python wire has it (direct mode).
   */
  secretToken?: boolean;
}

/** Heartbeat timing. */
export interface HeartbeatTiming {
  /** How often an agent refreshes its heartbeat, in ms. */
  intervalMs: number;
  /** TTL of the heartbeat key, in ms. */
  ttlMs: number;
}

/** Outcome of a heartbeat. */
export type HeartbeatResult = 'refreshed' | 'missing' | 'replaced';
