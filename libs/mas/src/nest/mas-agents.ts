import { Injectable } from '@nestjs/common';
import type { Agent } from '../agent/agent';
import { AgentNotFoundError, InvalidAgentConfigError } from '../errors';

/** The running agents of a Nest app, by id. Inject it to reach an agent from any provider. */
@Injectable()
export class MasAgents {
  private readonly agents = new Map<string, Agent>();

  /** @internal called by the explorer */
  add(agent: Agent): void {
    if (this.agents.has(agent.id)) throw new InvalidAgentConfigError(`Two @MasAgent providers use the id "${agent.id}"`);
    this.agents.set(agent.id, agent);
  }

  /** The agent with this id. @throws AgentNotFoundError when the app declares no such agent. */
  get(id: string): Agent {
    const agent = this.agents.get(id);
    if (!agent) throw new AgentNotFoundError(id);
    return agent;
  }

  /** Every agent of the app. */
  all(): Agent[] {
    return [...this.agents.values()];
  }
}
