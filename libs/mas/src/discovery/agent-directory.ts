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
   * One round trip (a Lua script reads the index and the matching hashes).
   */
  async discover(capabilities: string[] = []): Promise<AgentRecord[]> {
    const keys = capabilities.length
      ? [...new Set(capabilities)].map((capability) => this.connection.keys.capability(capability))
      : [this.connection.keys.allAgents];
    const rows = await DISCOVER_SCRIPT.runReadOnly<DiscoverRow[]>(this.connection.command, keys, [this.connection.keys.templates.agent]);
    return rows.map(([id, caps, metadata, registeredAt, status]) =>
      recordFromFields(id, { capabilities: caps, metadata, registered_at: registeredAt, status }),
    );
  }
}
