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
