import { Agent, AgentHandler } from '@mas/core';
import type { AgentOptions } from '@mas/core';
import type { BenchPayload } from '../shared/payload';
import { BenchSystem, ECHO_TYPE, ONEWAY_TYPE, ReceiverHooks, SystemContext, SystemReceiver, SystemSender } from './system.interfaces';
import { silentLogger } from './silent-logger';

/**
 * Receiving agents per run on a Redis Cluster (`--cluster`): the receiver process starts this many,
 * whose ids hash to slots of their own, and the sender goes round them, so one figure's traffic
 * spreads over the masters as many agents' would (one receiver would load the master of its slot).
 */
export const CLUSTER_RECEIVERS = 8;

/** Agent ids of a run: one receiver, or {@link CLUSTER_RECEIVERS} on a cluster. */
export function masIds(runId: string, redisUrl = ''): { receivers: string[]; sender: string } {
  const count = /^rediss?-cluster:/.test(redisUrl) ? CLUSTER_RECEIVERS : 1;
  const receivers = count === 1 ? [`bench-${runId}-recv`] : Array.from({ length: count }, (_, i) => `bench-${runId}-recv-${i}`);
  return { receivers, sender: `bench-${runId}-send` };
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
    const agents = masIds(context.runId, context.redisUrl).receivers.map((id) => {
      const agent = new ReceiverAgent(id, { redisUrl: context.redisUrl, logger: silentLogger, ...modeOptions(context) });
      agent.hooks = hooks;
      return agent;
    });
    await Promise.all(agents.map((agent) => agent.start()));
    return { stop: async () => void (await Promise.all(agents.map((agent) => agent.stop()))) };
  },

  async startSender(context: SystemContext): Promise<SystemSender> {
    const ids = masIds(context.runId, context.redisUrl);
    let turn = 0;
    const next = ids.receivers.length === 1 ? () => ids.receivers[0] : () => ids.receivers[turn++ % ids.receivers.length];
    const agent = new Agent(ids.sender, {
      redisUrl: context.redisUrl,
      logger: silentLogger,
      requestTimeoutMs: context.requestTimeoutMs,
      ...(context.mode === 'gateway' ? modeOptions(context) : {}),
    });
    await agent.start();
    const reliable = context.mode === 'reliable';
    return {
      emit: reliable ? (data) => agent.send(next(), ONEWAY_TYPE, data, { reliable: true }) : (data) => agent.send(next(), ONEWAY_TYPE, data),
      request: reliable
        ? async (data) => (await agent.request(next(), ECHO_TYPE, data, { reliable: true })).data as BenchPayload
        : async (data) => (await agent.request(next(), ECHO_TYPE, data)).data as BenchPayload,
      stop: () => agent.stop(),
    };
  },
};

