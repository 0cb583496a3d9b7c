import { Controller, Get, MessageEvent, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { map, Observable } from 'rxjs';
import type { DashboardSnapshot } from './dashboard-snapshot.interfaces';
import { DashboardService } from './dashboard.service';

/** Milliseconds an `EventSource` waits before reconnecting. */
const RECONNECT_MS = 2_000;

/** The data behind the dashboard: a live stream of snapshots, and one snapshot on demand. */
@ApiTags('dashboard')
@Controller()
export class DashboardEventsController {
  constructor(private readonly dashboard: DashboardService) {}

  @Sse('events')
  @ApiOperation({
    summary: 'Server-sent events: a snapshot (agents with status, heartbeat age and message rates; gateway activity) every refresh interval',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'One `message` event per snapshot, its data a JSON snapshot as GET /dashboard/snapshot answers' })
  events(): Observable<MessageEvent> {
    return this.dashboard.snapshots$.pipe(map((snapshot) => ({ data: snapshot, retry: RECONNECT_MS })));
  }

  @Get('dashboard/snapshot')
  @ApiOperation({ summary: 'One snapshot of what the dashboard shows (rates need two heartbeats of an agent)' })
  @ApiOkResponse({ description: '{ at, agents: [AgentView & { traffic }], gateway: null | { decisionsPerSecond, auditTail, deadLetters, ... } }' })
  snapshot(): Promise<DashboardSnapshot> {
    return this.dashboard.snapshot();
  }
}
