import { EventEmitter } from 'node:events';
import Redis, { Cluster, RedisOptions } from 'ioredis';
import { translatePermissionErrors } from './permission-errors';
import { DEFAULT_CONNECT_TIMEOUT_MS, maskRedisUrl, PROVISIONED_AGENT_USER_PREFIX, RedisConnectionOptions, resolveRedisUrl, ScriptMode } from './redis-options';
import { runScriptsAsFunctions } from './lua-script';
import { FunctionLibraryAdmin } from '../functions/function-admin';
import { MAS_FUNCTIONS } from '../functions/mas-functions';
import { RedisUnavailableError } from '../errors/delivery.errors';
import { RedisEpoch } from './redis-epoch';
import { watchCommands } from './command-watchdog';
import { MasLogger, resolveMasLogger } from '../util/mas-logger';
import { MasKeySpace } from './keys';
import { parseRedisTarget, RedisTarget } from './redis-target';
import { publishOn, readyMastersOf } from './pubsub';

/** Default deadline of a command on the command connection (ms). */
const DEFAULT_COMMAND_DEADLINE_MS = 3_000;

/** Receives the raw payloads published on one channel. */
export type ChannelListener = (payload: string, channel: string) => void;

/**
 * What a client of a {@link MasConnection} is for: the shared `command` or `subscriber` connection,
 * or the role of a {@link MasConnection.dedicated} one (`inbox`, `ingress`, ...). It names the client.
 */
export type MasClientRole = 'command' | 'subscriber' | (string & {});

/** Redis came back without its data: what the connection knows of it. */
export interface RedisResetEvent {
  /** The Redis it happened to (credentials masked). */
  url: string;
  /** When it was noticed (epoch ms). */
  at: number;
}

/** Events of a {@link MasConnection}. */
export interface MasConnectionEvents {
  /** The command connection is ready again after having been lost (Redis restart, network). */
  reconnected: [];
  /** The subscriber connection closed: messages published until it is back are lost. */
  lost: [];
  /** The subscriber connection is back and resubscribed, after `gapMs` without it. */
  resubscribed: [gapMs: number];
  /** Redis came back without its data (restart without persistence, flush, failover to an empty node). */
  reset: [event: RedisResetEvent];
}

/** What a {@link MasConnection} has seen go wrong, for health checks and metrics. */
export interface MasConnectionStats {
  /** Times the subscriber connection was lost (dropped by Redis, network, restart). */
  subscriberDrops: number;
  /** Total time without a subscriber connection, in ms (pub/sub messages of that time are lost). */
  subscriberGapMs: number;
  /** Times Redis came back without its data. */
  resets: number;
  /** When the last reset was noticed (epoch ms). */
  lastResetAt?: number;
}

/**
 * One command connection and one subscriber connection, shared by every agent of a process (or of a
 * Nest app), plus the dedicated connections blocking reads need. Channels are multiplexed: each agent
 * registers a listener for its own channel. The subscriber opens on the first (p)subscribe, so
 * command-only users (the gateway, the CLI) hold one connection. Every client is built by
 * {@link MasConnection.createClient}: override it to customise them.
 */
export class MasConnection extends EventEmitter<MasConnectionEvents> {
  /** Connection for commands (PUBLISH, HSET, scripts, ...). */
  readonly command: Redis;
  /** Every key and channel name of this connection (key style and namespace of its options). */
  readonly keys: MasKeySpace;
  /** What the URL points at: one server, a Redis Cluster or a Sentinel set. */
  readonly target: RedisTarget;
  private subscriberClient?: Redis;
  private readonly dedicatedClients = new Set<Redis>();
  private readonly channelListeners = new Map<string, ChannelListener>();
  private readonly patternListeners = new Map<string, (channel: string, payload: string) => void>();
  private readonly masterPatterns = new Map<string, (channel: string, payload: string) => void>();
  private readonly masterSubscribers = new Map<string, Redis>();
  private followingMasters = false;
  /** What this connection has seen go wrong. */
  readonly stats: MasConnectionStats = { subscriberDrops: 0, subscriberGapMs: 0, resets: 0 };
  private readonly logger: MasLogger;
  private readonly epoch: RedisEpoch;
  private wasReady = false;
  private closed = false;
  private subscriberLostAt?: number;
  private lastError?: string;
  private readonly watchdog: NodeJS.Timeout;

  constructor(readonly options: RedisConnectionOptions = {}) {
    super();
    this.logger = resolveMasLogger(options.logger, 'MasConnection');
    // Every agent sharing this connection listens to its events: thousands per process are fine.
    this.setMaxListeners(0);
    this.target = parseRedisTarget(this.url);
    // A cluster URL chooses the cluster key style (one hash slot per agent) unless told otherwise.
    this.keys = new MasKeySpace({ style: options.keyStyle ?? (this.isCluster ? 'cluster' : 'flat'), namespace: options.namespace });
    this.command = this.createClient('command');
    this.epoch = new RedisEpoch(this.command, this.keys);
    // On a Cluster the watchdog watches each node's connection (each has its own queues).
    this.watchdog = watchCommands(this.command, options.commandTimeoutMs ?? DEFAULT_COMMAND_DEADLINE_MS, this.logger, () => this.displayUrl);
    this.command.on('ready', () => {
      if (this.wasReady) {
        this.logger.log('Redis connection restored');
        this.emit('reconnected');
      }
      this.wasReady = true;
      void this.checkEpoch();
    });
    // On a cluster the client stays ready while one node restarts: a node (re)joining (a restarted
    // master, a promoted replica, a master added) checks the boot markers again.
    if (this.isCluster) {
      (this.command as unknown as Cluster).on('+node', () => {
        if (this.wasReady) void this.checkEpoch();
      });
    }
  }

  /**
   * True on a Redis Cluster (`redis-cluster://`): {@link command} and every client are ioredis
   * `Cluster`s (same command API; commands are routed by the slot of their keys), agent channels
   * use sharded pub/sub (SPUBLISH / SSUBSCRIBE), and SCAN goes to each master ({@link masters}).
   */
  get isCluster(): boolean {
    return this.target.kind === 'cluster';
  }

  /**
   * How this connection runs the MAS scripts: `functions` (FCALL of the MAS function library) when
   * told so or when its user is a provisioned agent's, else `eval` (see {@link RedisConnectionOptions.scripts}).
   */
  get scriptMode(): ScriptMode {
    return this.options.scripts ?? (this.userName()?.startsWith(PROVISIONED_AGENT_USER_PREFIX) ? 'functions' : 'eval');
  }

  /**
   * In `functions` mode, checks that every master holds the MAS function library this release
   * calls (an agent does it at start); in `eval` mode there is nothing to check.
   * @throws RedisFunctionsMissingError naming the master that lacks it and the fix (`mas functions load`)
   */
  async assertFunctionsLoaded(): Promise<void> {
    if (this.scriptMode === 'functions') await new FunctionLibraryAdmin(this, MAS_FUNCTIONS).assertLoaded();
  }

  /** The ACL user this connection authenticates as, when it names one. */
  private userName(): string | undefined {
    if (this.options.redis?.username) return this.options.redis.username;
    if (this.target.kind !== 'single') return this.target.username;
    try {
      return decodeURIComponent(new URL(this.target.url).username) || undefined;
    } catch {
      return undefined;
    }
  }

  /** The URL this connection points at, safe to log (credentials masked). */
  get displayUrl(): string {
    return maskRedisUrl(this.url);
  }

  /**
   * Connection in subscriber mode, opened on first use.
   * @throws Error once {@link close} was called and no subscriber had been opened
   */
  get subscriber(): Redis {
    this.subscriberClient ??= this.openSubscriber();
    return this.subscriberClient;
  }

  /** The URL this connection points at (without credentials logged anywhere). */
  get url(): string {
    return resolveRedisUrl(this.options);
  }

  /** True until {@link close} was called. */
  get isOpen(): boolean {
    return !this.closed;
  }

  /**
   * A connection of its own, e.g. for XREADGROUP BLOCK (which would stall every command queued behind
   * it on the shared one). Built by {@link createClient}; its owner disconnects it when done, and
   * {@link close} disconnects those still open.
   * @throws Error once {@link close} was called
   */
  dedicated(role: MasClientRole): Redis {
    if (this.closed) throw new Error(`MasConnection is closed: no ${role} connection`);
    const client = this.createClient(role);
    this.dedicatedClients.add(client);
    client.once('end', () => this.dedicatedClients.delete(client));
    return client;
  }

  /**
   * Builds one ioredis client, for every role, for what the URL points at: a `Redis` (one server,
   * or the master a Sentinel set names, followed across failovers) or a `Cluster` (typed as
   * `Redis`: the command API is the same). Override to customise them.
   */
  protected createClient(role: MasClientRole): Redis {
    const options: RedisOptions = {
      connectionName: `${this.options.clientName ?? 'mas'}-${role}`,
      // The ready check sends INFO, which a connection already in subscriber mode may not run
      // (ioredis issue 2037); the subscriber needs no ready check.
      ...(role === 'subscriber' ? { enableReadyCheck: false } : {}),
      ...this.options.redis,
    };
    const client = translatePermissionErrors(this.newClient(role, options));
    if (this.scriptMode === 'functions') runScriptsAsFunctions(client, MAS_FUNCTIONS);
    client.on('error', (error: Error) => {
      this.lastError = error.message || error.name;
      if (!this.closed) this.logger.warn(`Redis ${role} connection: ${this.lastError}`);
    });
    return client;
  }

  private newClient(role: MasClientRole, options: RedisOptions): Redis {
    const target = this.target;
    if (target.kind === 'single') return new Redis(this.url, options);
    const { username, password } = target;
    const credentials = { ...(username ? { username } : {}), ...(password !== undefined ? { password } : {}) };
    const tls = target.tls ? { tls: {} } : {};
    if (target.kind === 'sentinel') {
      return new Redis({ ...options, ...credentials, ...tls, sentinels: target.sentinels, name: target.masterName, db: target.db });
    }
    const { enableReadyCheck, ...redisOptions } = options;
    const cluster = new Cluster(target.nodes, {
      redisOptions: { ...redisOptions, ...credentials, ...tls },
      enableReadyCheck: enableReadyCheck ?? true,
      // One subscriber per master for SSUBSCRIBE, re-subscribed by ioredis when it sees the slots
      // move. A subscriber sends nothing that could be MOVED: only a periodic refresh of the slots
      // tells it that a shard channel's slot migrated (Redis then just SUNSUBSCRIBEs it), so it
      // refreshes every second; the other clients learn from MOVED replies and refresh rarely.
      shardedSubscribers: role === 'subscriber',
      slotsRefreshInterval: role === 'subscriber' ? 1_000 : 5_000,
      // Follow a failover or a slot migration quickly (MOVED / ASK and a node lost refresh the slots).
      slotsRefreshTimeout: 2_000,
      retryDelayOnFailover: 200,
      retryDelayOnClusterDown: 300,
      retryDelayOnTryAgain: 200,
    });
    return cluster as unknown as Redis;
  }

  /**
   * The clients of the masters of a cluster (or `[command]` on one server), for commands a
   * cluster does not route by key: SCAN, CONFIG, INFO, keyspace notifications.
   */
  masters(): Redis[] {
    if (!this.isCluster) return [this.command];
    return (this.command as unknown as Cluster).nodes('master');
  }

  /** {@link masters} once the command client is ready (a cluster client lists no node before). */
  readyMasters(): Promise<Redis[]> {
    return readyMastersOf(this.command);
  }

  /** {@link allNodes} once the command client is ready (a cluster client lists no node before). */
  async readyNodes(): Promise<Redis[]> {
    if (this.isCluster) await this.command.ping();
    return this.allNodes();
  }

  /** Every node of a cluster, replicas too (or `[command]` on one server): where a server setting must hold after a failover. */
  allNodes(): Redis[] {
    if (!this.isCluster) return [this.command];
    return (this.command as unknown as Cluster).nodes('all');
  }

  /**
   * Subscribes to a channel pattern on every master: what a node publishes itself, such as keyspace
   * notifications, is seen on that node only. On one server it is {@link psubscribe}. On a cluster a
   * subscriber per master follows the topology: a replica promoted by a failover, or a master
   * added, gets one when the slots are refreshed; a node no longer master loses its own.
   */
  async psubscribeOnMasters(pattern: string, listener: (channel: string, payload: string) => void): Promise<void> {
    if (!this.isCluster) return this.psubscribe(pattern, listener);
    this.masterPatterns.set(pattern, listener);
    if (!this.followingMasters) {
      this.followingMasters = true;
      const cluster = this.command as unknown as Cluster;
      const follow = () => void this.followMasters().catch((error: Error) => this.logger.warn(`Following the masters: ${error.message}`));
      cluster.on('refresh', follow);
      cluster.on('+node', follow);
      cluster.on('-node', follow);
    }
    await this.followMasters();
  }

  private async followMasters(): Promise<void> {
    if (this.closed) return;
    const masters = new Map((await this.readyMasters()).map((node) => [`${node.options.host}:${node.options.port}`, node]));
    for (const [address, subscriber] of this.masterSubscribers) {
      if (masters.has(address)) continue;
      this.masterSubscribers.delete(address);
      subscriber.disconnect();
    }
    await Promise.all(
      [...masters].map(async ([address, node]) => {
        let subscriber = this.masterSubscribers.get(address);
        if (!subscriber) {
          subscriber = translatePermissionErrors(node.duplicate({ connectionName: `${this.options.clientName ?? 'mas'}-node-subscriber`, enableReadyCheck: false }));
          subscriber.on('error', (error: Error) => {
            if (!this.closed) this.logger.warn(`Redis node subscriber ${address}: ${error.message}`);
          });
          subscriber.on('pmessage', (pattern: string, channel: string, payload: string) => this.masterPatterns.get(pattern)?.(channel, payload));
          this.masterSubscribers.set(address, subscriber);
        }
        const missing = [...this.masterPatterns.keys()];
        if (missing.length) await subscriber.psubscribe(...missing);
      }),
    );
  }

  private openSubscriber(): Redis {
    if (this.closed) throw new Error('MasConnection is closed: no subscriber connection');
    const subscriber = this.createClient('subscriber');
    subscriber.on('close', () => this.subscriberLost());
    subscriber.on('ready', () => this.subscriberBack());
    const onMessage = (channel: string, payload: string) => this.channelListeners.get(channel)?.(payload, channel);
    subscriber.on('message', onMessage);
    subscriber.on('smessage', onMessage);
    subscriber.on('pmessage', (pattern: string, channel: string, payload: string) => {
      this.patternListeners.get(pattern)?.(channel, payload);
    });
    return subscriber;
  }

  /** Counts and logs a lost subscriber once per outage; pending requests are failed by the listeners of `lost`. */
  private subscriberLost(): void {
    if (this.closed || this.subscriberLostAt !== undefined) return;
    this.subscriberLostAt = Date.now();
    this.stats.subscriberDrops += 1;
    this.logger.error(
      `Subscriber connection to ${this.displayUrl} lost (${this.channelListeners.size} channels): messages published ` +
        'to them until it is back are lost. If Redis dropped it (client-output-buffer-limit pubsub), the handlers ' +
        'are too slow for the traffic: lower maxConcurrency/maxQueued or use reliable delivery.',
    );
    this.emit('lost');
  }

  private subscriberBack(): void {
    if (this.subscriberLostAt === undefined) return;
    const gapMs = Date.now() - this.subscriberLostAt;
    this.subscriberLostAt = undefined;
    this.stats.subscriberGapMs += gapMs;
    this.logger.warn(`Subscriber connection back after ${gapMs} ms; ${this.channelListeners.size} channels resubscribed`);
    this.emit('resubscribed', gapMs);
  }

  /** Reads the boot marker after each (re)connection; a changed one means Redis lost its data. */
  private async checkEpoch(): Promise<void> {
    try {
      const { reset } = await this.epoch.check();
      if (!reset || this.closed) return;
      const at = Date.now();
      this.stats.resets += 1;
      this.stats.lastResetAt = at;
      this.logger.error(
        `Redis at ${this.displayUrl} came back without its data (restart without persistence, flush or failover ` +
          'to an empty node): undelivered inbox entries, registrations, state and pending work written before may be lost',
      );
      this.emit('reset', { url: this.displayUrl, at });
    } catch (error) {
      if (!this.closed) this.logger.warn(`Could not read the Redis boot marker: ${(error as Error).message}`);
    }
  }

  /** Resolves once the command connection answers. */
  async ready(): Promise<void> {
    await this.command.ping();
  }

  /**
   * Resolves once Redis answers, at once when the command connection is ready.
   * @throws RedisUnavailableError naming the URL (credentials masked), the last connection error and
   *   what to check, when Redis did not answer within `timeoutMs` (default `connectTimeoutMs`, 5 000).
   */
  async reachable(timeoutMs = this.options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS): Promise<void> {
    if (this.command.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    const answered = this.command.ping().then(
      () => true,
      () => false,
    );
    const expired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const ok = await Promise.race([answered, expired]).finally(() => clearTimeout(timer));
    if (ok) return;
    const cause = this.lastError ? ` (${this.lastError})` : '';
    throw new RedisUnavailableError(
      this.displayUrl,
      `no answer within ${timeoutMs} ms${cause}. Is Redis running there? The URL comes from the redisUrl option, ` +
        'else MAS_REDIS__URL, REDIS_URL or redis.url in config/mas.yaml (MAS_CONFIG)',
    );
  }

  /** Subscribes `listener` to `channel` (SSUBSCRIBE, sharded, on a cluster); one listener per channel. */
  async subscribe(channel: string, listener: ChannelListener): Promise<void> {
    this.channelListeners.set(channel, listener);
    if (this.isCluster) await this.subscriber.ssubscribe(channel);
    else await this.subscriber.subscribe(channel);
  }

  /** Publishes on `channel` (SPUBLISH on a cluster); resolves with the number of subscribers reached. */
  publish(channel: string, payload: string): Promise<number> {
    return publishOn(this.command, channel, payload);
  }

  /**
   * Removes the listener of `channel` and unsubscribes it. With `listener`, only when that is still
   * the channel's listener: an agent refused or replaced under the same id in this process must
   * not unsubscribe the live one.
   */
  async unsubscribe(channel: string, listener?: ChannelListener): Promise<void> {
    if (listener && this.channelListeners.get(channel) !== listener) return;
    if (!this.channelListeners.delete(channel)) return;
    if (this.subscriberClient?.status !== 'ready') return;
    if (this.isCluster) await this.subscriberClient.sunsubscribe(channel);
    else await this.subscriberClient.unsubscribe(channel);
  }

  /** Subscribes to a channel pattern (e.g. keyspace notifications). */
  async psubscribe(pattern: string, listener: (channel: string, payload: string) => void): Promise<void> {
    this.patternListeners.set(pattern, listener);
    await this.subscriber.psubscribe(pattern);
  }

  /** Removes a pattern subscription (made by {@link psubscribe} or {@link psubscribeOnMasters}). */
  async punsubscribe(pattern: string): Promise<void> {
    if (this.masterPatterns.delete(pattern)) {
      await Promise.all([...this.masterSubscribers.values()].map((subscriber) => subscriber.punsubscribe(pattern).catch(() => undefined)));
      return;
    }
    if (!this.patternListeners.delete(pattern)) return;
    if (this.subscriberClient?.status === 'ready') await this.subscriberClient.punsubscribe(pattern);
  }

  /** Number of channels with a listener. */
  get channelCount(): number {
    return this.channelListeners.size;
  }

  /**
   * Closes the command and subscriber connections (QUIT, then a hard disconnect if Redis does not
   * answer) and disconnects the dedicated ones still open (they may be blocked in a read).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.watchdog);
    this.channelListeners.clear();
    this.patternListeners.clear();
    for (const client of this.dedicatedClients) client.disconnect();
    this.dedicatedClients.clear();
    for (const subscriber of this.masterSubscribers.values()) subscriber.disconnect();
    this.masterSubscribers.clear();
    this.masterPatterns.clear();
    await Promise.all([quit(this.command), this.subscriberClient && quit(this.subscriberClient)]);
    this.removeAllListeners();
  }
}

async function quit(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  try {
    await Promise.race([
      client.quit(),
      new Promise((_, reject) => setTimeout(reject, 1000).unref()),
    ]);
  } catch {
    client.disconnect();
  }
}
