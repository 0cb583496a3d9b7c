import calculateSlot from 'cluster-key-slot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentMessage, sleep } from '@mas/core';
import { AgentTracker, QuietLogger, uniqueId, waitFor } from './support/e2e-helpers';
import { hasRedisServer } from './support/private-redis';
import { ClusterAdmin, ExistingCluster, hasRedisCli, RedisClusterTopology } from './support/redis-topologies';

// Moving the hash slot of an agent (all its keys share it: cluster key style) to another master
// while messages flow to it: it keeps receiving, over sharded pub/sub (ioredis re-subscribes on the
// slot's new master) and through its inbox stream (migrated with its consumer group).
const SPEC = 'resharding';
const logger = new QuietLogger();

class Recorder extends Agent {
  readonly seen = new Set<number>();
  protected override onMessage(message: AgentMessage): unknown {
    this.seen.add(Number(message.data.n));
    return undefined;
  }
}

describe.runIf(hasRedisServer && hasRedisCli)('resharding a cluster during traffic', () => {
  // The run's cluster when the global setup started one (moving the slot of an id of this spec's
  // own disturbs no other spec), else one of its own.
  const own = process.env.MAS_TEST_CLUSTER_URL ? undefined : new RedisClusterTopology();
  const cluster: ClusterAdmin & { url: string } = own ?? new ExistingCluster(process.env.MAS_TEST_CLUSTER_URL!);
  const agents = new AgentTracker();
  beforeAll(() => own?.start(), 60_000);
  afterAll(async () => {
    await agents.stopAll();
    await own?.stop();
  });

  it.each(['direct', 'reliable'] as const)('keeps a %s receiver receiving while its slot moves to another master', async (delivery) => {
    const options = { redisUrl: cluster.url, logger, heartbeatIntervalMs: 500 };
    const receiver = await agents.start(new Recorder(uniqueId(SPEC, delivery), { ...options, delivery, inbox: { claimIdleMs: 500 } }));
    const sender = await agents.start(new Agent(uniqueId(SPEC, `${delivery}-sender`), options));
    const slot = calculateSlot(receiver.id);
    const masters = await cluster.masterPorts();
    const sent: number[] = [];
    let running = true;
    const traffic = (async () => {
      for (let n = 0; running; n++) {
        const reached = await sender.send(receiver.id, 'note', { n }, { reliable: delivery === 'reliable' }).catch(() => 0);
        if (reached > 0) sent.push(n);
        await sleep(10);
      }
    })();
    await sleep(500);
    const owner = await cluster.masterOf(slot);
    const target = masters.find((port) => port !== owner)!;
    await cluster.moveSlot(slot, target);
    expect(await cluster.masterOf(slot)).toBe(target);
    const movedAt = sent.length;
    await sleep(1_500);
    running = false;
    await traffic;
    expect(sent.length - movedAt).toBeGreaterThan(20); // sends after the move reached it
    await waitFor(() => sent.every((n) => receiver.seen.has(n)), 10_000, () => `every message that reached it (missing ${sent.filter((n) => !receiver.seen.has(n)).slice(0, 10)})`);
    console.log(`[resharding ${delivery}] slot ${slot} moved ${owner} -> ${target}; ${sent.length} sends reached it, all received (${sent.length - movedAt} after the move)`);
  }, 60_000);
});
