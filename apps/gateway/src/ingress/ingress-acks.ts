import { execAll, MasConnection } from '@mas/core';

/**
 * Acks and deletes decided ingress entries, all those of one event-loop turn in one MULTI
 * (`XACK … ids`, `XDEL … ids`): a batch of decisions costs one round trip instead of one each.
 */
export class IngressAcks {
  private ids: string[] = [];
  private pending?: Promise<void>;

  constructor(private readonly redis: MasConnection) {}

  /** Acks and deletes `id` with the others of this turn; resolves once Redis confirmed it. */
  ack(id: string): Promise<void> {
    this.ids.push(id);
    this.pending ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
    return this.pending;
  }

  private async flush(): Promise<void> {
    const ids = this.ids;
    this.ids = [];
    this.pending = undefined;
    const { gatewayIngress, gatewayGroup } = this.redis.keys;
    await execAll(this.redis.command.multi().xack(gatewayIngress, gatewayGroup, ...ids).xdel(gatewayIngress, ...ids));
  }
}
