import type { MasConnection } from '../redis/mas-connection';
import { DEFAULT_HEARTBEAT } from '../registry/agent-registry';
import type { HeartbeatTiming } from '../registry/agent-record.interfaces';
import { parseCapabilities } from '../registry/record-codec';
import { CapabilityNotGrantedError } from '../errors/provisioning.errors';
import type { AgentGrant } from './provisioning.interfaces';
import { PROVISIONED_DEREGISTER_SCRIPT, PROVISIONED_REGISTER_SCRIPT } from './provisioned-registry.scripts';
import type { RegistrationRequestData } from './registration.constants';

/**
 * The trusted side of a provisioned agent's registration (the gateway runs it on a verified, signed
 * request): reads the grant made at provisioning, refuses capabilities beyond it, writes the record
 * (wire fields, no token), the capability index and the REGISTER / DEREGISTER events.
 */
export class ProvisionedRegistrar {
  constructor(
    private readonly connection: MasConnection,
    private readonly timing: HeartbeatTiming = DEFAULT_HEARTBEAT,
  ) {}

  /** The grant of `id`, or undefined when it is not provisioned. */
  async grantOf(id: string): Promise<AgentGrant | undefined> {
    const fields = await this.connection.command.hgetall(this.connection.keys.provisionGrant(id));
    if (!fields.capabilities) return undefined;
    return { capabilities: parseCapabilities(fields.capabilities), roles: parseCapabilities(fields.roles) };
  }

  /**
   * Registers `id` (or joins its live registration as a replica) with the requested capabilities.
   * @throws CapabilityNotGrantedError when it asks for a capability it was not granted.
   */
  async register(id: string, grant: AgentGrant, request: RegistrationRequestData): Promise<'registered' | 'replica'> {
    const capabilities = [...new Set((request.capabilities ?? []).map(String))];
    const extra = capabilities.filter((capability) => !grant.capabilities.includes(capability));
    if (extra.length) throw new CapabilityNotGrantedError(id, extra);
    const now = Date.now();
    const metadata = request.metadata && typeof request.metadata === 'object' && !Array.isArray(request.metadata) ? request.metadata : {};
    const seconds = (now / 1000).toString();
    const outcome = await PROVISIONED_REGISTER_SCRIPT.run<number>(
      this.connection.command,
      [this.connection.keys.agent(id), this.connection.keys.heartbeat(id), this.connection.keys.allAgents, this.connection.keys.replicas(id)],
      [id, JSON.stringify(capabilities), JSON.stringify(metadata), seconds, seconds, this.timing.ttlMs, this.connection.keys.templates.capability, String(request.replica_id ?? ''), now],
    );
    if (outcome === 2) return 'replica';
    await this.publish('REGISTER', id, capabilities);
    return 'registered';
  }

  /** Removes replica `replicaId` of `id` ('' = all); the registration goes with the last one. */
  async deregister(id: string, replicaId = ''): Promise<boolean> {
    const removed = await PROVISIONED_DEREGISTER_SCRIPT.run<number | string>(
      this.connection.command,
      [this.connection.keys.agent(id), this.connection.keys.heartbeat(id), this.connection.keys.allAgents, this.connection.keys.replicas(id)],
      [id, this.connection.keys.templates.capability, replicaId, Date.now(), this.timing.ttlMs],
    );
    if (removed === 0) return false;
    await this.publish('DEREGISTER', id, parseCapabilities(String(removed)));
    return true;
  }

  private async publish(type: 'REGISTER' | 'DEREGISTER', id: string, capabilities: string[]): Promise<void> {
    await this.connection.command.publish(this.connection.keys.systemChannel, JSON.stringify({ type, agent_id: id, capabilities }));
  }
}
