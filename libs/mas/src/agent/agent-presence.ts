import type { MasLogger } from '../util/mas-logger';
import { DuplicateAgentError } from '../errors';
import type { AgentRegistry, AgentTrafficSample } from '../registry/agent-registry';
import type { RegisterAgentInput } from '../registry/agent-record.interfaces';
import { HeartbeatLoop } from './heartbeat-loop';

/**
 * An agent's presence in the registry: registration, the heartbeat loop (which registers again by
 * itself when Redis lost the registration, e.g. after a restart without persistence) and
 * deregistration.
 */
export class AgentPresence extends HeartbeatLoop {
  private token?: string;

  constructor(
    private readonly registry: AgentRegistry,
    private readonly input: Omit<RegisterAgentInput, 'token'>,
    intervalMs: number,
    logger: MasLogger,
    private readonly sample: () => AgentTrafficSample = () => ({ sent: 0, received: 0, errors: 0, at: Date.now() }),
  ) {
    super(intervalMs, logger);
  }

  protected get isRegistered(): boolean {
    return !!this.token;
  }

  /** The registry token, while registered. */
  get registrationToken(): string | undefined {
    return this.token;
  }

  /**
   * Fails fast, before the agent subscribes, when a live agent holds the id (the registration
   * script checks again atomically). Reliable agents may join as replicas, so they skip it.
   */
  async assertAvailable(): Promise<void> {
    if (this.input.replace || this.input.delivery === 'reliable') return;
    if (await this.registry.isAlive(this.input.id)) throw new DuplicateAgentError(this.input.id);
  }

  /** Registers and starts heartbeating. */
  async register(): Promise<void> {
    const registration = await this.registry.register(this.input);
    this.token = registration.token;
    if (registration.joinedAsReplica) this.logger.log('Joined the live agent of this id as a replica');
    this.startHeartbeat();
  }

  /** Refreshes the heartbeat; registers again when the registration is gone. */
  protected async beatOnce(): Promise<void> {
    if (!this.token) return;
    const result = await this.registry.heartbeat(this.input.id, this.token, this.input.replicaId, this.sample());
    if (result === 'missing') {
      this.logger.warn?.('Registration missing (Redis restarted or flushed?): registering again');
      await this.registry.register({ ...this.input, token: this.token, replace: true });
    } else if (result === 'replaced') {
      this.logger.error(`Another process took the id "${this.input.id}" over; heartbeat stopped`);
      this.stopHeartbeat();
      this.token = undefined;
    }
  }

  /** Stops heartbeating and removes the registration (if still ours and no replica is left). */
  async deregister(): Promise<void> {
    this.stopHeartbeat();
    const token = this.token;
    this.token = undefined;
    if (!token) return;
    try {
      await this.registry.deregister(this.input.id, token, this.input.replicaId);
    } catch (error) {
      this.logger.warn?.(`Could not deregister: ${(error as Error).message}`);
    }
  }
}
