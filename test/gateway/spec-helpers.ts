import { Agent, AgentMessage, GatewayRejectedError, MasConnection, MasKeys } from '@mas/core';
import type Redis from 'ioredis';
import { AgentTracker, QuietLogger, uniqueId } from '../support/e2e-helpers';

/** Options of {@link gatewayAgentFactory}'s agents. */
export interface GatewayAgentOptions {
  connection?: MasConnection;
  /** Answers each message with this (after `delayMs`) when it expects a reply. */
  reply?: (message: AgentMessage) => Record<string, unknown>;
  delayMs?: number;
  decisionTimeoutMs?: number;
}

/** A function starting gateway-mode agents of one spec that record what they receive. */
export function gatewayAgentFactory(spec: string, redisUrl: () => string, agents: AgentTracker) {
  return async (label: string, options: GatewayAgentOptions = {}) => {
    const received: AgentMessage[] = [];
    const agent = new Agent(uniqueId(spec, label), {
      redisUrl: redisUrl(),
      gateway: { decisionTimeoutMs: options.decisionTimeoutMs ?? 5_000 },
      connection: options.connection,
      logger: new QuietLogger(),
      onMessage: async (message) => {
        received.push(message);
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        if (message.expectsReply && options.reply) await message.reply('reply', options.reply(message));
      },
    });
    await agents.start(agent);
    return { agent, received };
  };
}

/** The gateway decision `promise` ended with: ALLOWED, the rejection's decision, or `error: ...`. */
export function decisionOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ALLOWED',
    (e: unknown) => (e instanceof GatewayRejectedError ? e.decision : `error: ${String(e)}`),
  );
}

/** A registered, ACTIVE agent that runs nowhere: its inbox stream shows exactly what was delivered. */
export async function registeredTarget(redis: Redis, id: string): Promise<string> {
  await redis.hset(MasKeys.agent(id), 'id', id, 'status', 'ACTIVE', 'token', 't', 'capabilities', '[]', 'metadata', '{}', 'registered_at', '0');
  return id;
}

/** The envelopes in an inbox stream. */
export async function inboxEnvelopes(redis: Redis, target: string): Promise<Array<Record<string, any>>> {
  const entries = (await redis.xrange(MasKeys.inbox(target), '-', '+')) as Array<[string, string[]]>;
  return entries.map(([, fields]) => JSON.parse(fields[fields.indexOf(MasKeys.envelopeField) + 1]) as Record<string, any>);
}

/** GET/POST on a gateway's HTTP API with `key` (none when undefined); the parsed body. */
export async function callApi(base: string, path: string, key: string | undefined, init: RequestInit = {}) {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (key !== undefined) headers['x-api-key'] = key;
  const response = await fetch(`${base}${path}`, { ...init, headers });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body, text, headers: response.headers };
}
