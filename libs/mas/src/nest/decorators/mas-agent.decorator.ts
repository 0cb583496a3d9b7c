import { SetMetadata } from '@nestjs/common';
import type { AgentOptions } from '../../agent/agent-options.interfaces';
import { MAS_AGENT_METADATA } from '../mas.constants';

/**
 * Options of `@MasAgent`: the agent's id plus its per-agent options (delivery mode, inbox and
 * concurrency bounds among them; connection-wide settings belong to `MasModule.forRoot`).
 */
export interface MasAgentOptions
  extends Pick<
    AgentOptions<object>,
    | 'capabilities'
    | 'metadata'
    | 'stateModel'
    | 'replace'
    | 'requestTimeoutMs'
    | 'redisUrl'
    | 'gateway'
    | 'validation'
    | 'delivery'
    | 'inbox'
    | 'replicas'
    | 'maxConcurrency'
    | 'maxQueued'
  > {
  /** Agent id (`agent.{id}` channel). */
  id: string;
}

/**
 * Marks a provider as an agent. Its `@AgentHandler` methods handle messages (with the guards,
 * interceptors and pipes decorated on them); it starts on application bootstrap and deregisters on
 * shutdown. Optional hooks on the class: `onAgentStart()`, `onAgentStop()`, `onMessage(message)`.
 *
 * @example
 * ```ts
 * @MasAgent({ id: 'worker', capabilities: ['nlp'] })
 * export class WorkerAgent {
 *   @AgentRef() private readonly agent!: Agent;
 *   @AgentHandler('task.process', { model: TaskDto })
 *   process(task: TaskDto) { return { done: task.id }; }
 * }
 * // at-least-once: an inbox stream of its own, read through a consumer group
 * @MasAgent({ id: 'ledger', delivery: 'reliable', inbox: { maxInFlight: 64 } })
 * // zero-trust mode: its own Redis user and credentials (as `mas provision` printed them)
 * @MasAgent({ id: 'billing', redisUrl: process.env.BILLING_REDIS_URL, gateway: { credentials: process.env.BILLING_CREDENTIALS } })
 * ```
 * A `redisUrl` other than the module's gets a connection of its own (agents with the same URL share one).
 */
export function MasAgent(options: MasAgentOptions | string): ClassDecorator {
  const normalized: MasAgentOptions = typeof options === 'string' ? { id: options } : options;
  return SetMetadata(MAS_AGENT_METADATA, normalized);
}
