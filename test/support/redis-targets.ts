import { redisUrlFor } from './e2e-helpers';

/** A Redis deployment the parameterised e2e specs run on. */
export interface RedisTargetUnderTest {
  /** `single` (one server), `cluster` (3 masters + 3 replicas) or `sentinel` (1 master, 1 replica, 3 sentinels). */
  name: 'single' | 'cluster' | 'sentinel';
  /** URL every component is given (`redis://`, `redis-cluster://`, `redis-sentinel://...#master`). */
  url: string;
}

/**
 * The three targets of the parameterised specs: database `singleDb` of the test Redis, and the
 * cluster and Sentinel set the global setup started once for the run (MAS_TEST_CLUSTER_URL,
 * MAS_TEST_SENTINEL_URL). Specs share them: ids are unique per spec, as on the single server.
 */
export function redisTargets(singleDb: number): RedisTargetUnderTest[] {
  const targets: RedisTargetUnderTest[] = [{ name: 'single', url: redisUrlFor(singleDb) }];
  if (process.env.MAS_TEST_CLUSTER_URL) targets.push({ name: 'cluster', url: process.env.MAS_TEST_CLUSTER_URL });
  if (process.env.MAS_TEST_SENTINEL_URL) targets.push({ name: 'sentinel', url: process.env.MAS_TEST_SENTINEL_URL });
  return targets;
}
