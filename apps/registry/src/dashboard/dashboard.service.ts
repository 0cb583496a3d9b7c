import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { MasConnection, slotPipeline } from '@mas/core';
import { catchError, EMPTY, exhaustMap, from, Observable, shareReplay, Subject, takeUntil, tap, timer } from 'rxjs';
import { AgentsService } from '../agents/agents.service';
import { ListAgentsQuery } from '../agents/dto/list-agents.query';
import { RegistrySettings } from '../config/registry.settings';
import type { DashboardAgent, DashboardLink, DashboardSnapshot } from './dashboard-snapshot.interfaces';
import { GatewayActivityReader } from './gateway-activity.reader';
import { TrafficRates } from './traffic-rates';

/** Every agent, in one page. */
const ALL_AGENTS: ListAgentsQuery = Object.assign(new ListAgentsQuery(), { limit: Number.MAX_SAFE_INTEGER, offset: 0 });

/**
 * Snapshots of the system for the dashboard: every agent as `GET /agents` shows it, with message
 * rates from the traffic counters agents write with their heartbeat, and the gateway panel.
 * One polling loop serves every open page (it runs while at least one is connected).
 */
@Injectable()
export class DashboardService implements OnModuleDestroy {
  /** A snapshot every `dashboard.refreshIntervalMs`; a new subscriber gets the latest one at once. */
  readonly snapshots$: Observable<DashboardSnapshot>;
  private readonly logger = new Logger('Dashboard');
  private readonly rates: TrafficRates;
  private readonly destroyed = new Subject<void>();
  private failing = false;

  constructor(
    private readonly agents: AgentsService,
    private readonly gateway: GatewayActivityReader,
    private readonly connection: MasConnection,
    private readonly settings: RegistrySettings,
  ) {
    const { refreshIntervalMs } = settings.dashboard;
    this.rates = new TrafficRates(3 * refreshIntervalMs);
    this.snapshots$ = timer(0, refreshIntervalMs).pipe(
      exhaustMap(() => from(this.snapshot()).pipe(catchError((error: unknown) => this.skip(error)))),
      tap(() => this.recovered()),
      takeUntil(this.destroyed),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
  }

  /** Reads the current state: agents with their traffic, and the gateway panel. */
  async snapshot(now = Date.now()): Promise<DashboardSnapshot> {
    const [list, gateway] = await Promise.all([this.agents.list(ALL_AGENTS), this.gateway.read(now)]);
    const fields = await this.readHashes(list.agents.map((agent) => agent.id));
    const agents = list.agents.map((view, i): DashboardAgent => {
      const traffic = this.rates.update(view.id, fields[i], now);
      // A crashed agent's last counters stay in its hash: keep the totals, drop the rates.
      if (traffic && view.status === 'INACTIVE') {
        Object.assign(traffic, { inPerSecond: null, outPerSecond: null, errorsPerSecond: null, reporters: 0 });
        for (const peer of traffic.peers) peer.perSecond = null;
      }
      return { ...view, traffic };
    });
    this.rates.retain(new Set(agents.map((agent) => agent.id)));
    const { resets, lastResetAt, subscriberDrops } = this.connection.stats;
    return { at: now, agents, gateway, redis: { resets, lastResetAt: lastResetAt ?? null, subscriberDrops }, links: linksOf(agents) };
  }

  /** Ends the stream of every open page (their connections close before the HTTP server does). */
  onModuleDestroy(): void {
    this.destroyed.next();
    this.destroyed.complete();
  }

  private async readHashes(ids: string[]): Promise<Array<Record<string, string>>> {
    const out: Array<Record<string, string>> = [];
    const batchSize = this.settings.monitor.batchSize;
    for (let start = 0; start < ids.length; start += batchSize) {
      const pipeline = slotPipeline(this.connection.command);
      for (const id of ids.slice(start, start + batchSize)) pipeline.hgetall(this.connection.keys.agent(id));
      for (const [error, fields] of (await pipeline.exec()) ?? []) out.push(error ? {} : ((fields as Record<string, string>) ?? {}));
    }
    return out;
  }

  /** A failed read skips one tick (the page shows the age of its last snapshot); logged once per outage. */
  private skip(error: unknown): Observable<never> {
    if (!this.failing) this.logger.warn(`Snapshot failed, retrying every tick: ${error instanceof Error ? error.message : String(error)}`);
    this.failing = true;
    return EMPTY;
  }

  private recovered(): void {
    if (this.failing) this.logger.log('Snapshots are back');
    this.failing = false;
  }
}

/** Most edges the graph is sent (the busiest). */
const MAX_LINKS = 200;

/** The who-talks-to-whom edges: each agent's reported peers, busiest first. */
function linksOf(agents: DashboardAgent[]): DashboardLink[] {
  const links = agents.flatMap((agent) => (agent.traffic?.peers ?? []).map((peer) => ({ from: agent.id, to: peer.id, sent: peer.sent, perSecond: peer.perSecond })));
  return links.sort((a, b) => (b.perSecond ?? 0) - (a.perSecond ?? 0) || b.sent - a.sent).slice(0, MAX_LINKS);
}
