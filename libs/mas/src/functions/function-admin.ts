import type Redis from 'ioredis';
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
  constructor(
    private readonly connection: MasConnection,
    readonly library: RedisFunctionLibrary = MAS_FUNCTIONS,
  ) {}

  /** Loads (or reloads) the library on every master; resolves with the masters it is on. */
  async load(): Promise<string[]> {
    const masters = await this.masters();
    await Promise.all(masters.map(({ client }) => client.call('FUNCTION', 'LOAD', 'REPLACE', this.library.source)));
    return masters.map(({ node }) => node);
  }

  /** What every master holds of the library's family. */
  async status(): Promise<FunctionLibraryStatus[]> {
    return Promise.all(
      (await this.masters()).map(async ({ node, client }) => {
        const listed = (await client.call('FUNCTION', 'LIST', 'LIBRARYNAME', `${this.library.prefix}_*`)) as unknown[][];
        const libraries = listed.map((entry) => String(entry[entry.indexOf('library_name') + 1])).filter((name) => this.library.isSameFamily(name)).sort();
        return { node, libraries, current: libraries.includes(this.library.library) };
      }),
    );
  }

  /** Deletes every other version of the library from every master (once no process of an older release runs); resolves with what it deleted. */
  async prune(): Promise<Array<{ node: string; deleted: string[] }>> {
    const masters = await this.masters();
    const statuses = await this.status();
    return Promise.all(
      masters.map(async ({ node, client }, i) => {
        const deleted = statuses[i].libraries.filter((name) => name !== this.library.library);
        for (const name of deleted) await client.call('FUNCTION', 'DELETE', name);
        return { node, deleted };
      }),
    );
  }

  /**
   * Checks that every master holds this version of the library (a key-less FCALL_RO of its version function).
   * @throws RedisFunctionsMissingError naming the first master that lacks it
   */
  async assertLoaded(): Promise<void> {
    await Promise.all(
      (await this.masters()).map(async ({ node, client }) => {
        try {
          await client.call('FCALL_RO', this.library.versionFunction, 0);
        } catch (error) {
          if (isFunctionNotFoundError(error)) throw new RedisFunctionsMissingError(this.library.library, node, errorMessageOf(error));
          throw error;
        }
      }),
    );
  }

  private async masters(): Promise<Array<{ node: string; client: Redis }>> {
    if (!this.connection.isCluster) return [{ node: this.connection.displayUrl, client: this.connection.command }];
    return (await this.connection.readyMasters()).map((client) => ({ node: `${client.options.host}:${client.options.port}`, client }));
  }
}
