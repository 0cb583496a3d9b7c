import { Injectable } from '@nestjs/common';
import { MasConnection } from '@mas/core';
import { RATE_LIMIT_SCRIPT } from './rate-limit.script';
import type { RateLimitHit, RateLimits, RateLimitStorage } from './rate-limit.storage';

/** {@link RateLimitStorage} in Redis: one hash `ratelimit:{id}:window` per agent, shared by every instance. */
@Injectable()
export class RedisRateLimitStorage implements RateLimitStorage {
  constructor(private readonly redis: MasConnection) {}

  async hit(agentId: string, limits: RateLimits): Promise<RateLimitHit> {
    const [allowed, window, minute, hour] = await RATE_LIMIT_SCRIPT.run<[number, string, number, number]>(
      this.redis.command,
      [this.redis.keys.rateLimit(agentId, 'window')],
      [limits.perMinute, limits.perHour],
    );
    return {
      allowed: allowed === 1,
      window: (window || undefined) as RateLimitHit['window'],
      minute: minute / 1000,
      hour: hour / 1000,
    };
  }
}
