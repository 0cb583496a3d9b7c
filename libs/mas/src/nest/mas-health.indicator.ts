import { Inject, Injectable } from '@nestjs/common';
import type { MasConnection } from '../redis/mas-connection';
import { checkMasHealth, type MasHealthOptions, type MasHealthResult } from '../observability/mas-health';
import { MAS_CONNECTION } from './mas.constants';
import { MasAgents } from './mas-agents';

/**
 * A Terminus health indicator for the agents of a Nest app (`MasModule` provides it):
 *
 * ```ts
 * @Get('health') @HealthCheck()
 * check() { return this.health.check([() => this.mas.isHealthy('mas', { maxInboxLag: 500 })]); }
 * ```
 */
@Injectable()
export class MasHealthIndicator {
  constructor(
    @Inject(MAS_CONNECTION) private readonly connection: MasConnection,
    private readonly agents: MasAgents,
  ) {}

  /** Redis reachable, agents running, heartbeats fresh, inbox lag under the threshold. */
  isHealthy<Key extends string = 'mas'>(key: Key = 'mas' as Key, options: MasHealthOptions = {}): Promise<MasHealthResult<Key>> {
    return checkMasHealth(this.connection, this.agents.all(), key, options);
  }
}
