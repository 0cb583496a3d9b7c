import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Redis from 'ioredis';

/** A throw-away local Redis Cluster for `--cluster` runs. */
export interface BenchCluster {
  url: string;
  ports: number[];
  stop(): Promise<void>;
}

interface ClusterScript {
  startLocalCluster(options?: { masters?: number; args?: string[] }): Promise<BenchCluster>;
}

/** Starts 3 masters with one replica each on free loopback ports (scripts/redis-cluster.mjs, shared with the test suite). */
export async function startBenchCluster(repoRoot: string): Promise<BenchCluster> {
  const script = (await import(pathToFileURL(join(repoRoot, 'scripts', 'redis-cluster.mjs')).href)) as ClusterScript;
  return script.startLocalCluster({ masters: 3 });
}

async function onNode<T>(port: number, work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
  try {
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

/** Zeroes the command statistics of every node (CONFIG RESETSTAT). */
export async function resetClusterStats(cluster: BenchCluster): Promise<void> {
  await Promise.all(cluster.ports.map((port) => onNode(port, (redis) => redis.config('RESETSTAT'))));
}

/** Calls of each command in `INFO commandstats`. */
function commandCalls(info: string): Map<string, number> {
  const calls = new Map<string, number>();
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(match[1], Number(match[2]));
  return calls;
}

/**
 * What each master served since the last reset: commands in total, sharded publishes (SPUBLISH),
 * stream appends and scripts, keys held, and the shard channels subscribed now (PUBSUB SHARDCHANNELS,
 * with their subscribers by PUBSUB SHARDNUMSUB): the evidence that the load spreads over the masters.
 */
export async function clusterReport(cluster: BenchCluster): Promise<string> {
  const rows: string[] = [];
  for (const port of cluster.ports) {
    const row = await onNode(port, async (redis) => {
      if (!/role:master/.test(await redis.info('replication'))) return undefined;
      const calls = commandCalls(await redis.info('commandstats'));
      const total = [...calls.values()].reduce((a, b) => a + b, 0);
      const channels = (await redis.call('PUBSUB', 'SHARDCHANNELS')) as string[];
      const numsub = channels.length ? ((await redis.call('PUBSUB', 'SHARDNUMSUB', ...channels)) as Array<string | number>) : [];
      const subscribers = numsub.filter((_, i) => i % 2 === 1).reduce<number>((a, b) => a + Number(b), 0);
      const scripts = (calls.get('evalsha') ?? 0) + (calls.get('eval') ?? 0) + (calls.get('evalsha_ro') ?? 0);
      const cell = (n: number) => n.toLocaleString('en-US');
      return `| 127.0.0.1:${port} | ${cell(total)} | ${cell(calls.get('spublish') ?? 0)} | ${cell(calls.get('publish') ?? 0)} | ${cell(calls.get('xadd') ?? 0)} | ${cell(scripts)} | ${cell(await redis.dbsize())} | ${channels.length} (${subscribers} subscribers) |`;
    });
    if (row) rows.push(row);
  }
  return [
    'Per master (since the start of the run; replicas not shown):',
    '',
    '| master | commands | SPUBLISH | PUBLISH | XADD | scripts | keys | shard channels now |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}
