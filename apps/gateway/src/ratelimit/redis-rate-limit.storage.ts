import { Injectable } from '@nestjs/common';
import { MasConnection } from '@mas/core';
import { RATE_LIMIT_SCRIPT } from './rate-limit.script';
import type { RateLimitHit, RateLimits, RateLimitStorage } from './rate-limit.storage';

interface Waiting {
  limits: RateLimits;
  resolvers: Array<{ resolve(hit: RateLimitHit): void; reject(error: unknown): void }>;
}

/**
 * {@link RateLimitStorage} in Redis: one hash `ratelimit:{id}:window` per agent, shared by every
 * instance. The hits of one agent during one event-loop turn are counted by one script call (in the
 * order they came), so a batch of messages costs one round trip per sender, not one per message.
 */
@Injectable()
export class RedisRateLimitStorage implements RateLimitStorage {
  private waiting = new Map<string, Waiting>();
  private scheduled = false;

  constructor(private readonly redis: MasConnection) {}

  hit(agentId: string, limits: RateLimits): Promise<RateLimitHit> {
    return new Promise<RateLimitHit>((resolve, reject) => {
      const key = `${agentId}\u0000${limits.perMinute}\u0000${limits.perHour}`;
      let entry = this.waiting.get(key);
      if (!entry) this.waiting.set(key, (entry = { limits, resolvers: [] }));
      entry.resolvers.push({ resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = new Map();
    this.scheduled = false;
    for (const [key, { limits, resolvers }] of batch) void this.count(key.slice(0, key.indexOf('\u0000')), limits, resolvers);
  }

  private async count(agentId: string, limits: RateLimits, resolvers: Waiting['resolvers']): Promise<void> {
    try {
      const [allowed, minute, hour] = await RATE_LIMIT_SCRIPT.run<[number, number, number]>(
        this.redis.command,
        [this.redis.keys.rateLimit(agentId, 'window')],
        [limits.perMinute, limits.perHour, resolvers.length],
      );
      resolvers.forEach(({ resolve }, i) => {
        const counted = Math.min(i + 1, allowed);
        const [m, h] = [minute / 1000 + counted, hour / 1000 + counted];
        if (i < allowed) return resolve({ allowed: true, minute: m, hour: h });
        // The first refused hit names the window that refused it; later ones are refused alike.
        const window = minute / 1000 + allowed + 1 > limits.perMinute ? 'minute' : 'hour';
        resolve({ allowed: false, window, minute: m, hour: h });
      });
    } catch (error) {
      for (const { reject } of resolvers) reject(error);
    }
  }
}
