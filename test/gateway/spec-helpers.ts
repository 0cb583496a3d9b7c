import { Agent, AgentMessage, GATEWAY_DECISIONS_TYPE, GatewayDecisionNotice, GatewayRejectedError, MasConnection, MasKeys } from '@mas/core';
import type Redis from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { AgentTracker, Probes, QuietLogger, uniqueId } from '../support/e2e-helpers';
import { PrivateRedis, startPrivateRedis } from '../support/private-redis';
import { resetGatewayKeys, startGateway, TestGateway } from './harness';

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

/**
 * The gateway decisions among `messages` tapped on a sender's channel, one per message decided: those
 * of the gateway's batches (`mas.gateway.decisions`) and any single decision (`mas.gateway.decision`).
 */
export function decisionsOn(messages: ReadonlyArray<{ json: any }>): GatewayDecisionNotice[] {
  return messages.flatMap(({ json }) => {
    if (json?.message_type === GATEWAY_DECISIONS_TYPE) return (json.data?.decisions ?? []) as GatewayDecisionNotice[];
    return json?.message_type === 'mas.gateway.decision' ? [json.data as GatewayDecisionNotice] : [];
  });
}

/** A registered, ACTIVE agent that runs nowhere: its inbox stream shows exactly what was delivered. */
export async function registeredTarget(redis: Redis, id: string): Promise<string> {
  await redis.hset(MasKeys.agent(id), 'id', id, 'status', 'ACTIVE', 'capabilities', '[]', 'metadata', '{}', 'registered_at', '0');
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

/** What {@link gatewaySuite} gives a spec file: a redis-server of its own with a gateway on it. */
export interface GatewaySuite {
  /** URL of the suite's Redis (set once `beforeAll` ran). */
  readonly redisUrl: string;
  /** A raw admin client on it. */
  readonly redis: Redis;
  /** The gateway (as its service user). */
  readonly gateway: TestGateway;
  readonly agents: AgentTracker;
  readonly probes: Probes;
  /** Connections a test opens for its agents; closed after each test. */
  readonly connections: MasConnection[];
}

/**
 * Registers the hooks of a gateway spec file: a private redis-server with clean gateway keys and one
 * gateway (`overrides`, its HTTP API when `http`) before all tests; agents stopped and connections
 * closed after each; gateway, probes and server stopped after all.
 */
export function gatewaySuite(fallbackDb: number, overrides: Record<string, unknown> = {}, http = false): GatewaySuite {
  let server: PrivateRedis | undefined;
  let redis: Redis | undefined;
  let gateway: TestGateway | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`gatewaySuite: the ${what} starts in beforeAll`);
    return value;
  };
  const suite = { agents: new AgentTracker(), probes: new Probes(), connections: [] as MasConnection[] };
  beforeAll(async () => {
    server = await startPrivateRedis(fallbackDb);
    redis = suite.probes.client(server.url);
    await resetGatewayKeys(redis);
    gateway = await startGateway(server.url, overrides, http);
  });
  afterEach(async () => {
    await suite.agents.stopAll();
    await Promise.all(suite.connections.splice(0).map((connection) => connection.close()));
  });
  afterAll(async () => {
    await gateway?.app.close();
    await suite.probes.closeAll();
    await server?.stop();
  });
  return {
    ...suite,
    get redisUrl() {
      return started(server, 'Redis').url;
    },
    get redis() {
      return started(redis, 'Redis');
    },
    get gateway() {
      return started(gateway, 'gateway');
    },
  };
}
