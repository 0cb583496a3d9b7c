import { afterEach, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, MasConnection, MasKeys } from '@mas/core';
import { privateSuite } from './support/private-redis';
import { sleep, uniqueId, waitFor } from './support/e2e-helpers';

// A direct-mode agent slower than its traffic (issue: no silent loss, point 3): what it cannot take
// is dropped and counted, it keeps reading so Redis does not cut it off, and when Redis does cut
// the subscriber off, the drop is logged, counted and repaired at once.
const SPEC = 'loss-slow';
const id = (label: string) => uniqueId(SPEC, label);
const suite = privateSuite(12);
const { agents, probes, logger } = suite;
const connections: MasConnection[] = [];
afterEach(async () => {
  await agents.stopAll();
  await Promise.all(connections.splice(0).map((c) => c.close()));
});

/** Burns `ms` of CPU: the event loop is blocked meanwhile, as with real CPU-bound handlers. */
function burn(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

class Burner extends Agent {
  handled = 0;
  @AgentHandler('work')
  work() {
    burn(5);
    this.handled += 1;
  }
  @AgentHandler('ping')
  ping() {
    return { pong: true };
  }
}

function envelope(target: string, n: number, blob: string): string {
  return JSON.stringify({
    sender_id: 'flooder',
    target_id: target,
    message_type: 'work',
    data: { n, blob },
    meta: { version: 1, correlation_id: null, expects_reply: false, is_reply: false },
    timestamp: Date.now() / 1000,
    message_id: `flood-${n}`,
  });
}

async function flood(target: string, count: number, bytes: number): Promise<void> {
  const raw = probes.client(suite.redisUrl);
  const blob = 'x'.repeat(bytes);
  for (let start = 0; start < count; start += 500) {
    const pipeline = raw.pipeline();
    for (let n = start; n < Math.min(count, start + 500); n++) pipeline.publish(MasKeys.agentChannel(target), envelope(target, n, blob));
    await pipeline.exec();
  }
}

describe('a subscriber slower than its traffic', () => {
  it('drops what exceeds its queue with a count, and accounts for every message', async () => {
    const burner = await agents.start(new Burner(id('burner'), { redisUrl: suite.redisUrl, logger, maxConcurrency: 4, maxQueued: 100 }));

    await flood(burner.id, 3_000, 500);

    await waitFor(() => burner.stats.received === 3_000, 20_000, () => `3000 received (got ${burner.stats.received})`);
    await waitFor(() => burner.handled + burner.stats.dropped === 3_000, 10_000, () => `handled ${burner.handled} + dropped ${burner.stats.dropped}`);
    expect(burner.stats.dropped).toBeGreaterThan(0);
    expect(logger.warnings.some((w) => w.includes('Dropped message'))).toBe(true);
  });

  it('notices when Redis cuts the subscriber off (output buffer limit), logs and counts it, and resubscribes at once', async () => {
    const admin = probes.client(suite.redisUrl);
    const connection = new MasConnection({ redisUrl: suite.redisUrl });
    connections.push(connection);
    const burner = await agents.start(new Burner(id('burner'), { redisUrl: suite.redisUrl, logger, connection, maxConcurrency: 1, maxQueued: 100_000 }));
    await admin.config('SET', 'client-output-buffer-limit', 'pubsub 64kb 32kb 1');
    try {
      // A sender faster than any reader: 5,000 publishes of 2 KB inside Redis, in one script.
      const burst = "for i = 1, tonumber(ARGV[2]) do redis.call('PUBLISH', KEYS[1], ARGV[1]) end";
      await admin.eval(burst, 1, MasKeys.agentChannel(burner.id), envelope(burner.id, 0, 'x'.repeat(2_000)), 5_000);
      await waitFor(() => connection.stats.subscriberDrops >= 1, 10_000, 'the drop to be noticed');
    } finally {
      await admin.config('SET', 'client-output-buffer-limit', 'pubsub 32mb 8mb 60');
    }
    const requester = await agents.start(new Agent(id('requester'), { redisUrl: suite.redisUrl, logger }));

    const started = Date.now();
    await waitFor(
      () => requester.request(burner.id, 'ping', {}, { timeout: 500 }).then(() => true, () => false),
      20_000,
      'the burner to answer again',
    );
    expect(connection.stats.subscriberGapMs).toBeGreaterThanOrEqual(0);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('repairs a killed subscriber connection at once and counts the gap', async () => {
    const admin = probes.client(suite.redisUrl);
    const connection = new MasConnection({ redisUrl: suite.redisUrl });
    connections.push(connection);
    const burner = await agents.start(new Burner(id('burner'), { redisUrl: suite.redisUrl, logger, connection }));
    const requester = await agents.start(new Agent(id('requester'), { redisUrl: suite.redisUrl, logger }));

    await admin.client('KILL', 'TYPE', 'pubsub');
    await waitFor(() => connection.stats.subscriberDrops === 1, 5_000, 'the drop to be counted');
    const started = Date.now();
    await waitFor(
      () => requester.request(burner.id, 'ping', {}, { timeout: 300 }).then(() => true, () => false),
      5_000,
      'the burner to answer again',
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    await sleep(50);
    expect(connection.stats.subscriberGapMs).toBeGreaterThanOrEqual(0);
  });
});
