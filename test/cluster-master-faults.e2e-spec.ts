import calculateSlot from 'cluster-key-slot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentMessage, MasConnection, RedisUnavailableError } from '@mas/core';
import { AgentTracker, QuietLogger, uniqueId, waitFor } from './support/e2e-helpers';
import { hasRedisServer } from './support/private-redis';
import { hasRedisCli, RedisClusterTopology } from './support/redis-topologies';

// Faults of one master of a cluster (3 masters, no replicas), seen by agents.
// One master of a cluster comes back without its data (a restart without persistence, no replica to
// take over): only the keys of its slots are gone. The boot marker is per master, so an agent notices
// whichever master it was, says so (stats, log, onRedisReset) and registers again; a single marker
// on another master would have said nothing.
const SPEC = 'master-faults';
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

describe.runIf(hasRedisServer && hasRedisCli)('a cluster master at fault', () => {
  const cluster = new RedisClusterTopology({ replicas: 0 });
  const agents = new AgentTracker();
  beforeAll(() => cluster.start(), 60_000);
  afterAll(async () => {
    await agents.stopAll();
    await cluster.stop();
  });

  it('back without its data, is noticed by an agent whose keys it held: counted, hooked, registered again, receiving', async () => {
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

  // A master that hangs (SIGSTOP: the connection stays open, nothing answers) must not hang the
  // sends routed to it: the command watchdog watches every node's connection.
  it('that hangs fails the sends routed to it within the command deadline, and they work once it answers', async () => {
    const options = { redisUrl: cluster.url, logger, heartbeatIntervalMs: 300, commandTimeoutMs: 1_000 };
    const masters = await cluster.masterPorts();
    const victim = masters[0];
    let receiverId = uniqueId(SPEC, 'hung-receiver');
    while ((await cluster.masterOf(calculateSlot(receiverId))) !== victim) receiverId = uniqueId(SPEC, 'hung-receiver');
    const receiver = await agents.start(new Recorder(receiverId, options));
    const sender = await agents.start(new Agent(uniqueId(SPEC, 'hung-sender'), options));
    await expect(sender.send(receiver.id, 'note', { n: 1 })).resolves.toBe(1);
    cluster.node(victim).pause();
    try {
      const began = Date.now();
      const outcome = await sender.send(receiver.id, 'note', { n: 2 }).then(
        (reached) => ({ reached }),
        (error: Error) => ({ error }),
      );
      const tookMs = Date.now() - began;
      expect((outcome as { error?: Error }).error).toBeInstanceOf(RedisUnavailableError);
      expect(tookMs).toBeLessThan(5_000);
      console.log(`[master-faults] send to a hung master: ${(outcome as { error: Error }).error.name}: ${(outcome as { error: Error }).error.message} after ${tookMs} ms`);
    } finally {
      cluster.node(victim).resume();
    }
    await cluster.waitHealthy();
    await waitFor(async () => (await sender.send(receiver.id, 'note', { n: 3 }).catch(() => 0)) === 1 && receiver.received.some((m) => m.data.n === 3), 20_000, 'a send once the master answers');
  }, 90_000);
});
