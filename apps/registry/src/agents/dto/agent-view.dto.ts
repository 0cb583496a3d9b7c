import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AgentStatus, AgentView as AgentViewShape } from '@mas/core';
import { AGENT_STATUSES } from './list-agents.query';

/** An agent as the HTTP API shows it (never its token): the `AgentView` of `@mas/core`, described for OpenAPI. */
export class AgentView implements AgentViewShape {
  @ApiProperty({ example: 'worker-1' })
  id!: string;

  @ApiProperty({ type: [String], example: ['nlp'] })
  capabilities!: string[];

  @ApiProperty({ type: 'object', additionalProperties: true, example: {} })
  metadata!: Record<string, unknown>;

  @ApiProperty({ enum: AGENT_STATUSES })
  status!: AgentStatus;

  @ApiProperty({ description: 'Registration time, epoch seconds', example: 1764390000.123 })
  registeredAt!: number;

  @ApiPropertyOptional({ description: 'Delivery mode the agent registered with (absent for agents that do not say, e.g. Python ones)', enum: ['direct', 'reliable'] })
  delivery?: string;

  @ApiProperty({ description: 'True while the heartbeat key exists' })
  alive!: boolean;

  @ApiProperty({ description: 'Last heartbeat, epoch seconds; null once the heartbeat key expired', type: Number, nullable: true })
  lastHeartbeatAt!: number | null;

  @ApiProperty({ description: 'Seconds since the last heartbeat; null once the heartbeat key expired', type: Number, nullable: true })
  secondsSinceHeartbeat!: number | null;
}

/** A page of agents. */
export class AgentList {
  @ApiProperty({ description: 'Agents matching the filters (before paging)' })
  total!: number;

  @ApiProperty()
  offset!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty({ type: [AgentView] })
  agents!: AgentView[];
}
