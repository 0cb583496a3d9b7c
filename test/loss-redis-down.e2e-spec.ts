import { afterAll, afterEach, describe, expect, it } from 'vitest';
import Redis from 'ioredis';
import { Agent, AgentHandler, MasKeys, RedisResetEvent, RedisUnavailableError, RequestTimeoutError } from '@mas/core';
import { AgentTracker, QuietLogger, sleep, uniqueId, waitFor } from './support/e2e-helpers';
import { RedisServer } from './support/private-redis';

// Redis down, and Redis back without its data (issue: no silent loss, points 2 and 5): sends fail
// fast with a typed error naming the URL (never the password), a request given up is never run
// later, heartbeats do not replay as a burst, and a restart that lost the data is reported.
const SPEC = 'loss-down';
const id = (label: string) => uniqueId(SPEC, label);
const PASSWORD = 'sekret-pw';

class Counter extends Agent {
  runs = 0;
  @AgentHandler('count')
  count() {
    this.runs += 1;
    return { runs: this.runs };
  }
}

const agents = new AgentTracker();
const servers: RedisServer[] = [];
afterEach(() => agents.stopAll());
afterAll(async () => {
  for (const server of servers) await server.dispose('SIGKILL');
});

/** A redis-server of this test's own that asks for a password (set again after each start); `url` carries it. */
async function server(appendOnly = false) {
  const redis = new RedisServer({ appendOnly });
  servers.push(redis);
  const start = async () => {
    await redis.start();
    const admin = new Redis(redis.url);
    await admin.config('SET', 'requirepass', PASSWORD);
    admin.disconnect();
  };
  await start();
  const handle = { port: redis.port, kill: () => redis.kill(), start, pause: () => redis.pause(), resume: () => redis.resume() };
  return { redis: handle, url: `redis://:${PASSWORD}@127.0.0.1:${redis.port}` };
}

/** Waits until `channel` has a subscriber again (the agent resubscribed after the restart). */
async function subscribed(url: string, channel: string): Promise<void> {
  const probe = new Redis(url, { maxRetriesPerRequest: null });
  probe.on('error', () => undefined);
  try {
    await waitFor(async () => ((await probe.pubsub('NUMSUB', channel)) as [string, number])[1] > 0, 10_000, `a subscriber on ${channel}`);
  } finally {
    probe.disconnect();
  }
}

describe('Redis down', () => {
  it('rejects a send within the command deadline with RedisUnavailableError naming the URL, password masked', async () => {
    const { redis, url } = await server();
    const logger = new QuietLogger();
    const sender = await agents.start(new Agent(id('sender'), { redisUrl: url, logger, commandTimeoutMs: 500 }));
    await redis.kill();

    const started = Date.now();
    const error = await sender.send('anyone', 'ping', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as Error).message).toContain(`127.0.0.1:${redis.port}`);
    expect((error as Error).message).not.toContain(PASSWORD);
    expect(Date.now() - started).toBeLessThan(1_500);
    await redis.start();
  });

  it('rejects a send to a Redis that hangs (connection open, no answer) within the command deadline', async () => {
    const { redis, url } = await server();
    const sender = await agents.start(new Agent(id('sender'), { redisUrl: url, logger: new QuietLogger(), commandTimeoutMs: 500 }));
    redis.pause();
    try {
      const started = Date.now();
      const error = await sender.send('anyone', 'ping', {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedisUnavailableError);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      redis.resume();
    }
    await expect(sender.send('anyone', 'ping', {})).resolves.toBe(0); // reconnected, nobody listens
  });

  it('stops within a bounded time while Redis is down', async () => {
    const { redis, url } = await server();
    const agent = new Agent(id('stopping'), { redisUrl: url, logger: new QuietLogger(), delivery: 'reliable', commandTimeoutMs: 500 });
    await agent.start();
    await redis.kill();
    await sleep(100);

    const started = Date.now();
    await agent.stop();

    expect(Date.now() - started).toBeLessThan(4_000);
    expect(agent.isRunning).toBe(false);
    await redis.start();
  });

  it('lets a bounded number of sends wait for the connection and refuses the rest at once', async () => {
    const { redis, url } = await server();
    const sender = await agents.start(new Agent(id('sender'), { redisUrl: url, logger: new QuietLogger(), commandTimeoutMs: 1_500, maxOfflineSends: 10 }));
    await redis.kill();
    await sleep(100); // the client has seen the connection go

    const started = Date.now();
    const settled = await Promise.all(
      Array.from({ length: 50 }, () =>
        sender.send('anyone', 'ping', {}).then(
          (): { ok: boolean; error?: unknown; ms: number } => ({ ok: true, ms: Date.now() - started }),
          (error: unknown) => ({ ok: false, error, ms: Date.now() - started }),
        ),
      ),
    );

    expect(settled.every((s) => !s.ok && s.error instanceof RedisUnavailableError)).toBe(true);
    const atOnce = settled.filter((s) => s.ms < 500);
    expect(atOnce).toHaveLength(40);
    expect(settled.filter((s) => s.ms >= 1_000)).toHaveLength(10); // waited out the 1.5 s deadline
    await redis.start();
  });

  it('never runs a request later that its requester gave up while Redis was down', async () => {
    const { redis, url } = await server();
    const logger = new QuietLogger();
    const counter = await agents.start(new Counter(id('counter'), { redisUrl: url, logger, heartbeatIntervalMs: 200, heartbeatTtlMs: 1_000 }));
    const requester = await agents.start(new Agent(id('requester'), { redisUrl: url, logger, commandTimeoutMs: 10_000 }));
    await redis.kill();
    await sleep(100);

    const error = await requester.request(counter.id, 'count', {}, { timeout: 400 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    await redis.start();
    await subscribed(url, MasKeys.agentChannel(counter.id));
    await sleep(1_000);

    expect(counter.runs).toBe(0);
    await expect(requester.request(counter.id, 'count', {}, { timeout: 5_000 })).resolves.toMatchObject({ data: { runs: 1 } });
  });

  it('drops, unrun and counted, a request that arrives after its meta.deadline', async () => {
    const { url } = await server();
    const counter = await agents.start(new Counter(id('counter'), { redisUrl: url, logger: new QuietLogger() }));
    const raw = new Redis(url);
    const request = (deadline: number, n: number) =>
      JSON.stringify({
        sender_id: 'someone',
        target_id: counter.id,
        message_type: 'count',
        data: {},
        meta: { version: 1, correlation_id: `c-${n}`, expects_reply: true, is_reply: false, deadline },
        timestamp: Date.now() / 1000,
        message_id: `m-${n}`,
      });
    await raw.publish(MasKeys.agentChannel(counter.id), request(Date.now() / 1000 - 5, 1));
    await raw.publish(MasKeys.agentChannel(counter.id), request(Date.now() / 1000 + 30, 2));
    await waitFor(() => counter.stats.received === 2);
    await sleep(100);
    raw.disconnect();

    expect(counter.stats.expired).toBe(1);
    expect(counter.runs).toBe(1);
  });

  it('sends one heartbeat, not a burst of queued ones, when Redis comes back', async () => {
    const { redis, url } = await server();
    const logger = new QuietLogger();
    const agent = await agents.start(new Agent(id('beating'), { redisUrl: url, logger, heartbeatIntervalMs: 100, heartbeatTtlMs: 1_000 }));
    await redis.kill();
    await sleep(1_500); // ~15 heartbeat ticks while down
    await redis.start();
    const probe = new Redis(url);
    await waitFor(() => probe.exists(MasKeys.agent(agent.id)), 10_000, 'the registration again');
    await sleep(800);
    probe.disconnect();

    expect(logger.warnings.filter((w) => w.includes('registering again'))).toHaveLength(1);
  });
});

describe('Redis back without its data', () => {
  it('is detected, logged, counted and passed to onRedisReset; a restart that kept its data is not', async () => {
    const volatile = await server(false);
    const durable = await server(true);
    const events: RedisResetEvent[] = [];
    const onRedisReset = (event: RedisResetEvent) => void events.push(event);
    const lost = await agents.start(new Agent(id('lost'), { redisUrl: volatile.url, logger: new QuietLogger(), onRedisReset }));
    const kept = await agents.start(new Agent(id('kept'), { redisUrl: durable.url, logger: new QuietLogger(), onRedisReset }));

    for (const { redis } of [volatile, durable]) {
      await redis.kill();
      await redis.start();
    }
    await waitFor(() => lost.stats.redisResets === 1, 10_000, 'the reset to be noticed');
    const probe = new Redis(durable.url);
    await waitFor(async () => String(await probe.client('LIST')).includes('mas-command'), 10_000, 'the durable agent back');
    probe.disconnect();
    await sleep(500);

    expect(events).toHaveLength(1);
    expect(events[0].url).toContain(`127.0.0.1:${volatile.redis.port}`);
    expect(events[0].url).not.toContain(PASSWORD);
    expect(kept.stats.redisResets).toBe(0);
  });
});
