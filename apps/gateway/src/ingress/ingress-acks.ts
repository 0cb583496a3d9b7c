import { execAll, MasConnection } from '@mas/core';

/**
 * Acks and deletes decided entries of one ingress stream, all those of one event-loop turn in one
 * MULTI (`XACK … ids`, `XDEL … ids`: one key, so one hash slot on a cluster): a batch of decisions
 * costs one round trip instead of one each.
 */
export class IngressAcks {
  private ids: string[] = [];
  private pending?: Promise<void>;

  constructor(
    private readonly redis: MasConnection,
    private readonly stream: string,
  ) {}

  /** Acks and deletes `ids` with the others of this turn; resolves once Redis confirmed them. */
  ack(...ids: string[]): Promise<void> {
    for (const id of ids) this.ids.push(id);
    this.pending ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
    return this.pending;
  }

  private async flush(): Promise<void> {
    const ids = this.ids;
    this.ids = [];
    this.pending = undefined;
    const group = this.redis.keys.gatewayGroup;
    await execAll(this.redis.command.multi().xack(this.stream, group, ...ids).xdel(this.stream, ...ids));
  }
}
