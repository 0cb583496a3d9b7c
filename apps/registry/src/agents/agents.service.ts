import { Injectable } from '@nestjs/common';
import { MasConnection, MasKeys, recordFromFields } from '@mas/core';
import { RegistrySettings } from '../config/registry.settings';
import type { AgentList, AgentView } from './dto/agent-view.dto';
import type { ListAgentsQuery } from './dto/list-agents.query';

/** Read side of the HTTP API: the index gives the ids, each agent's hash and heartbeat the rest. */
@Injectable()
export class AgentsService {
  constructor(
    private readonly connection: MasConnection,
    private readonly settings: RegistrySettings,
  ) {}

  /** Indexed agents having ANY of the capabilities (all when none), filtered by status, sorted by id, paged. */
  async list(query: ListAgentsQuery): Promise<AgentList> {
    const command = this.connection.command;
    const ids = query.capability?.length
      ? await command.sunion(...query.capability.map((capability) => MasKeys.capability(capability)))
      : await command.smembers(MasKeys.allAgents);
    ids.sort();
    const views: AgentView[] = [];
    const batchSize = this.settings.monitor.batchSize;
    for (let start = 0; start < ids.length; start += batchSize) {
      for (const view of await this.read(ids.slice(start, start + batchSize))) {
        if (view && (!query.status || view.status === query.status)) views.push(view);
      }
    }
    return {
      total: views.length,
      offset: query.offset,
      limit: query.limit,
      agents: views.slice(query.offset, query.offset + query.limit),
    };
  }

  /** One agent, or undefined when it has no registry hash. */
  async get(id: string): Promise<AgentView | undefined> {
    const [view] = await this.read([id]);
    return view;
  }

  private async read(ids: string[]): Promise<Array<AgentView | undefined>> {
    const pipeline = this.connection.command.pipeline();
    for (const id of ids) pipeline.hgetall(MasKeys.agent(id)).get(MasKeys.heartbeat(id));
    const replies = (await pipeline.exec()) ?? [];
    const now = Date.now() / 1000;
    return ids.map((id, i) => {
      const [hashError, fields] = replies[2 * i] as [Error | null, Record<string, string>];
      const [, beat] = replies[2 * i + 1] as [Error | null, string | null];
      if (hashError) throw hashError;
      if (!fields || !Object.keys(fields).length) return undefined;
      const record = recordFromFields(id, fields);
      const lastHeartbeatAt = beat !== null && Number.isFinite(Number(beat)) ? Number(beat) : null;
      return {
        id: record.id,
        capabilities: record.capabilities,
        metadata: record.metadata,
        status: record.status,
        registeredAt: record.registeredAt,
        lastHeartbeatAt,
        secondsSinceHeartbeat: lastHeartbeatAt === null ? null : Math.max(0, Math.round((now - lastHeartbeatAt) * 1000) / 1000),
      };
    });
  }
}
