import { MasConnection } from './mas-connection';
import { RedisConnectionOptions, resolveRedisUrl } from './redis-options';

/**
 * Hands out one shared {@link MasConnection} per Redis URL and closes it when its last user
 * releases it. Standalone agents use {@link MasConnectionPool.shared}; a Nest app owns its own.
 */
export class MasConnectionPool {
  /** The pool standalone agents use by default. */
  static readonly shared = new MasConnectionPool();
  private readonly entries = new Map<string, { connection: MasConnection; users: number }>();

  /** Returns the connection for these options, creating it on first use. */
  acquire(options: RedisConnectionOptions = {}): MasConnection {
    const key = poolKey(options);
    let entry = this.entries.get(key);
    if (!entry || !entry.connection.isOpen) {
      entry = { connection: new MasConnection(options), users: 0 };
      this.entries.set(key, entry);
    }
    entry.users += 1;
    return entry.connection;
  }

  /** Gives a connection back; the last release closes it. */
  async release(connection: MasConnection): Promise<void> {
    for (const [key, entry] of this.entries) {
      if (entry.connection !== connection) continue;
      entry.users -= 1;
      if (entry.users <= 0) {
        this.entries.delete(key);
        await connection.close();
      }
      return;
    }
  }
}

function poolKey(options: RedisConnectionOptions): string {
  return JSON.stringify([
    resolveRedisUrl(options),
    options.clientName ?? null,
    options.redis ?? null,
    options.commandTimeoutMs ?? null,
    options.namespace ?? null,
    options.keyStyle ?? null,
    options.scripts ?? null,
    options.logger === false,
  ]);
}
