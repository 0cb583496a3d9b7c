import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { AgentStatus } from '@mas/core';

/** Statuses an agent hash can have. */
export const AGENT_STATUSES: readonly AgentStatus[] = ['ACTIVE', 'INACTIVE'];

/** `?capability=a&capability=b` and `?capability=a,b` both give `['a', 'b']`. */
function toList({ value }: { value: unknown }): unknown {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value])
    .flatMap((item) => String(item).split(','))
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Query of `GET /agents`. */
export class ListAgentsQuery {
  @ApiPropertyOptional({
    description: 'Agents having ANY of these capabilities (repeat the parameter or separate with commas)',
    type: [String],
    example: ['nlp', 'math'],
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  capability?: string[];

  @ApiPropertyOptional({ description: 'Only agents with this status', enum: AGENT_STATUSES })
  @IsOptional()
  @IsIn(AGENT_STATUSES)
  status?: AgentStatus;

  @ApiPropertyOptional({ description: 'Page size', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;

  @ApiPropertyOptional({ description: 'Agents to skip (ids are sorted)', minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}
