import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis, { ChainableCommander } from 'ioredis';
import type { GatewaySettings } from './config/gateway.settings';
import { InjectGatewaySettings } from './gateway-module-definition';

/**
 * The gateway's Redis connections: one shared command connection, plus dedicated ones for blocking
 * reads. Override {@link GatewayRedis.createClient} to customise them (TLS, sentinels, ...).
 */
@Injectable()
export class GatewayRedis implements OnApplicationShutdown {
  /** Connection for commands and scripts. */
  readonly command: Redis;
  private readonly dedicatedClients: Redis[] = [];
  private readonly logger = new Logger('GatewayRedis');
  private closed = false;

  constructor(@InjectGatewaySettings() private readonly settings: GatewaySettings) {
    this.command = this.createClient('command');
  }

  /** A connection of its own, e.g. for XREADGROUP BLOCK; closed with the app. */
  dedicated(role: string): Redis {
    const client = this.createClient(role);
    this.dedicatedClients.push(client);
    return client;
  }

  /** Builds one client. */
  protected createClient(role: string): Redis {
    const client = new Redis(this.settings.redis.url, { connectionName: `mas-gateway-${role}` });
    client.on('error', (error: Error) => {
      if (!this.closed) this.logger.warn(`Redis ${role} connection: ${error.message}`);
    });
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await Promise.all([this.command, ...this.dedicatedClients].map((client) => client.quit().catch(() => client.disconnect())));
  }
}

/**
 * Runs a pipeline or MULTI and returns its replies in order.
 * @throws the first command's error (ioredis reports them per command, not as a rejection)
 */
export async function execAll(batch: ChainableCommander): Promise<unknown[]> {
  const results = (await batch.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed) throw failed[0];
  return results.map(([, value]) => value);
}
