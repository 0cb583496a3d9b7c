import calculateSlot from 'cluster-key-slot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, AgentMessage, MasConnection, ReplicationTimeoutError, sleep } from '@mas/core';
import { AgentTracker, QuietLogger, uniqueId, waitFor } from './support/e2e-helpers';
import { hasRedisServer } from './support/private-redis';
import { hasRedisCli, RedisClusterTopology, SentinelTopology } from './support/redis-topologies';
import { startRegistry } from './registry-e2e.helpers';

// SIGKILL of the master serving the agents, mid-traffic, on a Redis Cluster and on a Sentinel set
// of their own (appendonly yes, appendfsync always on every data node). A replica is promoted; the
// agents and the registry carry on with no user code. Direct messages published around the kill are
// lost (counted and reported); a reliable send that WAITed for one replica and resolved is never lost.
// A reliable send that did not wait could be: Redis replicates asynchronously, so what the killed
// master acknowledged but had not yet sent to its replica is gone with it (the AOF of the dead master
// does not help: it rejoins as a replica of the promoted one and drops its own data).
const SPEC = 'failover';
const logger = new QuietLogger();
const TICK_MS = 50;
/** Reliable sends in flight at most (each WAITs on one connection: more would only queue behind it). */
const MAX_RELIABLE_IN_FLIGHT = 10;

class Recorder extends Agent {
  readonly seen = new Set<number>();
  @AgentHandler('ping')
  ping(data: Record<string, unknown>) {
    return { pong: data.n };
  }
  protected override onMessage(message: AgentMessage): unknown {
    this.seen.add(Number(message.data.n));
    return undefined;
  }
}

interface Topology {
  url: string;
  /** Port of the master serving `key`. */
  masterOf(key: string): Promise<number>;
  /** SIGKILLs the master on `port`; resolves once a replica took over. */
  killMaster(port: number): Promise<void>;
  stop(): Promise<void>;
}

async function clusterTopology(): Promise<Topology> {
  const cluster = new RedisClusterTopology({ appendOnly: true });
  await cluster.start();
  return {
    url: cluster.url,
    masterOf: (key) => cluster.masterOf(calculateSlot(key)),
    async killMaster(port) {
      await cluster.node(port).kill('SIGKILL');
      await waitFor(async () => !(await cluster.masterPorts()).includes(port) && (await cluster.masterPorts()).length === 3, 20_000, 'a replica promoted', 200);
      await cluster.waitHealthy();
    },
    stop: () => cluster.stop(),
  };
}

async function sentinelTopology(): Promise<Topology> {
  const set = new SentinelTopology({ appendOnly: true });
  await set.start();
  return {
    url: set.url,
    masterOf: () => set.masterPort(),
    async killMaster(port) {
      await (port === set.master.port ? set.master : set.replica).kill('SIGKILL');
      await waitFor(async () => (await set.masterPort()) !== port, 20_000, 'the sentinels to promote the replica', 200);
    },
    stop: () => set.stop(),
  };
}

const kinds: Array<[string, () => Promise<Topology>]> = hasRedisServer && hasRedisCli
  ? [['cluster', clusterTopology], ['sentinel', sentinelTopology]]
  : [];

describe.each(kinds)('failover of a %s master mid-traffic', (kind, start) => {
  let topology: Topology;
  const agents = new AgentTracker();
  beforeAll(async () => {
    topology = await start();
  }, 60_000);
  afterAll(async () => {
    await agents.stopAll();
    await topology?.stop();
  });

  it('carries on with no user code: direct losses counted, no acknowledged reliable send lost', async () => {
    const options = { redisUrl: topology.url, logger, heartbeatIntervalMs: 500, requestTimeoutMs: 2_000 };
    const keys = new MasConnection({ redisUrl: topology.url, redis: { lazyConnect: true } }).keys; // names only
    const reliableId = uniqueId(SPEC, `${kind}-reliable`);
    const victim = await topology.masterOf(keys.inbox(reliableId));
    // The direct receiver's channel on the same master (on a cluster: an id of a slot it serves).
    let directId = uniqueId(SPEC, `${kind}-direct`);
    while ((await topology.masterOf(keys.agentChannel(directId))) !== victim) directId = uniqueId(SPEC, `${kind}-direct`);
    const direct = await agents.start(new Recorder(directId, options));
    const reliable = await agents.start(new Recorder(reliableId, { ...options, delivery: 'reliable', inbox: { claimIdleMs: 500 } }));
    const sender = await agents.start(new Agent(uniqueId(SPEC, `${kind}-sender`), options));
    const registry = await startRegistry(topology.url, { checkIntervalMs: 1_000 });

    const outcome = { directSent: 0, directReached: new Set<number>(), directUnreached: 0, directFailed: 0, acked: new Set<number>(), replicationTimeouts: 0, failures: new Map<string, number>() };
    const failed = (error: unknown) => outcome.failures.set((error as Error).name, (outcome.failures.get((error as Error).name) ?? 0) + 1);
    let running = true;
    const inFlight: Array<Promise<unknown>> = [];
    let reliableInFlight = 0;
    const phase = (what: string) => process.stdout.write(`[failover ${kind}] ${what} at ${Date.now() - began} ms\n`);
    const began = Date.now();
    const traffic = (async () => {
      for (let n = 0; running; n++) {
        const tick = sleep(TICK_MS);
        inFlight.push(sender.send(direct.id, 'note', { n }).then((reached) => {
          outcome.directSent += 1;
          if (reached === 0) outcome.directUnreached += 1;
          else outcome.directReached.add(n);
        }, () => (outcome.directFailed += 1)));
        if (reliableInFlight < MAX_RELIABLE_IN_FLIGHT) {
          reliableInFlight += 1;
          inFlight.push(sender.send(reliable.id, 'note', { n }, { reliable: true, replicas: { count: 1, timeoutMs: 2_000 } }).then(
            () => outcome.acked.add(n),
            (error: unknown) => (error instanceof ReplicationTimeoutError ? (outcome.replicationTimeouts += 1) : failed(error)),
          ).finally(() => (reliableInFlight -= 1)));
        }
        await tick;
      }
    })();

    // Traffic flows (and replicas confirm) before the kill, however busy the machine is.
    await waitFor(() => outcome.acked.size >= 5 && direct.seen.size >= 5, 30_000, 'traffic before the kill', 50);
    phase('traffic flowing');
    const killedAt = Date.now();
    await topology.killMaster(victim);
    const promotedMs = Date.now() - killedAt;
    phase('replica promoted');
    await sleep(2_000); // traffic after the failover
    running = false;
    await traffic;
    await Promise.allSettled(inFlight); // every send has its outcome before they are counted
    phase('traffic stopped');

    // Every reliable send that resolved is delivered (at least once) after the failover.
    await waitFor(() => [...outcome.acked].every((n) => reliable.seen.has(n)), 20_000, () =>
      `acknowledged reliable sends delivered (missing ${[...outcome.acked].filter((n) => !reliable.seen.has(n)).slice(0, 10)})`);
    // A direct loss is never silent: every publish that reached a subscriber is received.
    await waitFor(() => [...outcome.directReached].every((n) => direct.seen.has(n)), 10_000, 'every direct message that reached a subscriber');
    const directReceived = [...direct.seen].filter((n) => n >= 0).length;
    console.log(
      `[failover ${kind}] replica promoted ${promotedMs} ms after SIGKILL; direct: ${outcome.directSent} published, ` +
        `${outcome.directUnreached} reported reaching nobody (lost), ${outcome.directFailed} rejected with a typed error, ${directReceived} received; reliable (WAIT 1): ` +
        `${outcome.acked.size} acknowledged, all received; ${outcome.replicationTimeouts} rejected with ReplicationTimeoutError ` +
        `(no replica left after the promotion), other rejections: ${JSON.stringify(Object.fromEntries(outcome.failures))}`,
    );
    expect(outcome.acked.size).toBeGreaterThan(0);

    // The agents carry on by themselves: direct messages, requests and the registry after the failover.
    phase('counted');
    const before = direct.seen.size;
    await waitFor(async () => (await sender.send(direct.id, 'note', { n: -1 })) === 1 && direct.seen.has(-1), 15_000, 'a direct message after the failover', 200);
    expect(direct.seen.size).toBeGreaterThan(before);
    phase('direct after the failover');
    expect((await sender.request(reliable.id, 'ping', { n: 7 }, { timeout: 5_000 })).data).toEqual({ pong: 7 });
    phase('request after the failover');
    await waitFor(async () => (await registry.get(`/agents/${encodeURIComponent(direct.id)}`)).status === 200, 10_000, 'the registry answering');
    await registry.close();
  }, 150_000);
});
