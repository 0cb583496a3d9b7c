import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AgentsService } from './agents.service';
import { AgentList, AgentView } from './dto/agent-view.dto';
import { ListAgentsQuery } from './dto/list-agents.query';

/** `GET /agents` and `GET /agents/:id`. */
@ApiTags('agents')
@Controller('agents')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Get()
  @ApiOperation({ summary: 'List agents, filtered by capability (any of) and status' })
  @ApiOkResponse({ type: AgentList })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid or unknown' })
  list(@Query() query: ListAgentsQuery): Promise<AgentList> {
    return this.agents.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One agent: registry record, capabilities, metadata, seconds since its last heartbeat' })
  @ApiParam({ name: 'id', description: 'Agent id' })
  @ApiOkResponse({ type: AgentView })
  @ApiNotFoundResponse({ description: 'No agent registered with this id' })
  async get(@Param('id') id: string): Promise<AgentView> {
    const agent = await this.agents.get(id);
    if (!agent) throw new NotFoundException(`No agent registered with id "${id}"`);
    return agent;
  }
}
