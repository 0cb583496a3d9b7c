import { ApiProperty } from '@nestjs/swagger';
import type { AgentStatus } from '@mas/core';
import { AGENT_STATUSES } from './list-agents.query';

/** An agent as the HTTP API shows it (never its token). */
export class AgentView {
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
