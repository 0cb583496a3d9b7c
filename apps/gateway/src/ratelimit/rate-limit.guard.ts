import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { RateLimitedError } from '../message/gateway-denial.errors';
import { ingressMessageOf } from '../message/ingress-message';
import { RateLimits, RateLimitStorage } from './rate-limit.storage';
import { TracedCheck } from '../observability/gateway-tracing';

/**
 * The per-sender limits (sliding minute and hour, per-agent overrides from config): one hit per
 * message, shared by the rate-limit guard and the registration requests (which skip the pipeline).
 */
@Injectable()
export class SenderRateLimit {
  private readonly overrides: Map<string, RateLimits>;

  constructor(
    @Inject(RateLimitStorage) private readonly storage: RateLimitStorage,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {
    const { perMinute, perHour, overrides } = settings.rateLimit;
    this.overrides = new Map(
      overrides.map((o) => [o.agentId, { perMinute: o.perMinute ?? perMinute, perHour: o.perHour ?? perHour }]),
    );
  }

  /**
   * Counts one message of `sender` (when `features.rateLimit` is on).
   * @throws RateLimitedError when the sender is over its limit.
   */
  async hit(sender: string): Promise<void> {
    if (!this.settings.features.rateLimit) return;
    const limits = this.overrides.get(sender) ?? this.settings.rateLimit;
    const hit = await this.storage.hit(sender, limits);
    if (!hit.allowed) {
      const limit = hit.window === 'hour' ? `${limits.perHour}/hour` : `${limits.perMinute}/minute`;
      throw new RateLimitedError(`"${sender}" is over its limit of ${limit}`, `rate_limit:${hit.window}`);
    }
  }
}

/** Guard 4: the sender is within its per-minute and per-hour limits ({@link SenderRateLimit}). */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly limit: SenderRateLimit,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  @TracedCheck('rate limit')
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    return this.settings.features.rateLimit ? this.limit.hit(ingressMessageOf(context).checked.senderId).then(() => true) : true;
  }
}
