import { randomBytes } from 'node:crypto';
import { DuplicateAgentError } from '../errors';
import { MasConnection } from '../redis/mas-connection';
import type {
  AgentRecord,
  AgentRegistration,
  HeartbeatResult,
  HeartbeatTiming,
  RegisterAgentInput,
} from './agent-record.interfaces';
import { CapabilityIndex } from './capability-index';
import { parseCapabilities, recordFromFields } from './record-codec';
import { DEREGISTER_SCRIPT, HEARTBEAT_SCRIPT, REGISTER_SCRIPT } from './registry.scripts';

/** Field of the `agent:{id}` hash holding the last {@link AgentTrafficSample} (`stats:{replica}` for replicas). */
export const STATS_FIELD = 'stats';

/** Traffic counters an agent writes with each heartbeat; rates come from two samples. */
export interface AgentTrafficSample {
  /** Messages sent since start. */
  sent: number;
  /** Messages received since start. */
  received: number;
  /** Handler failures since start. */
  errors: number;
  /** Epoch ms of the sample. */
  at: number;
  /** Messages sent to each of the busiest peers since start (at most 10; the dashboard's who-talks-to-whom graph). */
  peers?: Record<string, number>;
}

/** Default heartbeat timing of the wire contract: refresh every 30 s, TTL 60 s. */
export const DEFAULT_HEARTBEAT: HeartbeatTiming = { intervalMs: 30_000, ttlMs: 60_000 };

function nowSeconds(): string {
  return (Date.now() / 1000).toString();
}

/**
 * Registration, heartbeat and deregistration of agents in Redis: the `agent:{id}` hash, the
 * heartbeat key, the capability index and `mas.system` events. Each step is one atomic script.
 */
export class AgentRegistry {
  private readonly index: CapabilityIndex;

  constructor(
    private readonly connection: MasConnection,
    private readonly timing: HeartbeatTiming = DEFAULT_HEARTBEAT,
  ) {
    this.index = new CapabilityIndex(connection);
  }

  /**
   * Registers an agent and publishes REGISTER.
   * @throws DuplicateAgentError when a live agent holds the id and `replace` is not set.
   */
  async register(input: RegisterAgentInput): Promise<AgentRegistration> {
    const token = input.token ?? randomBytes(24).toString('hex');
    const registeredAt = nowSeconds();
    const metadata = input.metadata ?? {};
    const capabilities = [...new Set(input.capabilities)];
    const [outcome, heldToken, previous] = await REGISTER_SCRIPT.run<[number, string, string?]>(
      this.connection.command,
      this.index.scriptKeys(input.id, this.connection.keys.agentToken(input.id)),
      [
        input.id,
        JSON.stringify(capabilities),
        JSON.stringify(metadata),
        token,
        registeredAt,
        registeredAt,
        this.timing.ttlMs,
        input.replace ? '1' : '0',
        this.connection.keys.templates.capability,
        input.delivery ?? 'direct',
        input.replicaId ?? '',
        Date.now(),
        input.secretToken ? '1' : '0',
      ],
    );
    if (outcome === 0) throw new DuplicateAgentError(input.id);
    if (outcome === 1) await this.index.indexed(input.id, previous ?? '', capabilities);
    if (outcome === 1) await this.publishEvent({ type: 'REGISTER', agent_id: input.id, capabilities });
    return {
      id: input.id,
      capabilities,
      metadata,
      status: 'ACTIVE',
      registeredAt: Number(registeredAt),
      token: heldToken,
      joinedAsReplica: outcome === 2,
    };
  }

  /** Refreshes the heartbeat of an agent that still owns `token`. */
  async heartbeat(id: string, token: string, replicaId = '', stats?: AgentTrafficSample): Promise<HeartbeatResult> {
    const result = await HEARTBEAT_SCRIPT.run<number>(
      this.connection.command,
      [this.connection.keys.agent(id), this.connection.keys.heartbeat(id), this.connection.keys.replicas(id), this.connection.keys.agentToken(id)],
      [
        token,
        nowSeconds(),
        this.timing.ttlMs,
        replicaId,
        Date.now(),
        replicaId ? `${STATS_FIELD}:${replicaId}` : STATS_FIELD,
        stats ? JSON.stringify(stats) : '',
      ],
    );
    return result === 1 ? 'refreshed' : result === 0 ? 'missing' : 'replaced';
  }

  /**
   * Removes the registration if `token` still owns it and no other replica is alive, then
   * publishes DEREGISTER. State is kept. Returns true when the registration was removed.
   */
  async deregister(id: string, token: string, replicaId = ''): Promise<boolean> {
    const removed = await DEREGISTER_SCRIPT.run<number | string>(
      this.connection.command,
      this.index.scriptKeys(id, this.connection.keys.agentToken(id)),
      [id, token, this.connection.keys.templates.capability, replicaId, Date.now(), this.timing.ttlMs],
    );
    if (removed === 0) return false;
    await this.index.unindexed(id, String(removed));
    // The wire shape of mas.system events carries the capabilities on DEREGISTER too.
    await this.publishEvent({ type: 'DEREGISTER', agent_id: id, capabilities: parseCapabilities(String(removed)) });
    return true;
  }

  /** The record of `id` (capabilities, metadata, status; never its token), or undefined. */
  async get(id: string): Promise<AgentRecord | undefined> {
    const fields = await this.connection.command.hgetall(this.connection.keys.agent(id));
    return Object.keys(fields).length ? recordFromFields(id, fields) : undefined;
  }

  /** True while the heartbeat key of `id` exists. */
  async isAlive(id: string): Promise<boolean> {
    return (await this.connection.command.exists(this.connection.keys.heartbeat(id))) === 1;
  }

  private async publishEvent(event: { type: string; agent_id: string; capabilities?: string[] }): Promise<void> {
    await this.connection.publish(this.connection.keys.systemChannel, JSON.stringify(event));
  }
}
