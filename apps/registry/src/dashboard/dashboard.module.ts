import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { DashboardAssets } from './dashboard-assets';
import { DashboardEventsController } from './dashboard-events.controller';
import { DashboardPageController } from './dashboard-page.controller';
import { DashboardService } from './dashboard.service';
import { GatewayActivityReader } from './gateway-activity.reader';

/** The web dashboard: the page at `/`, its live data at `GET /events` and `GET /dashboard/snapshot`. */
@Module({
  imports: [AgentsModule],
  controllers: [DashboardPageController, DashboardEventsController],
  providers: [DashboardAssets, DashboardService, GatewayActivityReader],
})
export class DashboardModule {}
