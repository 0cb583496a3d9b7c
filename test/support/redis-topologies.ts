import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { pingRedis } from '../../scripts/redis-helper.mjs';
import { clusterCreate, freeClusterPort, waitClusterHealthy } from '../../scripts/redis-cluster.mjs';
import { waitFor } from './e2e-helpers';
import { freePort, RedisServer } from './private-redis';

/** True when `redis-cli` is on PATH (needed to create a cluster). */
export const hasRedisCli = spawnSync('redis-cli', ['--version'], { stdio: 'ignore' }).status === 0;

export { freeClusterPort };

/** Replicas sync at once (Redis 7 waits 5 s for more replicas before a diskless sync by default). */
const FAST_SYNC = ['--repl-diskless-sync-delay', '0'];

/** What {@link RedisClusterTopology} and {@link SentinelTopology} start their data nodes with. */
export interface TopologyOptions {
  /** AOF with `appendfsync always` on every data node. Default: no persistence. */
  appendOnly?: boolean;
  /** More `redis-server` arguments for every data node. */
  args?: string[];
  /** Replicas per master of a cluster: 1 (6 nodes, the default) or 0 (3 masters alone). */
  replicas?: 0 | 1;
}

/**
 * Administration of a running cluster through its nodes' ports: who serves a slot, the masters,
 * moving a slot (resharding).
 */
export abstract class ClusterAdmin {
  /** Ports of the nodes that run now. */
  protected abstract livePorts(): number[];

  /** Port of the master serving hash slot `slot`. */
  async masterOf(slot: number): Promise<number> {
    const port = this.livePorts()[0];
    const slots = (await this.command(port, 'CLUSTER', 'SLOTS')) as Array<[number, number, [string, number]]>;
    return slots.find(([start, end]) => slot >= start && slot <= end)![2][1];
  }

  /** The ports of the current masters (as the running nodes see them). */
  async masterPorts(): Promise<number[]> {
    const lines = String(await this.command(this.livePorts()[0], 'CLUSTER', 'NODES')).split('\n').filter(Boolean);
    return lines
      .filter((line) => line.split(' ')[2].includes('master') && !line.split(' ')[2].includes('fail'))
      .map((line) => Number(line.split(' ')[1].split('@')[0].split(':')[1]));
  }

  /**
   * Moves hash slot `slot` to the master on `toPort` the way `redis-cli --cluster reshard` does:
   * IMPORTING / MIGRATING, MIGRATE of its keys in batches, then SETSLOT NODE on every master.
   * Resolves with the port of the master it came from.
   */
  async moveSlot(slot: number, toPort: number): Promise<number> {
    const slots = (await this.command(toPort, 'CLUSTER', 'SLOTS')) as Array<[number, number, [string, number, string]]>;
    const [, , [, fromPort, fromId]] = slots.find(([start, end]) => slot >= start && slot <= end)!;
    if (fromPort === toPort) return fromPort;
    const toId = String(await this.command(toPort, 'CLUSTER', 'MYID'));
    await this.command(toPort, 'CLUSTER', 'SETSLOT', String(slot), 'IMPORTING', fromId);
    await this.command(fromPort, 'CLUSTER', 'SETSLOT', String(slot), 'MIGRATING', toId);
    for (;;) {
      const keys = (await this.command(fromPort, 'CLUSTER', 'GETKEYSINSLOT', String(slot), '100')) as string[];
      if (!keys.length) break;
      await this.command(fromPort, 'MIGRATE', '127.0.0.1', String(toPort), '', '0', '5000', 'KEYS', ...keys);
    }
    for (const port of await this.masterPorts()) await this.command(port, 'CLUSTER', 'SETSLOT', String(slot), 'NODE', toId);
    return fromPort;
  }

  /** One command on one node, by a short-lived client. */
  command(port: number, ...args: string[]): Promise<unknown> {
    return call(port, ...args);
  }
}

/** A cluster started elsewhere (e.g. the run's, MAS_TEST_CLUSTER_URL), administered through the nodes its URL names. */
export class ExistingCluster extends ClusterAdmin {
  private readonly ports: number[];

  constructor(readonly url: string) {
    super();
    this.ports = url.replace(/^rediss?-cluster:\/\//, '').split(',').map((node) => Number(node.split(':').pop()));
  }

  protected livePorts(): number[] {
    return this.ports;
  }
}

/**
 * A Redis Cluster of 3 masters and 3 replicas on free loopback ports (each node's bus port free
 * too), created with `redis-cli --cluster create ... --cluster-replicas 1`, with a node timeout of
 * 1 s so a killed master's replica takes over within a few seconds.
 */
export class RedisClusterTopology extends ClusterAdmin {
  readonly nodes: RedisServer[] = [];

  constructor(private readonly options: TopologyOptions = {}) {
    super();
  }

  protected livePorts(): number[] {
    return this.nodes.filter((node) => node.running).map((node) => node.port);
  }

  /** `redis-cluster://` URL naming every node as a seed. */
  get url(): string {
    return `redis-cluster://${this.nodes.map((node) => `127.0.0.1:${node.port}`).join(',')}`;
  }

  async start(): Promise<void> {
    const taken = new Set<number>();
    const replicas = this.options.replicas ?? 1;
    for (let i = 0; i < 3 * (1 + replicas); i++) {
      const port = await freeClusterPort(taken);
      taken.add(port).add(port + 10_000);
      const node = new RedisServer({
        appendOnly: this.options.appendOnly,
        args: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '1000', ...FAST_SYNC, ...(this.options.args ?? [])],
      });
      node.port = port;
      this.nodes.push(node);
    }
    await Promise.all(this.nodes.map((node) => node.start()));
    clusterCreate(this.nodes.map((node) => node.port), replicas);
    await this.waitHealthy();
  }

  /**
   * Waits until every running node says `cluster_state:ok` with all slots served, and every running
   * replica has synced with its master (a replica that never synced cannot be promoted).
   */
  async waitHealthy(timeoutMs = 30_000): Promise<void> {
    await waitClusterHealthy(this.nodes.filter((node) => node.running).map((node) => node.port), timeoutMs);
  }

  /** The node serving `port`. */
  node(port: number): RedisServer {
    return this.nodes.find((node) => node.port === port)!;
  }

  /** One command on one node, by a short-lived client; its reply as a string. */
  async call(port: number, ...args: string[]): Promise<string> {
    return String(await this.command(port, ...args));
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.dispose('SIGKILL')));
  }
}

/**
 * A Sentinel set on free loopback ports: one master, one replica and three sentinels (quorum 2,
 * down after 1 s), so a killed master is replaced within a few seconds.
 */
export class SentinelTopology {
  static readonly MASTER_NAME = 'mas-test';
  readonly master: RedisServer;
  replica!: RedisServer;
  readonly sentinelPorts: number[] = [];
  private readonly sentinels: ChildProcess[] = [];
  private readonly dir = mkdtempSync(join(tmpdir(), 'mas-sentinels-'));

  constructor(private readonly options: TopologyOptions = {}) {
    this.master = new RedisServer({ appendOnly: options.appendOnly, args: [...FAST_SYNC, ...(options.args ?? [])] });
  }

  /** `redis-sentinel://` URL naming the three sentinels and the master. */
  get url(): string {
    return `redis-sentinel://${this.sentinelPorts.map((port) => `127.0.0.1:${port}`).join(',')}#${SentinelTopology.MASTER_NAME}`;
  }

  async start(): Promise<void> {
    await this.master.start();
    this.replica = new RedisServer({
      appendOnly: this.options.appendOnly,
      args: [...FAST_SYNC, ...(this.options.args ?? []), '--replicaof', '127.0.0.1', String(this.master.port)],
    });
    await this.replica.start();
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const conf = join(this.dir, `sentinel-${port}.conf`);
      writeFileSync(conf, [
        `port ${port}`, 'bind 127.0.0.1', `dir ${this.dir}`,
        `sentinel monitor ${SentinelTopology.MASTER_NAME} 127.0.0.1 ${this.master.port} 2`,
        `sentinel down-after-milliseconds ${SentinelTopology.MASTER_NAME} 1000`,
        `sentinel failover-timeout ${SentinelTopology.MASTER_NAME} 5000`,
        `sentinel parallel-syncs ${SentinelTopology.MASTER_NAME} 1`, '',
      ].join('\n'));
      this.sentinels.push(spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' }));
      this.sentinelPorts.push(port);
    }
    for (const port of this.sentinelPorts) await waitFor(() => pingRedis('127.0.0.1', port, 200), 10_000, `sentinel on port ${port}`);
    await waitFor(async () => (await this.replicationOf(this.replica.port)).includes('master_link_status:up'), 10_000, 'the replica to sync');
    // Every sentinel sees the replica and the other sentinels before any failover is asked of them.
    await waitFor(async () => {
      for (const port of this.sentinelPorts) {
        const info = await call(port, 'SENTINEL', 'MASTER', SentinelTopology.MASTER_NAME) as unknown as string[];
        const fields = Object.fromEntries(Array.from({ length: info.length / 2 }, (_, i) => [info[2 * i], info[2 * i + 1]]));
        if (Number(fields['num-slaves']) < 1 || Number(fields['num-other-sentinels']) < 2) return false;
      }
      return true;
    }, 15_000, 'the sentinels to know the replica and each other', 200);
  }

  /** Port of the master the sentinels name now. */
  async masterPort(): Promise<number> {
    const [, port] = (await call(this.sentinelPorts[0], 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', SentinelTopology.MASTER_NAME)) as unknown as string[];
    return Number(port);
  }

  /** `INFO replication` of a data node. */
  replicationOf(port: number): Promise<string> {
    return call(port, 'INFO', 'replication') as Promise<string>;
  }

  async stop(): Promise<void> {
    for (const sentinel of this.sentinels) sentinel.kill('SIGKILL');
    await Promise.all([this.master.dispose('SIGKILL'), this.replica?.dispose('SIGKILL')]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function call(port: number, ...args: string[]): Promise<unknown> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await client.connect();
    return await client.call(args[0], ...args.slice(1));
  } finally {
    client.disconnect();
  }
}
