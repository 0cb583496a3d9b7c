import { Injectable } from '@nestjs/common';
import { AgentViewReader, MasConnection } from '@mas/core';
import { RegistrySettings } from '../config/registry.settings';
import type { AgentList, AgentView } from './dto/agent-view.dto';
import type { ListAgentsQuery } from './dto/list-agents.query';

/** Read side of the HTTP API: an {@link AgentViewReader} over the capability index, paged. */
@Injectable()
export class AgentsService {
  private readonly reader: AgentViewReader;

  constructor(connection: MasConnection, settings: RegistrySettings) {
    this.reader = new AgentViewReader(connection.command, connection.keys, { batchSize: settings.monitor.batchSize });
  }

  /** Indexed agents having ANY of the capabilities (all when none), filtered by status, sorted by id, paged. */
  async list(query: ListAgentsQuery): Promise<AgentList> {
    const views = await this.reader.listIndexed({ capability: query.capability, status: query.status });
    return {
      total: views.length,
      offset: query.offset,
      limit: query.limit,
      agents: views.slice(query.offset, query.offset + query.limit),
    };
  }

  /** One agent, or undefined when it has no registry hash. */
  get(id: string): Promise<AgentView | undefined> {
    return this.reader.get(id);
  }
}
