import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessage, encodeMessage, MasConnection, MessageData, MessagePriority } from '@mas/core';
import type { GatewaySettings } from '../apps/gateway/src/config/gateway.settings';
import { PriorityQueues } from '../apps/gateway/src/routing/priority-queues';
import type { QueuedMessage } from '../apps/gateway/src/routing/queued-message';
import { uniqueId } from './support/e2e-helpers';
import { redisTargets } from './support/redis-targets';
import { hasRedisServer, PrivateRedis, startPrivateRedis } from './support/private-redis';

// Red team: the priority queues by reference (a message in the target's bodies hash, its reference
// in a sorted set) under a Redis that refuses some writes of a batch (out of memory). A batch
// queued is queued whole or not at all: the enqueue of a batch that failed is retried (its ingress
// entries stay pending), so what it left behind would be delivered twice, or sit in Redis forever.
// The spec changes maxmemory: it runs only on a redis-server of its own (never on REDIS_URL's).
let privateRedis: PrivateRedis;
let connection: MasConnection;

const settings = {
  priorityQueue: { weights: { critical: 3, high: 2, normal: 2, low: 1, bulk: 1 } },
  ingress: { claimIdleMs: 30_000 },
} as unknown as GatewaySettings;

beforeAll(async () => {
  if (!hasRedisServer) return;
  privateRedis = await startPrivateRedis(13);
  connection = new MasConnection({ redisUrl: privateRedis.url, clientName: 'pq-redteam' });
}, 30_000);
afterAll(async () => {
  await connection?.close();
  await privateRedis?.stop();
});

function queued(target: string, data: MessageData, priority: MessagePriority = 'NORMAL'): QueuedMessage {
  const message = createMessage({ senderId: 'pq-sender', targetId: target, messageType: 'm', data, priority });
  return { envelope: encodeMessage(message), target, sender: 'pq-sender', messageId: message.messageId, priority, expiresAt: Date.now() + 60_000 };
}

describe.skipIf(!hasRedisServer)('red team: priority queues by reference', () => {
  it('a batch whose enqueue failed part way (out of memory) leaves no message queued and no body or reference behind', async () => {
    const redis = connection.command;
    const small = uniqueId('pq', 'small');
    const large = uniqueId('pq', 'large');
    const queues = new PriorityQueues(connection, settings);
    // Room for the small message, not for the large one (1 MB): the large body is refused, the small writes are not.
    const used = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
    await redis.config('SET', 'maxmemory-policy', 'noeviction');
    await redis.config('SET', 'maxmemory', String(used + 600_000));
    const outcome = await queues.enqueue(queued(small, { i: 1 }), queued(large, { blob: 'x'.repeat(1_000_000) })).then(
      () => 'queued',
      (error: unknown) => `failed: ${String(error)}`,
    );
    await redis.config('SET', 'maxmemory', '0');

    const left = async (target: string) => ({
      references: await redis.zcard(connection.keys.priorityQueue(target, 'NORMAL')),
      bodies: await redis.hlen(connection.keys.priorityQueueBodies(target)),
    });
    expect(outcome).toMatch(/^failed: .*OOM/);
    // Failed as a whole: the small message is not queued (a retry of the batch would queue it again).
    expect({ small: await left(small), large: await left(large) }, 'what the failed batch left in Redis').toEqual({
      small: { references: 0, bodies: 0 },
      large: { references: 0, bodies: 0 },
    });
  }, 30_000);
});

describe.each(redisTargets(13))('priority queues by reference on $name', ({ url }) => {
  it('a batch for several targets is queued (one transaction per target on a cluster), taken in order and settled without a trace', async () => {
    const redis = new MasConnection({ redisUrl: url, clientName: 'pq-batch' });
    try {
      const queues = new PriorityQueues(redis, settings);
      const [first, second] = [uniqueId('pq', 'one'), uniqueId('pq', 'two')];
      await queues.enqueue(queued(first, { i: 1 }), queued(second, { i: 2 }), queued(first, { i: 3 }), queued(first, { i: 4 }, 'HIGH'));
      const one = await queues.takeRound(first, 4);
      const two = await queues.takeRound(second, 4);
      expect(one.messages.map(({ message }) => (JSON.parse(message.envelope) as { data: { i: number } }).data.i)).toEqual([4, 1, 3]);
      expect(two.messages.map(({ message }) => message.target)).toEqual([second]);
      await queues.settle(first, one.messages);
      await queues.settle(second, two.messages);
      for (const target of [first, second]) {
        expect(await redis.command.exists(redis.keys.priorityQueueBodies(target), redis.keys.priorityQueue(target, 'NORMAL'), redis.keys.priorityQueue(target, 'HIGH'))).toBe(0);
      }
    } finally {
      await redis.close();
    }
  }, 30_000);
});
