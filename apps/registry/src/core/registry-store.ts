import { Injectable } from '@nestjs/common';
import {
  INDEX_AGENT_SCRIPT,
  MasConnection,
  RELEASE_LEASE_SCRIPT,
  StatusSyncCode,
  SYNC_STATUS_SCRIPT,
  UNINDEX_AGENT_SCRIPT,
} from '@mas/core';

/** Number of agents per status. */
export interface StatusCounts {
  ACTIVE: number;
  INACTIVE: number;
}

/**
 * The registry app's writes to Redis: status reconciliation, the capability index for agents
 * that do not index themselves, leases between instances, and batched iteration. Every write is
 * one atomic script, so instances running side by side never undo each other's work.
 */
@Injectable()
export class RegistryStore {
  constructor(private readonly connection: MasConnection) {}

  /** Database number of the connection (keyspace notification channels carry it). */
  get db(): number {
    return this.connection.command.options.db ?? 0;
  }

  /**
   * Sets each agent's status from its heartbeat key (compare-and-set in Redis).
   * @returns one code per id, in order (see `StatusSync`).
   */
  async syncStatus(ids: string[], graceMs: number): Promise<StatusSyncCode[]> {
    if (!ids.length) return [];
    const keys = ids.flatMap((id) => [this.connection.keys.agent(id), this.connection.keys.heartbeat(id)]);
    return SYNC_STATUS_SCRIPT.run<StatusSyncCode[]>(this.connection.command, keys, [graceMs]);
  }

  /** Indexes an agent from its hash: -1 no hash, 1 the index gained an entry, 0 already indexed. */
  async index(id: string): Promise<-1 | 0 | 1> {
    return INDEX_AGENT_SCRIPT.run<-1 | 0 | 1>(this.connection.command, this.indexKeys(id), [id, this.connection.keys.templates.capability]);
  }

  /** Takes an agent without a hash out of the index: 1 removed, 0 nothing to remove, -1 hash exists. */
  async unindex(id: string): Promise<-1 | 0 | 1> {
    return UNINDEX_AGENT_SCRIPT.run<-1 | 0 | 1>(this.connection.command, this.indexKeys(id), [id, this.connection.keys.templates.capability]);
  }

  /**
   * Takes the lease on `task` for `ttlMs` when nobody holds it (SET NX PX).
   * @returns true when this caller holds it now.
   */
  async tryLease(task: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.connection.command.set(this.connection.keys.registryLease(task), owner, 'PX', ttlMs, 'NX')) === 'OK';
  }

  /** Gives a lease back if `owner` still holds it. */
  async releaseLease(task: string, owner: string): Promise<void> {
    await RELEASE_LEASE_SCRIPT.run(this.connection.command, [this.connection.keys.registryLease(task)], [owner]);
  }

  /** Ids of the index (`mas:agents`) in batches (SSCAN: Redis is never blocked for long). */
  async *indexedIdBatches(batchSize: number): AsyncGenerator<string[]> {
    const seen = new Set<string>();
    const stream = this.connection.command.sscanStream(this.connection.keys.allAgents, { count: batchSize });
    for await (const chunk of stream as AsyncIterable<string[]>) {
      const fresh = chunk.filter((id) => !seen.has(id) && seen.add(id));
      if (fresh.length) yield fresh;
    }
  }

  /** Ids of every `agent:{id}` hash in the database (SCAN with TYPE hash: the whole keyspace). */
  async *recordIdBatches(batchSize: number): AsyncGenerator<string[]> {
    const stream = this.connection.command.scanStream({ match: this.connection.keys.agentScanPattern, type: 'hash', count: batchSize });
    for await (const keys of stream as AsyncIterable<string[]>) {
      const ids = keys.map((key) => this.connection.keys.agentIdFromRecord(key)).filter((id): id is string => !!id);
      if (ids.length) yield ids;
    }
  }

  /** Counts indexed agents by the `status` of their hash. */
  async countByStatus(batchSize: number): Promise<StatusCounts> {
    const counts: StatusCounts = { ACTIVE: 0, INACTIVE: 0 };
    for await (const ids of this.indexedIdBatches(batchSize)) {
      const pipeline = this.connection.command.pipeline();
      for (const id of ids) pipeline.hget(this.connection.keys.agent(id), 'status');
      for (const [error, status] of (await pipeline.exec()) ?? []) {
        if (!error && (status === 'ACTIVE' || status === 'INACTIVE')) counts[status] += 1;
      }
    }
    return counts;
  }

  private indexKeys(id: string): string[] {
    return [this.connection.keys.agent(id), this.connection.keys.allAgents, this.connection.keys.registryIndexed];
  }
}
