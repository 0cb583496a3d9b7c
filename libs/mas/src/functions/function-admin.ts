import Redis from 'ioredis';
import { RedisFunctionsMissingError } from '../errors/provisioning.errors';
import { isFunctionNotFoundError } from '../redis/lua-script';
import type { MasConnection } from '../redis/mas-connection';
import { errorMessageOf } from '../redis/redis-errors';
import type { RedisFunctionLibrary } from './function-library';
import { MAS_FUNCTIONS } from './mas-functions';

/** What one master holds of a function library's family. */
export interface FunctionLibraryStatus {
  /** The master (`host:port`, or the connection's URL, credentials masked, on one server or a Sentinel set). */
  node: string;
  /** The libraries of the family it holds (every version), sorted. */
  libraries: string[];
  /** True when it holds the version this release needs. */
  current: boolean;
}

/**
 * Where a function library goes and whether it is there: the masters of the connection's Redis (a
 * cluster's masters; the server, or the master a Sentinel set names — replicas receive functions by
 * replication, so they hold them after a failover). Loading and deleting need an administrative
 * user (FUNCTION); {@link assertLoaded} needs only FCALL_RO.
 */
export class FunctionLibraryAdmin {
  /** Clients of masters the cluster client does not know, opened for one operation. */
  private readonly extras: Redis[] = [];

  constructor(
    private readonly connection: MasConnection,
    readonly library: RedisFunctionLibrary = MAS_FUNCTIONS,
  ) {}

  /** Loads (or reloads) the library on every master; resolves with the masters it is on. */
  async load(): Promise<string[]> {
    return this.withMasters(async (masters) => {
      await Promise.all(masters.map(({ client }) => client.call('FUNCTION', 'LOAD', 'REPLACE', this.library.source)));
      return masters.map(({ node }) => node);
    });
  }

  /** What every master holds of the library's family. */
  async status(): Promise<FunctionLibraryStatus[]> {
    return this.withMasters((masters) => Promise.all(masters.map(({ node, client }) => this.statusOf(node, client))));
  }

  private async statusOf(node: string, client: Redis): Promise<FunctionLibraryStatus> {
    const listed = (await client.call('FUNCTION', 'LIST', 'LIBRARYNAME', `${this.library.prefix}_*`)) as unknown[][];
    const libraries = listed.map((entry) => String(entry[entry.indexOf('library_name') + 1])).filter((name) => this.library.isSameFamily(name)).sort();
    return { node, libraries, current: libraries.includes(this.library.library) };
  }

  /** Deletes every other version of the library from every master (once no process of an older release runs); resolves with what it deleted. */
  async prune(): Promise<Array<{ node: string; deleted: string[] }>> {
    return this.withMasters((masters) =>
      Promise.all(
        masters.map(async ({ node, client }) => {
          const deleted = (await this.statusOf(node, client)).libraries.filter((name) => name !== this.library.library);
          for (const name of deleted) await client.call('FUNCTION', 'DELETE', name);
          return { node, deleted };
        }),
      ),
    );
  }

  /**
   * Checks that every master holds this version of the library (a key-less FCALL_RO of its version function).
   * @throws RedisFunctionsMissingError naming the first master that lacks it
   */
  async assertLoaded(): Promise<void> {
    // The masters that serve slots (those the cluster client knows): where this client's keys are.
    // (A provisioned agent's user may not run CLUSTER NODES, and a master serving nothing yet matters to no one.)
    await this.assertOn(this.connection.isCluster ? (await this.connection.readyMasters()).map((client) => ({ node: `${client.options.host}:${client.options.port}`, client })) : await this.masters());
  }

  private async assertOn(masters: Array<{ node: string; client: Redis }>): Promise<void> {
    await Promise.all(
      masters.map(async ({ node, client }) => {
        try {
          await client.call('FCALL_RO', this.library.versionFunction, 0);
        } catch (error) {
          if (isFunctionNotFoundError(error)) throw new RedisFunctionsMissingError(this.library.library, node, errorMessageOf(error));
          throw error;
        }
      }),
    );
  }

  /**
   * The masters: on a cluster every master `CLUSTER NODES` lists (one that serves no slot yet too,
   * which the cluster client does not know), reached with the connection's credentials.
   */
  private async masters(): Promise<Array<{ node: string; client: Redis }>> {
    if (!this.connection.isCluster) return [{ node: this.connection.displayUrl, client: this.connection.command }];
    const known = new Map((await this.connection.readyMasters()).map((client) => [`${client.options.host}:${client.options.port}`, client]));
    const listed = String(await [...known.values()][0].call('CLUSTER', 'NODES'))
      .split('\n')
      .map((line) => line.split(' '))
      .filter((fields) => fields.length > 2 && fields[2].split(',').includes('master') && !/fail|handshake|noaddr/.test(fields[2]))
      .map((fields) => fields[1].split('@')[0]);
    return listed.map((node) => ({ node, client: known.get(node) ?? this.extra(node) }));
  }

  /** A short-lived client of a master the cluster client does not know, disconnected after the call that asked for it. */
  private extra(node: string): Redis {
    const target = this.connection.target;
    const at = node.lastIndexOf(':');
    const credentials = target.kind === 'cluster' ? { username: target.username, password: target.password, ...(target.tls ? { tls: {} } : {}) } : {};
    const client = new Redis({ host: node.slice(0, at), port: Number(node.slice(at + 1)), ...credentials, maxRetriesPerRequest: 1, connectTimeout: 2_000, connectionName: 'mas-functions' });
    client.on('error', () => undefined);
    this.extras.push(client);
    return client;
  }

  private async withMasters<T>(run: (masters: Array<{ node: string; client: Redis }>) => Promise<T>): Promise<T> {
    try {
      return await run(await this.masters());
    } finally {
      this.extras.splice(0).forEach((client) => client.disconnect());
    }
  }
}
