import { ensureRedis } from '../../scripts/redis-helper.mjs';

/** Makes sure a Redis answers at REDIS_URL (starting a throw-away one when possible). */
export default async function setup(): Promise<() => Promise<void>> {
  const redis = await ensureRedis({ log: (line: string) => console.log(`[test setup] ${line}`) });
  process.env.REDIS_URL = redis.url;
  return async () => redis.stop();
}
