import { MasConnection } from '../redis/mas-connection';
import type { AgentRecord } from '../registry/agent-record.interfaces';
import { recordFromFields } from '../registry/record-codec';
import { DISCOVER_SCRIPT } from '../registry/registry.scripts';

type DiscoverRow = [string, string, string, string, string];

/**
 * Capability discovery through the index (`mas:cap:{capability}` sets): cost grows with the
 * number of matches, not with the keyspace. Only ACTIVE agents are returned.
 */
export class AgentDirectory {
  constructor(private readonly connection: MasConnection) {}

  /**
   * Agents having ANY of `capabilities`; every ACTIVE agent when none are given.
   * One round trip on one server (a Lua script reads the index and the matching hashes). On a
   * cluster, where each set and each agent has a slot of its own, the sets are read first, then the
   * records (ioredis pipelines them per node).
   */
  async discover(capabilities: string[] = []): Promise<AgentRecord[]> {
    const keys = capabilities.length
      ? [...new Set(capabilities)].map((capability) => this.connection.keys.capability(capability))
      : [this.connection.keys.allAgents];
    const rows = this.connection.isCluster
      ? await this.discoverAcrossSlots(keys)
      : await DISCOVER_SCRIPT.runReadOnly<DiscoverRow[]>(this.connection.command, keys, [this.connection.keys.templates.agent]);
    return rows.map(([id, caps, metadata, registeredAt, status]) =>
      recordFromFields(id, { capabilities: caps, metadata, registered_at: registeredAt, status }),
    );
  }

  private async discoverAcrossSlots(sets: string[]): Promise<DiscoverRow[]> {
    const { command, keys } = this.connection;
    const ids = [...new Set((await Promise.all(sets.map((set) => command.smembers(set)))).flat())];
    const fields = await Promise.all(ids.map((id) => command.hmget(keys.agent(id), 'status', 'capabilities', 'metadata', 'registered_at')));
    const rows: DiscoverRow[] = [];
    ids.forEach((id, i) => {
      const [status, capabilities, metadata, registeredAt] = fields[i];
      if (status === 'ACTIVE') rows.push([id, capabilities ?? '[]', metadata ?? '{}', registeredAt ?? '0', status]);
    });
    return rows;
  }
}
