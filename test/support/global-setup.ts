import { ensureRedis } from '../../scripts/redis-helper.mjs';
import { hasRedisServer } from './private-redis';
import { hasRedisCli, RedisClusterTopology, SentinelTopology } from './redis-topologies';

/**
 * Makes sure a Redis answers at REDIS_URL (starting a throw-away one when possible), and starts
 * the Redis Cluster and the Sentinel set the parameterised specs also run on, once per run
 * (MAS_TEST_CLUSTER_URL, MAS_TEST_SENTINEL_URL; MAS_TEST_TOPOLOGIES=off skips them).
 */
export default async function setup(): Promise<() => Promise<void>> {
  const log = (line: string) => console.log(`[test setup] ${line}`);
  const redis = await ensureRedis({ log });
  process.env.REDIS_URL = redis.url;
  const topologies: Array<RedisClusterTopology | SentinelTopology> = [];
  if (process.env.MAS_TEST_TOPOLOGIES !== 'off' && hasRedisServer && hasRedisCli) {
    const cluster = new RedisClusterTopology({ args: ['--notify-keyspace-events', 'Ex'] });
    const sentinel = new SentinelTopology();
    topologies.push(cluster, sentinel);
    try {
      await Promise.all([cluster.start(), sentinel.start()]);
    } catch (error) {
      await Promise.all(topologies.map((topology) => topology.stop()));
      throw error;
    }
    process.env.MAS_TEST_CLUSTER_URL = cluster.url;
    process.env.MAS_TEST_SENTINEL_URL = sentinel.url;
    log(`cluster at ${cluster.url}, sentinel set at ${sentinel.url}`);
  }
  return async () => {
    await Promise.all(topologies.map((topology) => topology.stop()));
    await redis.stop();
  };
}
