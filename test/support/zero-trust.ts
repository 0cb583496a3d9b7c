import Redis from 'ioredis';
import { Agent, AgentGrant, AgentMessage, AgentOptions, MasConnection, ProvisionedAgent, Provisioner, translatePermissionErrors } from '@mas/core';
import { gatewayServiceUrl, startGatewayAs, TestGateway } from '../gateway/harness';
import { QuietLogger, uniqueId } from './e2e-helpers';
import { PrivateRedis, startPrivateRedis } from './private-redis';

/** A provisioned agent started by a spec, with what it received. */
export interface ZeroTrustAgent {
  agent: Agent;
  received: AgentMessage[];
}

/**
 * A zero-trust deployment of a spec's own: a private redis-server, an administrative connection
 * (the operator), the gateway started as its least-privilege service user, and helpers to provision
 * and start agents with their own Redis users and credentials.
 */
export class ZeroTrustWorld {
  readonly logger = new QuietLogger();
  private readonly agents = new Set<Agent>();
  private readonly clients: Redis[] = [];
  private gateways: TestGateway[] = [];

  private constructor(
    readonly redis: PrivateRedis,
    /** The operator's connection (the default, administrative user). */
    readonly admin: MasConnection,
    readonly provisioner: Provisioner,
    /** URL of the gateway's service user. */
    readonly gatewayUrl: string,
  ) {}

  /** Starts Redis, provisions the gateway's service user and starts a gateway as that user. */
  static async start(fallbackDb: number, gatewayOverrides: Record<string, unknown> = {}): Promise<ZeroTrustWorld> {
    const redis = await startPrivateRedis(fallbackDb);
    const admin = new MasConnection({ redisUrl: redis.url, clientName: 'zt-admin' });
    try {
      const provisioner = new Provisioner(admin);
      const world = new ZeroTrustWorld(redis, admin, provisioner, await gatewayServiceUrl(redis.url));
      await world.startGateway(gatewayOverrides);
      return world;
    } catch (error) {
      // A world that did not start leaves no redis-server behind (afterAll has nothing to close).
      await admin.close();
      await redis.stop();
      throw error;
    }
  }

  /** Starts one more gateway instance as the gateway's service user. */
  async startGateway(overrides: Record<string, unknown> = {}, http = false): Promise<TestGateway> {
    const gateway = await startGatewayAs(this.gatewayUrl, overrides, http);
    this.gateways.push(gateway);
    return gateway;
  }

  /** Provisions a fresh id (`label` plus a random suffix). */
  provision(label: string, grant: Partial<AgentGrant> = {}): Promise<ProvisionedAgent> {
    return this.provisioner.provisionAgent(uniqueId('zt', label), grant);
  }

  /** A raw client connected as `url`'s user (an attacker's own tools), NOPERM typed as the library types it. */
  client(url: string): Redis {
    const client = translatePermissionErrors(new Redis(url, { connectionName: 'zt-probe', maxRetriesPerRequest: 1 }));
    client.on('error', () => undefined);
    this.clients.push(client);
    return client;
  }

  /** Builds (not starts) the agent of `identity` with its own user and credentials. */
  build(identity: ProvisionedAgent, options: Partial<AgentOptions> = {}): ZeroTrustAgent {
    const received: AgentMessage[] = [];
    const agent = new Agent(identity.id, {
      redisUrl: identity.redisUrl,
      gateway: { credentials: identity.credentials, decisionTimeoutMs: 5_000 },
      logger: this.logger,
      onMessage: async (message) => {
        received.push(message);
        if (message.messageType === 'echo') await message.reply('echo.reply', { echoed: message.data });
      },
      ...options,
    });
    this.agents.add(agent);
    return { agent, received };
  }

  /** Builds and starts the agent of `identity`. */
  async start(identity: ProvisionedAgent, options: Partial<AgentOptions> = {}): Promise<ZeroTrustAgent> {
    const started = this.build(identity, options);
    await started.agent.start();
    return started;
  }

  /** Stops every agent started so far. */
  async stopAgents(): Promise<void> {
    const agents = [...this.agents];
    this.agents.clear();
    await Promise.all(agents.map((agent) => agent.stop().catch(() => undefined)));
  }

  /** Stops everything and the Redis. */
  async close(): Promise<void> {
    if (process.env.ZT_ACL_LOG) console.log(JSON.stringify(await this.admin.command.call('ACL', 'LOG', '50')));
    await this.stopAgents();
    await Promise.all(this.gateways.map((gateway) => gateway.app.close()));
    this.gateways = [];
    await Promise.all(this.clients.map((client) => client.quit().catch(() => client.disconnect())));
    await this.admin.close();
    await this.redis.stop();
  }
}
