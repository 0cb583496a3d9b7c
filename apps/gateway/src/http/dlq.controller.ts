import { Controller, Get, HttpCode, NotFoundException, Param, Post, Query, UsePipes, ValidationPipe } from '@nestjs/common';
import type { DeadLetterView } from '@mas/core';
import { DeadLetters } from '../routing/dead-letters';
import { DeadLetterNotFoundError, DeadLetterReplay, ReplayResult } from '../routing/dead-letter-replay';
import { DeadLetterQueryDto } from './audit-query.dto';

/** `GET /dlq`, `POST /dlq/:id/replay`, `POST /dlq/replay?agent=...&limit=...`. */
@Controller('dlq')
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
export class DlqController {
  constructor(
    private readonly deadLetters: DeadLetters,
    private readonly replays: DeadLetterReplay,
  ) {}

  /** Dead letters, oldest first (`agent`: only those for this agent; `after` pages on). */
  @Get()
  list(@Query() query: DeadLetterQueryDto): Promise<DeadLetterView[]> {
    return this.deadLetters.list({ agentId: query.agent, after: query.after, limit: query.limit });
  }

  /** Replays one entry: 200 with `delivered: true`, or `delivered: false` and the reason (it stays). */
  @Post(':id/replay')
  @HttpCode(200)
  async replay(@Param('id') id: string): Promise<ReplayResult> {
    try {
      return await this.replays.replay(id);
    } catch (error) {
      if (error instanceof DeadLetterNotFoundError) throw new NotFoundException(error.message);
      throw error;
    }
  }

  /** Replays up to `limit` entries (of `agent` only when given), oldest first. */
  @Post('replay')
  @HttpCode(200)
  replayAll(@Query() query: DeadLetterQueryDto): Promise<ReplayResult[]> {
    return this.replays.replayAll({ agentId: query.agent, limit: query.limit });
  }
}
