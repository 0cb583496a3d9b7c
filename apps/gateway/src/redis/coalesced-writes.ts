import type Redis from 'ioredis';
import { coalesceWrites } from '@mas/core';

/**
 * Makes every command (and pipeline, which ioredis sends through `sendCommand` too) that `redis`
 * writes during one event-loop turn go out in one socket write. The gateway decides a batch of
 * ingress entries at a time, and each decision costs several commands: without this, each is a
 * system call of its own (the largest item of the gateway's profile). Order and replies unchanged.
 */
export function coalesceCommandWrites(redis: Redis): Redis {
  const marked = redis as Redis & { __masCoalesced?: true };
  if (marked.__masCoalesced) return redis;
  marked.__masCoalesced = true;
  const send = redis.sendCommand.bind(redis) as (...args: unknown[]) => unknown;
  redis.sendCommand = ((...args: unknown[]) => {
    coalesceWrites(redis);
    return send(...args);
  }) as Redis['sendCommand'];
  return redis;
}
