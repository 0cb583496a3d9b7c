import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ZeroTrustSettings } from '../provisioning/zero-trust.settings';
import { IsMasNamespace, RedisSettings } from '@mas/core';
import { AuditSettings } from './audit.settings';
import { CircuitBreakerSettings, PriorityQueueSettings } from './routing.settings';
import { AuthorizationSettings, DlpSettings, MessageSigningSettings, RateLimitSettings } from './security.settings';

/** The HTTP API (audit, DLQ, /metrics, /health). */
export class HttpSettings {
  @IsBoolean()
  enabled = true;

  /** Interface to listen on; loopback by default (set 0.0.0.0 in a container). */
  @IsString()
  host = '127.0.0.1';

  /** 0 picks a free port. */
  @IsInt()
  @Min(0)
  @Max(65_535)
  port = 3001;

  /**
   * Key of the admin API (header `x-api-key`), required on every route but `/health`. Empty: its
   * SHA-256 from `apiKeyHash`, else from `{secrets.dir}/admin-key.sha256`, else a key is generated at
   * the first start, shown once in the log, and only its hash stored.
   */
  @IsString()
  apiKey = '';

  /** SHA-256 (hex) of the admin key, for operators who keep only the hash in the configuration. */
  @Matches(/^([0-9a-f]{64})?$/, { message: 'must be the hex SHA-256 of the key' })
  apiKeyHash = '';

  /** Off: the admin API answers without a key (trusted networks only). */
  @IsBoolean()
  apiKeyRequired = true;
}

/** Where the gateway keeps its secrets, outside Redis: a directory (a volume, or a mounted secret). */
export class SecretsSettings {
  /** Holds `identity-ed25519.pem`, `audit-chain.key`, `admin-key.sha256` and `audit-anchor.json`. */
  @IsString()
  dir = '.mas/gateway';
}

/** The gateway's own identity: the Ed25519 key it signs decisions, deliveries, dead letters and checkpoints with. */
export class IdentitySettings {
  /** PEM private key (e.g. from a secret in the env); empty: `{secrets.dir}/identity-ed25519.pem`, generated at the first start. */
  @IsString()
  privateKeyPem = '';
}

/** Replies admitted through the gateway. */
export class ReplySettings {
  /** How long a routed request waits for its reply; a reply only passes when it answers one still waiting. */
  @IsInt() @Min(1_000) ttlMs = 600_000;
}

/** Reading `mas.gateway.ingress`. */
export class IngressSettings {
  /** Messages one instance checks at once, per ingress stream (four times as many are read and screened at once). */
  @IsInt() @Min(1) maxInFlight = 256;
  /** XREADGROUP BLOCK time. */
  @IsInt() @Min(10) blockMs = 1_000;
  /** An entry pending this long (its instance died) is claimed by another instance (XAUTOCLAIM). */
  @IsInt() @Min(50) claimIdleMs = 30_000;
  /** Deliveries of one ingress entry before it is dead-lettered as unprocessable. */
  @IsInt() @Min(1) maxAttempts = 5;
  /** Larger envelopes are refused (AUTH_FAILED: malformed). */
  @IsInt() @Min(256) maxMessageBytes = 1_048_576;
}

/** Features, all on by default. Authentication and audit cannot be turned off. */
export class FeatureSettings {
  @IsBoolean() rbac = true;
  @IsBoolean() messageSigning = true;
  @IsBoolean() rateLimit = true;
  @IsBoolean() dlp = true;
  @IsBoolean() priorityQueue = true;
  @IsBoolean() circuitBreaker = true;
}

/**
 * Writing into the dead-letter stream. (An inbox's capacity is the receiver's own, declared at its
 * start; the gateway delivers within it like any sender.)
 */
export class DeliverySettings {
  /** Approximate length of `dlq:messages`. */
  @IsInt() @Min(1) deadLetterMaxLength = 100_000;
}

/**
 * Settings of the gateway app: defaults here → `config/gateway.yaml` (or `GATEWAY_CONFIG`) →
 * environment `GATEWAY_SECTION__KEY` → explicit overrides; validated at start.
 */
export class GatewaySettings {
  @ValidateNested() @Type(() => RedisSettings) redis: RedisSettings = new RedisSettings();
  /**
   * Namespace of the agents it serves (env `GATEWAY_NAMESPACE` or `MAS_NAMESPACE`, as the agents read
   * it): its ingress, audit, queues and the agents' keys all live under it. Empty (the default): the
   * wire names. One gateway (group) per namespace.
   */
  @IsMasNamespace() namespace = '';
  /** Consumer name of this instance in the ingress group; empty = host:pid:random. */
  @IsString() instanceId = '';
  @ValidateNested() @Type(() => HttpSettings) http: HttpSettings = new HttpSettings();
  @ValidateNested() @Type(() => IngressSettings) ingress: IngressSettings = new IngressSettings();
  @ValidateNested() @Type(() => FeatureSettings) features: FeatureSettings = new FeatureSettings();
  @ValidateNested() @Type(() => AuthorizationSettings) authorization: AuthorizationSettings = new AuthorizationSettings();
  @ValidateNested() @Type(() => RateLimitSettings) rateLimit: RateLimitSettings = new RateLimitSettings();
  @ValidateNested() @Type(() => MessageSigningSettings) messageSigning: MessageSigningSettings = new MessageSigningSettings();
  @ValidateNested() @Type(() => DlpSettings) dlp: DlpSettings = new DlpSettings();
  @ValidateNested() @Type(() => PriorityQueueSettings) priorityQueue: PriorityQueueSettings = new PriorityQueueSettings();
  @ValidateNested() @Type(() => CircuitBreakerSettings) circuitBreaker: CircuitBreakerSettings = new CircuitBreakerSettings();
  @ValidateNested() @Type(() => DeliverySettings) delivery: DeliverySettings = new DeliverySettings();
  @ValidateNested() @Type(() => AuditSettings) audit: AuditSettings = new AuditSettings();
  @ValidateNested() @Type(() => SecretsSettings) secrets: SecretsSettings = new SecretsSettings();
  @ValidateNested() @Type(() => IdentitySettings) identity: IdentitySettings = new IdentitySettings();
  @ValidateNested() @Type(() => ReplySettings) replies: ReplySettings = new ReplySettings();
  @ValidateNested() @Type(() => ZeroTrustSettings) zeroTrust: ZeroTrustSettings = new ZeroTrustSettings();
}
