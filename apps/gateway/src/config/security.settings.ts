import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import type { SignatureAlgorithm } from '@mas/core';
import { DLP_ACTIONS, DlpAction } from '../message/dlp.types';

/**
 * Default authorization policy. An agent with no role in `agent:{id}:roles` gets `defaultRole`;
 * a role's permissions are the set `role:{name}:permissions`, and when the default role has no such
 * set in Redis it has `defaultRolePermissions`. So out of the box every agent may `send:*` to any
 * ACTIVE agent, while a block list (`agent:{id}:blocked_targets`) still wins.
 */
export class AuthorizationSettings {
  /** Role of agents that have none; empty = no default role. */
  @IsString()
  defaultRole = 'agent';

  /** Permissions of the default role unless `role:{defaultRole}:permissions` exists in Redis. */
  @IsArray()
  @Matches(/^[^\s]+$/, { each: true, message: 'each permission must be a non-empty word like send:* or send:agent.*' })
  defaultRolePermissions: string[] = ['send:*'];
}

/** A per-agent rate limit. */
export class RateLimitOverride {
  @IsString()
  @Matches(/\S/, { message: 'must name an agent' })
  agentId!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  perMinute?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  perHour?: number;
}

/** Messages per agent per sliding minute and hour. */
export class RateLimitSettings {
  @IsInt()
  @Min(1)
  perMinute = 100;

  @IsInt()
  @Min(1)
  perHour = 1000;

  /** Per-agent limits (YAML: a list of `{ agent_id, per_minute, per_hour }`). */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RateLimitOverride)
  overrides: RateLimitOverride[] = [];
}

/** Signature checks. */
export class MessageSigningSettings {
  /** Accepted algorithms; `[ed25519]` makes every agent sign with a key pair. */
  @IsArray()
  @ArrayUnique()
  @IsIn(['hmac-sha256', 'ed25519'], { each: true })
  algorithms: SignatureAlgorithm[] = ['hmac-sha256', 'ed25519'];

  /** Largest accepted distance between the envelope's timestamp and the gateway's clock. */
  @IsInt()
  @Min(1000)
  maxTimestampDriftMs = 300_000;

  /** How long a used nonce is remembered; at least twice the drift (checked at start). */
  @IsInt()
  @Min(1000)
  nonceTtlMs = 600_000;
}

const action = () => IsIn(DLP_ACTIONS as DlpAction[], { message: `must be one of ${DLP_ACTIONS.join(', ')}` });

/** Action per DLP type (YAML keys in snake_case: `credit_card: BLOCK`). */
export class DlpActionSettings {
  @action() ssn: DlpAction = 'REDACT';
  @action() creditCard: DlpAction = 'BLOCK';
  @action() cvv: DlpAction = 'BLOCK';
  @action() email: DlpAction = 'ALERT';
  @action() phone: DlpAction = 'ALERT';
  @action() awsAccessKey: DlpAction = 'BLOCK';
  @action() apiKey: DlpAction = 'BLOCK';
  @action() privateKey: DlpAction = 'BLOCK';
  @action() jwt: DlpAction = 'BLOCK';
  @action() password: DlpAction = 'BLOCK';
  @action() medicalRecordNumber: DlpAction = 'BLOCK';
  @action() healthInsuranceNumber: DlpAction = 'BLOCK';
  @action() icd10: DlpAction = 'ALERT';
}

/** Data loss prevention. */
export class DlpSettings {
  @ValidateNested()
  @Type(() => DlpActionSettings)
  actions: DlpActionSettings = new DlpActionSettings();

  /** Time budget of one message's scan; over it the message is refused (DLP_BLOCKED, too large to scan). */
  @IsInt() @Min(1) maxScanMs = 250;

  /** Values (strings, numbers, keys, containers) one scan visits at most. */
  @IsInt() @Min(1) maxScanNodes = 50_000;

  /** Characters of all strings one scan reads at most. */
  @IsInt() @Min(1) maxScanChars = 2_000_000;
}
