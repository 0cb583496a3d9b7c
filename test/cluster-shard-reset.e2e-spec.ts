import calculateSlot from 'cluster-key-slot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentMessage, MasConnection } from '@mas/core';
import { AgentTracker, QuietLogger, uniqueId, waitFor } from './support/e2e-helpers';
import { hasRedisServer } from './support/private-redis';
import { hasRedisCli, RedisClusterTopology } from './support/redis-topologies';

// One master of a cluster comes back without its data (a restart without persistence, no replica to
// take over): only the keys of its slots are gone. The boot marker is per master, so an agent notices
// whichever master it was, says so (stats, log, onRedisReset) and registers again; a single marker
// on another master would have said nothing.
const SPEC = 'shard-reset';
const logger = new QuietLogger();

class Recorder extends Agent {
  readonly received: AgentMessage[] = [];
  resets = 0;
  protected override onMessage(message: AgentMessage): unknown {
    this.received.push(message);
    return undefined;
  }
  protected override onRedisReset(): void {
    this.resets += 1;
  }
}

describe.runIf(hasRedisServer && hasRedisCli)('a cluster master back without its data', () => {
  const cluster = new RedisClusterTopology({ replicas: 0 });
  const agents = new AgentTracker();
  beforeAll(() => cluster.start(), 60_000);
  afterAll(async () => {
    await agents.stopAll();
    await cluster.stop();
  });

  it('is noticed by an agent whose keys it held: counted, hooked, registered again, receiving', async () => {
    const options = { redisUrl: cluster.url, logger, heartbeatIntervalMs: 300 };
    const keys = new MasConnection({ redisUrl: cluster.url, redis: { lazyConnect: true } }).keys; // names only
    const masters = await cluster.masterPorts();
    const epochMaster = await cluster.masterOf(calculateSlot(keys.epoch));
    // The victim: a master that does not serve the slot a single `mas:epoch` marker would have.
    const victim = masters.find((port) => port !== epochMaster)!;
    let receiverId = uniqueId(SPEC, 'receiver');
    while ((await cluster.masterOf(calculateSlot(receiverId))) !== victim) receiverId = uniqueId(SPEC, 'receiver');
    const receiver = await agents.start(new Recorder(receiverId, options));
    const sender = await agents.start(new Agent(uniqueId(SPEC, 'sender'), options));
    await expect(sender.send(receiver.id, 'note', { n: 1 })).resolves.toBe(1);
    const admin = new MasConnection({ redisUrl: cluster.url });
    try {
      expect(await admin.command.hget(keys.agent(receiver.id), 'status')).toBe('ACTIVE');

      await cluster.node(victim).kill('SIGKILL');
      await cluster.node(victim).start(); // same port and nodes.conf, no data
      await cluster.waitHealthy();

      await waitFor(() => receiver.stats.redisResets >= 1, 15_000, 'the receiver to notice the reset of its master');
      expect(receiver.resets).toBeGreaterThanOrEqual(1);
      await waitFor(async () => (await admin.command.hget(keys.agent(receiver.id), 'status')) === 'ACTIVE', 10_000, 'the receiver registered again');
      await waitFor(async () => (await sender.send(receiver.id, 'note', { n: 2 }).catch(() => 0)) === 1 && receiver.received.some((m) => m.data.n === 2), 10_000, 'a message after the reset');
    } finally {
      await admin.close();
    }
  }, 90_000);
});
