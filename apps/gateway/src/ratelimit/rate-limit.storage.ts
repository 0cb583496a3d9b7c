/** Limits one agent is held to. */
export interface RateLimits {
  perMinute: number;
  perHour: number;
}

/** Outcome of counting one message. */
export interface RateLimitHit {
  allowed: boolean;
  /** The window that refused it. */
  window?: 'minute' | 'hour';
  /** Estimated messages in the sliding minute and hour, this one included when allowed. */
  minute: number;
  hour: number;
}

/**
 * Where rate-limit counters live (swappable, as `@nestjs/throttler`'s `ThrottlerStorage`): counts one
 * message of `agentId` against `limits` atomically, in O(1) memory per agent.
 */
export interface RateLimitStorage {
  hit(agentId: string, limits: RateLimits): Promise<RateLimitHit>;
}

/** Injection token of the {@link RateLimitStorage}. */
export const RateLimitStorage = Symbol('RateLimitStorage');
