import { Inject, Injectable } from '@nestjs/common';
import { MasConnection } from '../redis/mas-connection';
import { MasConnectionPool } from '../redis/mas-connection-pool';
import { resolveRedisUrl } from '../redis/redis-options';
import { MAS_CONNECTION, MAS_RESOLVED_OPTIONS } from './mas.constants';
import type { MasModuleOptions } from './mas-options.interfaces';

/**
 * The Redis connections of a Nest app's agents. Agents on the module's URL share the module's one
 * connection; an agent on another URL (in zero-trust mode: its own ACL user) gets a connection of
 * that URL, shared with the app's other agents on it. {@link closeAll} closes them all, the
 * module's last; the explorer calls it once every agent has stopped.
 */
@Injectable()
export class MasAgentConnections {
  private readonly pool = new MasConnectionPool();
  private readonly acquired: MasConnection[] = [];

  constructor(
    @Inject(MAS_CONNECTION) private readonly shared: MasConnection,
    @Inject(MAS_RESOLVED_OPTIONS) private readonly options: MasModuleOptions,
  ) {}

  /** The connection an agent on `redisUrl` uses (the module's when it is the module's URL or unset). */
  forUrl(redisUrl: string | undefined): MasConnection {
    if (redisUrl === undefined || redisUrl === resolveRedisUrl(this.shared.options)) return this.shared;
    const { redis, connectTimeoutMs, logger, namespace, keyStyle } = this.options;
    const connection = this.pool.acquire({ redisUrl, redis, connectTimeoutMs, logger, namespace, keyStyle });
    this.acquired.push(connection);
    return connection;
  }

  /** Closes every connection handed out, then the module's. */
  async closeAll(): Promise<void> {
    await Promise.all(this.acquired.splice(0).map((connection) => this.pool.release(connection)));
    await this.shared.close();
  }
}
