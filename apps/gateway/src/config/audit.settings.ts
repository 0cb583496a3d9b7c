import { IsBoolean, IsInt, IsString, Min } from 'class-validator';

/** The audit trail: its chain key, checkpoints, retention and the rate of unauthenticated entries. */
export class AuditSettings {
  /**
   * Secret of the hash chain (HMAC-SHA256), so that whoever can write Redis cannot forge a consistent
   * chain. Empty: read from `{secrets.dir}/audit-chain.key`, generated there at the first start.
   * Several instances writing one chain must share it (one directory, or this setting from a secret).
   */
  @IsString()
  hmacKey = '';

  /** Start with plain SHA-256 when no key can be had (no file, read-only directory). Off: such a gateway refuses to start. */
  @IsBoolean()
  allowUnkeyed = false;

  /** A signed checkpoint (seq, hash) every this many entries... */
  @IsInt() @Min(1) checkpointEvery = 1_000;

  /** ...and at least this often while entries are appended. */
  @IsInt() @Min(100) checkpointIntervalMs = 30_000;

  /** Retention: at most this many entries in `audit:messages` (older ones cut, behind a signed checkpoint). */
  @IsInt() @Min(10) maxEntries = 1_000_000;

  /** Retention: entries older than this are cut. */
  @IsInt() @Min(1_000) maxAgeMs = 30 * 24 * 3_600_000;

  /** How often one instance applies the retention. */
  @IsInt() @Min(100) retentionIntervalMs = 60_000;

  /** Approximate length of each index stream (`audit:by_sender:*`, `audit:by_target:*`, `audit:security_events`). */
  @IsInt() @Min(10) indexMaxEntries = 100_000;

  /** Entries audited per claimed sender and minute for unauthenticated ingress; the rest is only counted (metrics). */
  @IsInt() @Min(1) unauthenticatedPerMinute = 30;
}
