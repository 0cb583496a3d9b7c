import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { MasKeySpace } from '../redis/keys';
import { resolveRedisUrl } from '../redis/redis-options';

let current: string | undefined;

/**
 * A random namespace for this test file: the same value for every call in one module registry
 * (Vitest and Jest load each test file in its own), so agents and apps a test file starts share
 * it, and no other test file, test run or running dev server on the same Redis sees them.
 *
 * @example
 * ```ts
 * // an app's e2e spec: the app's own MasModule.forRoot({}) reads MAS_NAMESPACE
 * process.env.MAS_NAMESPACE = testNamespace();
 * const app = await Test.createTestingModule({ imports: [AppModule] }).compile();
 * ```
 */
export function testNamespace(label = 'test'): string {
  current ??= `${label.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 40) || 'test'}-${randomBytes(5).toString('hex')}`;
  return current;
}

/** `options` with this test file's namespace (for a standalone `Agent`, `MasClient`, `MasTransport`, `MasModule`). */
export function inTestNamespace<T extends object>(options: T = {} as T): T & { namespace: string } {
  return { ...options, namespace: testNamespace() };
}

/**
 * Deletes every key of `namespace` (default: this test file's) on the Redis at `redisUrl` (default
 * `REDIS_URL`), for an `afterAll`. Keys outside the namespace are never touched. Resolves with the
 * number deleted.
 */
export async function clearTestNamespace(namespace = testNamespace(), redisUrl = resolveRedisUrl()): Promise<number> {
  const { prefix } = new MasKeySpace({ namespace });
  const redis = new Redis(redisUrl, { connectionName: 'mas-testing', maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
