import { randomBytes } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import Redis from 'ioredis';
import { type Agent, sleep } from '@mas/core';

export { sleep };

/** Base URL of the test Redis (global setup exports REDIS_URL), without a database number. */
const BASE_URL = (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d*$/, '');

/** URL of database `db` on the test Redis: each spec file reads its keys from its own database. */
export function redisUrlFor(db: number): string {
  return `${BASE_URL}/${db}`;
}

/** A unique agent id: the spec's name, a label and a random suffix (pub/sub is shared by all databases). */
export function uniqueId(spec: string, label: string): string {
  return `${spec}-${label}-${randomBytes(4).toString('hex')}`;
}

/** A logger that keeps test output readable; warnings and errors are kept for assertions. */
export class QuietLogger implements LoggerService {
  readonly warnings: string[] = [];
  readonly errors: string[] = [];
  log(): void {}
  debug(): void {}
  verbose(): void {}
  warn(message: unknown): void {
    this.warnings.push(String(message));
  }
  error(message: unknown): void {
    this.errors.push(String(message));
  }
}

/** A raw ioredis client (named so it never counts as a MAS connection). */
export function rawClient(url: string): Redis {
  return new Redis(url, { connectionName: 'mas-e2e-probe', lazyConnect: false });
}

/**
 * Polls `check` every `everyMs` until it returns a truthy value (real time; no fake timers), or throws after
 * `timeoutMs` with `what` (a function: evaluated then) and the last error `check` threw in the message.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs = 5_000,
  what: string | (() => string) = 'condition',
  everyMs = 20,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const text = typeof what === 'string' ? what : what();
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${text}${last ? `: ${String(last)}` : ''}`);
    }
    await sleep(everyMs);
  }
}

/** Collects every message published on some channels, parsed as JSON when possible. */
export class ChannelTap {
  readonly messages: Array<{ channel: string; raw: string; json: any }> = [];
  private readonly client: Redis;

  constructor(url: string) {
    this.client = rawClient(url);
    this.client.on('message', (channel: string, raw: string) => {
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        json = undefined;
      }
      this.messages.push({ channel, raw, json });
    });
  }

  async subscribe(...channels: string[]): Promise<this> {
    await this.client.subscribe(...channels);
    return this;
  }

  on(channel: string): Array<{ channel: string; raw: string; json: any }> {
    return this.messages.filter((m) => m.channel === channel);
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

/** Raw Redis clients and channel taps a spec opens, closed together in afterEach/afterAll. */
export class Probes {
  private readonly clients: Redis[] = [];
  private readonly taps: ChannelTap[] = [];

  /** A raw command client (to publish hand-written payloads, read keys, ...). */
  client(url: string): Redis {
    const client = rawClient(url);
    this.clients.push(client);
    return client;
  }

  /** A tap subscribed to `channels`. */
  async tap(url: string, ...channels: string[]): Promise<ChannelTap> {
    const tap = new ChannelTap(url);
    this.taps.push(tap);
    return tap.subscribe(...channels);
  }

  async closeAll(): Promise<void> {
    const clients = this.clients.splice(0);
    const taps = this.taps.splice(0);
    await Promise.all([
      ...clients.map((client) => client.quit().catch(() => client.disconnect())),
      ...taps.map((tap) => tap.close()),
    ]);
  }
}

/** Remembers the agents a spec starts, so that afterEach/afterAll can stop them all. */
export class AgentTracker {
  private readonly agents = new Set<Agent<any>>();

  track<A extends Agent<any>>(agent: A): A {
    this.agents.add(agent);
    return agent;
  }

  async start<A extends Agent<any>>(agent: A): Promise<A> {
    this.track(agent);
    await agent.start();
    return agent;
  }

  async stopAll(): Promise<void> {
    const agents = [...this.agents];
    this.agents.clear();
    await Promise.all(agents.map((agent) => agent.stop().catch(() => undefined)));
  }
}
