import { Agent, AgentHandler } from '@mas/core';
import type { AgentOptions } from '@mas/core';
import type { BenchPayload } from '../shared/payload';
import { BenchSystem, ECHO_TYPE, ONEWAY_TYPE, ReceiverHooks, SystemContext, SystemReceiver, SystemSender } from './system.interfaces';
import { silentLogger } from './silent-logger';

/** Agent ids of a run. */
export function masIds(runId: string): { receiver: string; sender: string } {
  return { receiver: `bench-${runId}-recv`, sender: `bench-${runId}-send` };
}

/** The receiving agent: an ordinary `Agent` subclass with two `@AgentHandler`s. */
class ReceiverAgent extends Agent {
  hooks!: ReceiverHooks;

  @AgentHandler(ONEWAY_TYPE)
  oneway(): void {
    this.hooks.onEvent();
  }

  @AgentHandler(ECHO_TYPE)
  echo(data: BenchPayload): BenchPayload {
    return data;
  }
}

/** Delivery options of an agent in the context's mode. */
function modeOptions(context: SystemContext): Partial<AgentOptions> {
  const inbox = context.inboxMaxInFlight ? { maxInFlight: context.inboxMaxInFlight } : undefined;
  switch (context.mode ?? 'direct') {
    case 'direct':
      return {};
    case 'reliable':
      return { delivery: 'reliable', inbox };
    case 'gateway':
      // Zero-trust: the agent's own Redis user, signing with its provisioned Ed25519 key.
      if (context.identity) return { redisUrl: context.identity.redisUrl, gateway: { credentials: context.identity.credentials, decisionTimeoutMs: context.requestTimeoutMs }, inbox };
      return { gateway: { decisionTimeoutMs: context.requestTimeoutMs }, inbox };
  }
}

/** `mas`: this project's standalone `Agent` (direct pub/sub delivery by default; reliable or gateway mode per scenario). */
export const masSystem: BenchSystem = {
  async startReceiver(context: SystemContext, hooks: ReceiverHooks): Promise<SystemReceiver> {
    const agent = new ReceiverAgent(masIds(context.runId).receiver, { redisUrl: context.redisUrl, logger: silentLogger, ...modeOptions(context) });
    agent.hooks = hooks;
    await agent.start();
    return { stop: () => agent.stop() };
  },

  async startSender(context: SystemContext): Promise<SystemSender> {
    const ids = masIds(context.runId);
    const agent = new Agent(ids.sender, {
      redisUrl: context.redisUrl,
      logger: silentLogger,
      requestTimeoutMs: context.requestTimeoutMs,
      ...(context.mode === 'gateway' ? modeOptions(context) : {}),
    });
    await agent.start();
    const reliable = context.mode === 'reliable';
    return {
      emit: reliable ? (data) => agent.send(ids.receiver, ONEWAY_TYPE, data, { reliable: true }) : (data) => agent.send(ids.receiver, ONEWAY_TYPE, data),
      request: reliable
        ? async (data) => (await agent.request(ids.receiver, ECHO_TYPE, data, { reliable: true })).data as BenchPayload
        : async (data) => (await agent.request(ids.receiver, ECHO_TYPE, data)).data as BenchPayload,
      stop: () => agent.stop(),
    };
  },
};

