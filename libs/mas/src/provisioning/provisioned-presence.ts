import type { MasLogger } from '../util/mas-logger';
import type { AgentOutbox } from '../agent/agent-outbox';
import { GATEWAY_SENDER_ID } from '../gateway-client/gateway.constants';
import { HeartbeatLoop } from '../agent/heartbeat-loop';
import { execAll } from '../redis/exec-all';
import type { MasConnection } from '../redis/mas-connection';
import type { HeartbeatTiming } from '../registry/agent-record.interfaces';
import { DEREGISTER_REQUEST_TYPE, REGISTER_REQUEST_TYPE, RegistrationRequestData } from './registration.constants';

/** How long a stopping agent lets its deregistration request leave before it closes its connection. */
export const DEREGISTER_SEND_MS = 300;

/** Who a {@link ProvisionedPresence} registers. */
export interface ProvisionedPresenceInput {
  id: string;
  capabilities: string[];
  metadata?: Record<string, unknown>;
  /** Consumer name of this replica. */
  replicaId?: string;
}

/**
 * The presence of a provisioned (zero-trust) agent. Its Redis user may not write its own record, so
 * registration and deregistration are signed requests to the gateway, which writes them within the
 * capabilities granted at provisioning; the agent itself only refreshes its heartbeat and its replica
 * entry. A heartbeat that finds the registration gone or INACTIVE (Redis restarted, the registry
 * marked it) asks the gateway again. Same surface as `AgentPresence`.
 */
export class ProvisionedPresence extends HeartbeatLoop {
  private registered = false;

  constructor(
    private readonly connection: MasConnection,
    private readonly outbox: AgentOutbox,
    private readonly input: ProvisionedPresenceInput,
    private readonly timing: HeartbeatTiming,
    logger: MasLogger,
  ) {
    super(timing.intervalMs, logger);
  }

  protected get isRegistered(): boolean {
    return this.registered;
  }

  /** No registry token in zero-trust mode: the signature authenticates. */
  get registrationToken(): string {
    return '';
  }

  /** Nothing to check: only a process holding this id's credentials can start as it. */
  async assertAvailable(): Promise<void> {}

  /**
   * Asks the gateway to register this agent; resolves once it did.
   * @throws GatewayRejectedError when the gateway refuses (not provisioned, capability not granted, bad signature).
   */
  async register(): Promise<void> {
    await this.request();
    this.registered = true;
    this.startHeartbeat();
  }

  /** Refreshes the heartbeat; asks for registration again when it is gone or INACTIVE. */
  protected async beatOnce(): Promise<void> {
    if (!this.registered) return;
    const { id, replicaId } = this.input;
    const pipeline = this.connection.command.pipeline().set(this.connection.keys.heartbeat(id), (Date.now() / 1000).toString(), 'PX', this.timing.ttlMs);
    if (replicaId) pipeline.zadd(this.connection.keys.replicas(id), Date.now(), replicaId);
    pipeline.hget(this.connection.keys.agent(id), 'status');
    const [status] = (await execAll(pipeline)).slice(-1);
    if (status !== 'ACTIVE') {
      this.logger.warn?.(`Registration ${status ? String(status) : 'missing'}: asking the gateway to register again`);
      await this.request();
    }
  }

  /**
   * Stops heartbeating and asks the gateway to remove this replica (the registration goes with the
   * last). Does not wait for the decision — the agent's channel is already closed when it runs — only
   * (at most {@link DEREGISTER_SEND_MS}) for the request to leave.
   */
  async deregister(): Promise<void> {
    this.stopHeartbeat();
    if (!this.registered) return;
    this.registered = false;
    const sent = this.outbox
      .put({ senderId: this.input.id, targetId: GATEWAY_SENDER_ID, messageType: DEREGISTER_REQUEST_TYPE, data: { replica_id: this.input.replicaId ?? '' } })
      .catch((error: unknown) => this.logger.debug?.(`Deregistration: ${(error as Error).message}`));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([sent, new Promise((resolve) => (timer = setTimeout(resolve, DEREGISTER_SEND_MS)))]);
    clearTimeout(timer);
  }

  private async request(): Promise<void> {
    const data: RegistrationRequestData = { capabilities: this.input.capabilities, metadata: this.input.metadata ?? {}, replica_id: this.input.replicaId ?? '' };
    await this.outbox.put({ senderId: this.input.id, targetId: GATEWAY_SENDER_ID, messageType: REGISTER_REQUEST_TYPE, data: data as unknown as Record<string, unknown> });
  }
}
