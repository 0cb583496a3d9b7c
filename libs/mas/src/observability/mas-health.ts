import type { Agent } from '../agent/agent';
import type { MasConnection } from '../redis/mas-connection';
import { DEFAULT_HEARTBEAT } from '../registry/agent-registry';
import { readInboxInfo } from './inbox-info';

/** Thresholds of {@link checkMasHealth} (and of the Nest face's `MasHealthIndicator.isHealthy`). */
export interface MasHealthOptions {
  /** Largest acceptable inbox lag (entries not yet read) of a reliable agent (default 1 000). */
  maxInboxLag?: number;
  /** How long Redis may take to answer PING, and each read, in ms (default 1 000). */
  timeoutMs?: number;
}

/** One agent as the health check saw it. */
export interface AgentHealth {
  running: boolean;
  /** Seconds since its last heartbeat; null when it has none (expired, or never registered). */
  heartbeatAgeSeconds: number | null;
  /** Reliable agents: entries of its inbox not read yet (null: unknown). */
  inboxLag?: number | null;
}

/**
 * A Terminus health indicator result (`{ [key]: { status, ... } }`): `up`, or `down` with the
 * problems found. Terminus (≥ 11) treats a returned `down` as a failed check (503).
 */
export type MasHealthResult<Key extends string = string> = Record<
  Key,
  { status: 'up' | 'down'; redis: 'up' | 'down'; agents: Record<string, AgentHealth>; problems?: string[] }
>;

const DEFAULT_MAX_INBOX_LAG = 1_000;
const DEFAULT_TIMEOUT_MS = 1_000;

/**
 * Checks what MAS needs to work: Redis answers PING, every agent is running, its heartbeat is
 * fresher than its TTL, and a reliable agent's inbox lag is under `maxInboxLag`. For standalone
 * agents; `MasHealthIndicator` (`@mas/core/nest`) runs it for the agents of a Nest app.
 */
export async function checkMasHealth<Key extends string = 'mas'>(
  connection: MasConnection,
  agents: readonly Agent[],
  key: Key = 'mas' as Key,
  options: MasHealthOptions = {},
): Promise<MasHealthResult<Key>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxInboxLag = options.maxInboxLag ?? DEFAULT_MAX_INBOX_LAG;
  const problems: string[] = [];
  const redis = await within(connection.command.ping(), timeoutMs).then(
    () => 'up' as const,
    (error: unknown) => {
      problems.push(`Redis at ${connection.displayUrl} does not answer: ${(error as Error).message}`);
      return 'down' as const;
    },
  );
  const report: Record<string, AgentHealth> = {};
  for (const agent of agents) {
    const health: AgentHealth = { running: agent.isRunning, heartbeatAgeSeconds: null };
    report[agent.id] = health;
    if (!health.running) problems.push(`agent "${agent.id}" is not running`);
    if (redis === 'down') continue;
    try {
      if (agent.options.register !== false) {
        const beat = await within(connection.command.get(connection.keys.heartbeat(agent.id)), timeoutMs);
        const ttlSeconds = (agent.options.heartbeatTtlMs ?? DEFAULT_HEARTBEAT.ttlMs) / 1000;
        health.heartbeatAgeSeconds = beat !== null && Number.isFinite(Number(beat)) ? Math.max(0, Date.now() / 1000 - Number(beat)) : null;
        if (health.heartbeatAgeSeconds === null || health.heartbeatAgeSeconds > ttlSeconds) problems.push(`agent "${agent.id}" has no fresh heartbeat`);
      }
      if (agent.delivery === 'reliable') {
        const inbox = await within(readInboxInfo(connection.command, agent.id, connection.keys), timeoutMs);
        health.inboxLag = inbox?.lag ?? null;
        if (inbox?.lag && inbox.lag > maxInboxLag) problems.push(`agent "${agent.id}" is ${inbox.lag} entries behind in its inbox (over ${maxInboxLag})`);
      }
    } catch (error) {
      problems.push(`agent "${agent.id}" could not be checked: ${(error as Error).message}`);
    }
  }
  const status = problems.length ? 'down' : 'up';
  return { [key]: { status, redis, agents: report, ...(problems.length ? { problems } : {}) } } as MasHealthResult<Key>;
}

/** Rejects when `promise` takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
