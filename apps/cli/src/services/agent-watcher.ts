import { AgentViewReader, decodeSystemEvent, MasConnection, slotPipeline } from '@mas/core';
import { KeyShape, keyShape } from './key-shape';

/** Something that happened to an agent. */
export type WatchEvent =
  | { event: 'REGISTER' | 'DEREGISTER'; agent_id: string; capabilities: string[]; at: string }
  | { event: 'STATUS'; agent_id: string; from: string; to: string; at: string };

/** How status changes are noticed. */
export type WatchMode = 'keyspace' | 'poll';

/** Options of {@link AgentWatcher}. */
export interface AgentWatcherOptions {
  /** `auto` (default): keyspace notifications when the server has them on for hashes, else polling. */
  mode?: WatchMode | 'auto';
  /** Poll period in ms (default 2000). */
  intervalMs?: number;
  /** Database of the connection (keyspace channels are per database). */
  db: number;
}

/** True when `notify-keyspace-events` flags deliver `hset` events on keyspace channels. */
export function keyspaceHashEventsEnabled(flags: string): boolean {
  return flags.includes('K') && (flags.includes('h') || flags.includes('A'));
}

/**
 * Reports REGISTER / DEREGISTER events of `mas.system` and changes of the `status` field of
 * `agent:{id}` hashes, either from keyspace notifications (`hset` on `agent:*`) or by polling; only
 * for agents of the connection's database.
 */
export class AgentWatcher {
  private readonly statuses = new Map<string, string>();
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private keyspacePattern?: string;
  private stopped = false;
  private readonly agentHash: KeyShape;

  constructor(
    private readonly connection: MasConnection,
    private readonly onEvent: (event: WatchEvent) => void,
    private readonly options: AgentWatcherOptions,
  ) {
    this.agentHash = keyShape(connection.keys.agent);
  }

  /** Subscribes and takes the first snapshot; resolves with the mode in use. */
  async start(): Promise<WatchMode> {
    await this.connection.subscribe(this.connection.keys.systemChannel, (payload) => this.onSystemEvent(payload));
    const mode = await this.chooseMode();
    await this.snapshot(false);
    if (mode === 'keyspace') {
      this.keyspacePattern = `__keyspace@${this.options.db}__:${this.agentHash.pattern}`;
      await this.connection.psubscribeOnMasters(this.keyspacePattern, (channel, event) => this.onKeyspaceEvent(channel, event));
    } else {
      this.timer = setInterval(() => {
        this.polling ??= this.snapshot(true)
          .catch(() => undefined)
          .finally(() => (this.polling = undefined));
      }, this.options.intervalMs ?? 2_000);
    }
    return mode;
  }

  /** Unsubscribes and stops polling. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.polling;
    await this.connection.unsubscribe(this.connection.keys.systemChannel).catch(() => undefined);
    if (this.keyspacePattern) await this.connection.punsubscribe(this.keyspacePattern).catch(() => undefined);
  }

  /** True / false when the server says whether it sends `hset` keyspace events; undefined when CONFIG is refused. */
  async keyspaceEventsEnabled(): Promise<boolean | undefined> {
    try {
      const reply = (await this.connection.command.config('GET', 'notify-keyspace-events')) as string[];
      return keyspaceHashEventsEnabled(reply[1] ?? '');
    } catch {
      return undefined; // CONFIG is often disabled on managed Redis
    }
  }

  private async chooseMode(): Promise<WatchMode> {
    const wanted = this.options.mode ?? 'auto';
    if (wanted !== 'auto') return wanted;
    return (await this.keyspaceEventsEnabled()) ? 'keyspace' : 'poll';
  }

  /**
   * `mas.system` is server-wide (pub/sub ignores databases): a REGISTER counts when the agent's hash
   * exists in this database (it is written before the event), a DEREGISTER when the agent was known.
   */
  private onSystemEvent(payload: string): void {
    const event = decodeSystemEvent(payload);
    if (!event || this.stopped) return;
    const report = () =>
      this.onEvent({ event: event.type, agent_id: event.agent_id, capabilities: event.capabilities ?? [], at: new Date().toISOString() });
    if (event.type === 'DEREGISTER') {
      if (this.statuses.delete(event.agent_id)) report();
      return;
    }
    void this.connection.command
      .exists(this.connection.keys.agent(event.agent_id))
      .then((exists) => {
        if (!exists || this.stopped) return;
        this.statuses.set(event.agent_id, 'ACTIVE');
        report();
      })
      .catch(() => undefined);
  }

  private onKeyspaceEvent(channel: string, event: string): void {
    if (event !== 'hset' || this.stopped) return;
    const id = this.agentHash.nameOf(channel.slice(channel.indexOf(':') + 1));
    if (!id) return;
    void this.connection.command
      .hget(this.connection.keys.agent(id), 'status')
      .then((status) => status && this.observe(id, status, true))
      .catch(() => undefined);
  }

  /** Reads the status of every agent; reports changes when `report` (the first pass is the baseline). */
  private async snapshot(report: boolean): Promise<void> {
    const ids = await new AgentViewReader(this.connection.command, this.connection.keys).scanIds();
    if (!ids.length) return;
    const pipeline = slotPipeline(this.connection.command);
    for (const id of ids) pipeline.hget(this.connection.keys.agent(id), 'status');
    const results = (await pipeline.exec()) ?? [];
    ids.forEach((id, i) => {
      const status = results[i]?.[1] as string | null;
      if (status) this.observe(id, status, report);
    });
  }

  private observe(id: string, status: string, report: boolean): void {
    const previous = this.statuses.get(id);
    this.statuses.set(id, status);
    // An id seen for the first time is a baseline (its REGISTER event says it appeared).
    if (report && !this.stopped && previous !== undefined && previous !== status) {
      this.onEvent({ event: 'STATUS', agent_id: id, from: previous, to: status, at: new Date().toISOString() });
    }
  }
}
