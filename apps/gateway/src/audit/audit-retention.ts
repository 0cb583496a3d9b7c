import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MasConnection } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectInstanceId } from '../gateway.constants';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { GatewaySecrets } from '../identity/gateway-secrets';
import { fieldsOf } from './audit-entry';
import { checkpointFields, sealCheckpoint } from './audit-seal';

/** Entries removed per run at most (the next run continues). */
const MAX_CUT = 10_000;

/**
 * Retention of `audit:messages` by length (`audit.maxEntries`) and age (`audit.maxAgeMs`): one
 * instance at a time (a lease) cuts the oldest entries and, in the same transaction, writes the
 * signed point it cut at to `audit:base` and `audit:checkpoints` (kind `cut`), so the verifier still
 * proves what remains: its first entry must link to that signed point.
 */
@Injectable()
export class AuditRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditRetention');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly redis: MasConnection,
    private readonly secrets: GatewaySecrets,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
    @InjectInstanceId() private readonly instanceId: string,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.apply().catch((e: unknown) => this.logger.warn(`retention failed: ${String(e)}`)), this.settings.audit.retentionIntervalMs);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Applies the retention once; resolves with the number of entries cut. */
  async apply(now = Date.now()): Promise<number> {
    const { maxEntries, maxAgeMs, retentionIntervalMs } = this.settings.audit;
    const redis = this.redis.command;
    const lease = await redis.set(this.redis.keys.auditRetentionLease, this.instanceId, 'PX', retentionIntervalMs, 'NX');
    if (lease !== 'OK') return 0;
    const overLength = Math.min(MAX_CUT, Math.max(0, (await redis.xlen(this.redis.keys.audit)) - maxEntries));
    const tooOld = (await redis.xrange(this.redis.keys.audit, '-', `(${now - maxAgeMs}`, 'COUNT', MAX_CUT)) as Array<[string, string[]]>;
    const byLength = overLength ? ((await redis.xrange(this.redis.keys.audit, '-', '+', 'COUNT', overLength)) as Array<[string, string[]]>) : [];
    const cut = byLength.length > tooOld.length ? byLength : tooOld;
    const last = cut[cut.length - 1];
    if (!last) return 0;
    const fields = fieldsOf(last[1]);
    const sealed = sealCheckpoint(this.secrets.identity, 'cut', { seq: Number(fields.seq), hash: fields.hash }, now);
    const [ms, n] = last[0].split('-');
    await redis
      .multi()
      .set(this.redis.keys.auditBase, JSON.stringify(sealed))
      .xtrim(this.redis.keys.audit, 'MINID', `${ms}-${Number(n) + 1}`)
      .xadd(this.redis.keys.auditCheckpoints, '*', ...checkpointFields(sealed))
      .exec();
    this.logger.log(`Cut ${cut.length} audit entries up to ${sealed.seq} (retention)`);
    return cut.length;
  }
}
