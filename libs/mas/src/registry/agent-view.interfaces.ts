import type { AgentStatus } from '../redis/keys';
import type { AgentRecord } from './agent-record.interfaces';

/**
 * An agent as readers see it (the registry's `GET /agents`, its dashboard, `mas agents`): its
 * registry hash `agent:{id}` without the token, plus what its heartbeat `agent:{id}:heartbeat` says.
 */
export interface AgentView extends AgentRecord {
  /** `direct` or `reliable`, when the registering agent wrote it (agents of this project do, Python ones do not). */
  delivery?: string;
  /** True while the heartbeat key exists. */
  alive: boolean;
  /** Last heartbeat, epoch seconds; null once the heartbeat key expired (or holds no number). */
  lastHeartbeatAt: number | null;
  /** Seconds since the last heartbeat (ms precision); null when {@link AgentView.lastHeartbeatAt} is. */
  secondsSinceHeartbeat: number | null;
}

/** What a listing of agent views filters on. */
export interface AgentViewFilter {
  /** Agents having ANY of these capabilities (none or empty: every agent). */
  capability?: readonly string[];
  /** Only agents with this status. */
  status?: AgentStatus;
}
