import type { MasConnection } from '../redis/mas-connection';
import { parseCapabilities } from './record-codec';

/**
 * The capability index (`mas:cap:<capability>` sets) and the all-agents set around the
 * registration scripts. On one server the scripts update them atomically with the record (the
 * all-agents set is then their last key). On a cluster each set lives in a slot of its own, so
 * a script may only touch the agent's slot: the index is updated after it, one command per set.
 * A step that fails then leaves the index behind the record; the registry's sweep repairs it.
 */
export class CapabilityIndex {
  constructor(private readonly connection: MasConnection) {}

  /**
   * Keys of a registration script for `id`: agent hash, heartbeat, replicas, then `slotKeys` (other
   * keys of the agent's slot the script touches, e.g. its secret token), and the all-agents set on one server.
   */
  scriptKeys(id: string, ...slotKeys: string[]): string[] {
    const keys = this.connection.keys;
    const own = [keys.agent(id), keys.heartbeat(id), keys.replicas(id), ...slotKeys];
    return this.connection.isCluster ? own : [...own, keys.allAgents];
  }

  /** On a cluster: takes `id` out of the sets of `previous` (JSON list, '' for none) and puts it in the all-agents set and those of `capabilities`. */
  async indexed(id: string, previous: string, capabilities: string[]): Promise<void> {
    if (!this.connection.isCluster) return;
    const { command, keys } = this.connection;
    const stale = parseCapabilities(previous || '[]').filter((capability) => !capabilities.includes(capability));
    await Promise.all([
      command.sadd(keys.allAgents, id),
      ...capabilities.map((capability) => command.sadd(keys.capability(capability), id)),
      ...stale.map((capability) => command.srem(keys.capability(capability), id)),
    ]);
  }

  /** On a cluster: takes `id` out of the all-agents set and the sets of `capabilities` (JSON list). */
  async unindexed(id: string, capabilities: string): Promise<void> {
    if (!this.connection.isCluster) return;
    const { command, keys } = this.connection;
    await Promise.all([
      command.srem(keys.allAgents, id),
      ...parseCapabilities(capabilities).map((capability) => command.srem(keys.capability(capability), id)),
    ]);
  }
}
