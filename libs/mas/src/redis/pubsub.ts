import type Redis from 'ioredis';
import type { ChainableCommander, Cluster } from 'ioredis';

/** The masters of a cluster client (each for SCAN and other per-node commands), or `[redis]` itself. */
export function mastersOf(redis: Redis): Redis[] {
  return isClusterClient(redis) ? (redis as unknown as Cluster).nodes('master') : [redis];
}

/**
 * {@link mastersOf} once the client is ready: a cluster client knows its nodes only after its first
 * refresh of the slots, and before that has none to list.
 */
export async function readyMastersOf(redis: Redis): Promise<Redis[]> {
  if (isClusterClient(redis)) await redis.ping();
  return mastersOf(redis);
}

/** True when `redis` is an ioredis `Cluster` (a client {@link MasConnection} built for a `redis-cluster://` URL). */
export function isClusterClient(redis: Redis): boolean {
  return (redis as unknown as { isCluster?: boolean }).isCluster === true;
}

/**
 * Publishes `payload` on `channel`: PUBLISH on one server, SPUBLISH (sharded pub/sub: served by the
 * master of the channel's slot only, not broadcast to every node) on a cluster. Resolves with the
 * number of subscribers reached.
 */
export function publishOn(redis: Redis, channel: string, payload: string): Promise<number> {
  return isClusterClient(redis) ? redis.spublish(channel, payload).then(Number) : redis.publish(channel, payload);
}

/**
 * Queues the count of subscribers of `channel` (PUBSUB NUMSUB, or SHARDNUMSUB on a cluster, where the
 * pipeline goes to the node of its keys' slot: queue it beside a key of the channel's slot).
 */
export function queueSubscriberCount(pipeline: ChainableCommander, redis: Redis, channel: string): ChainableCommander {
  return isClusterClient(redis) ? pipeline.pubsub('SHARDNUMSUB', channel) : pipeline.pubsub('NUMSUB', channel);
}

/**
 * WAITs until `count` replicas hold the writes this client made so far, on the node that serves
 * `key` (on a cluster WAIT has no key of its own: it is pipelined behind a read of `key`, so it goes
 * to the connection that made the write). Resolves with the number of replicas that acknowledged.
 */
export async function waitForReplicas(redis: Redis, key: string, count: number, timeoutMs: number): Promise<number> {
  if (!isClusterClient(redis)) return redis.wait(count, timeoutMs);
  const [, [error, acked]] = (await redis.pipeline().exists(key).wait(count, timeoutMs).exec()) as [unknown, [Error | null, number]];
  if (error) throw error;
  return acked;
}
