import type { AgentView, AgentViewFilter } from '@mas/core';
import { NotFoundError } from '../cli.errors';
import { HttpApi } from './http-api';

/** Agents asked for per `GET /agents` page (the registry's maximum). */
const PAGE = 1000;

/** A page of `GET /agents`. */
interface AgentList {
  total: number;
  agents: AgentView[];
}

/**
 * Client of the registry app's HTTP API (`GET /agents`, `GET /agents/:id`): the agent views the
 * registry serves from its capability index, for `mas agents` / `mas agent` with `--registry-url`.
 */
export class RegistryApi extends HttpApi {
  constructor(baseUrl: string, timeoutMs?: number) {
    super({ name: 'the registry', code: 'REGISTRY', urlHint: '--registry-url or MAS_REGISTRY_URL' }, baseUrl, undefined, timeoutMs);
  }

  /** Every agent matching `filter` (ANY of the capabilities; the status), sorted by id, page by page. */
  async list(filter: AgentViewFilter = {}): Promise<AgentView[]> {
    const agents: AgentView[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.get<AgentList>('/agents', {
        capability: filter.capability?.length ? filter.capability.join(',') : undefined,
        status: filter.status,
        limit: PAGE,
        offset,
      });
      agents.push(...page.agents);
      if (page.agents.length < PAGE || offset + PAGE >= page.total) return agents;
    }
  }

  /** One agent, or undefined when the registry knows no agent of this id (404). */
  async agent(id: string): Promise<AgentView | undefined> {
    try {
      return await this.get<AgentView>(`/agents/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}
