import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { GatewayDecision } from '@mas/core';
import { DECISIONS } from '../audit/audit-entry';

/** Epoch ms, or an ISO date. */
const toEpochMs = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : /^\d+$/.test(String(value)) ? Number(value) : Date.parse(String(value)));

/** Query string of `GET /audit` and `GET /audit/export`. */
export class AuditQueryDto {
  @IsOptional() @IsString() sender?: string;
  @IsOptional() @IsString() target?: string;
  @IsOptional() @IsIn(DECISIONS as GatewayDecision[]) decision?: GatewayDecision;
  /** A violation code (`dlp:ssn`) or family (`dlp`). */
  @IsOptional() @IsString() violation?: string;
  /** Epoch ms or ISO date, inclusive. */
  @IsOptional() @Transform(toEpochMs) @IsInt({ message: 'from must be epoch ms or an ISO date' }) from?: number;
  /** Epoch ms or ISO date, inclusive. */
  @IsOptional() @Transform(toEpochMs) @IsInt({ message: 'to must be epoch ms or an ISO date' }) to?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) limit?: number;
  /** `newest` first (default) or `oldest` first. */
  @IsOptional() @IsIn(['newest', 'oldest']) order?: 'newest' | 'oldest';
  /** The `x-next-cursor` header of the previous page. */
  @IsOptional() @Matches(/^\d+-\d+$/, { message: 'cursor must be the x-next-cursor of a previous page' }) cursor?: string;
}

/** Query string of `GET /audit/export`. */
export class AuditExportDto extends AuditQueryDto {
  @IsOptional() @IsIn(['csv', 'json']) format: 'csv' | 'json' = 'json';
}

/** Query string of `GET /dlq` and `POST /dlq/replay`. */
export class DeadLetterQueryDto {
  @IsOptional() @IsString() agent?: string;
  /** List entries after this id (exclusive). */
  @IsOptional() @IsString() after?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) limit?: number;
}
