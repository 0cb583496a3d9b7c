import calculateSlot from 'cluster-key-slot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, AgentMessage, MasConnection, ReplicationTimeoutError, sleep } from '@mas/core';
import { AgentTracker, QuietLogger, uniqueId, waitFor } from './support/e2e-helpers';
import { hasRedisServer } from './support/private-redis';
import { hasRedisCli, RedisClusterTopology, SentinelTopology } from './support/redis-topologies';
import { startRegistry } from './registry-e2e.helpers';
import { startGatewayAs } from './gateway/harness';

// SIGKILL of the master serving the agents, mid-traffic, on a Redis Cluster and on a Sentinel set
// of their own (appendonly yes, appendfsync always on every data node). A replica is promoted; the
// agents, the registry and a gateway carry on with no user code. Direct messages published around the kill are
// lost (counted and reported); a reliable send that WAITed for one replica and resolved is never lost.
// One direct loss the sender cannot see: a PUBLISH the master answered (1 subscriber reached) just
// before the SIGKILL, while the message still sat in its output buffer to the subscriber, dies with
// it. Such a message is counted as lost only when its send was answered between the kill (less
// KILL_SLACK_MS, for a subscriber socket that was not writable at once) and the promotion, having
// gone out before the master died: only the dying master can have answered it. Every other one
// that reached a subscriber must be received.
// A reliable send that did not wait could be: Redis replicates asynchronously, so what the killed
// master acknowledged but had not yet sent to its replica is gone with it (the AOF of the dead master
// does not help: it rejoins as a replica of the promoted one and drops its own data).
const SPEC = 'failover';
const logger = new QuietLogger();
const TICK_MS = 50;
/** Reliable sends in flight at most (each WAITs on one connection: more would only queue behind it). */
const MAX_RELIABLE_IN_FLIGHT = 10;
/** How long before the SIGKILL a PUBLISH reply may come whose message the dead master had not yet written to its subscriber. */
const KILL_SLACK_MS = 250;

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
  /** SIGKILLs the master on `port`; resolves once its process is gone. */
  killMaster(port: number): Promise<void>;
  /** Resolves once a replica took over from the master that was on `port`. */
  promoted(port: number): Promise<void>;
  stop(): Promise<void>;
}

async function clusterTopology(): Promise<Topology> {
  const cluster = new RedisClusterTopology({ appendOnly: true });
  await cluster.start();
  return {
    url: cluster.url,
    masterOf: (key) => cluster.masterOf(calculateSlot(key)),
    killMaster: (port) => cluster.node(port).kill('SIGKILL'),
    async promoted(port) {
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
    killMaster: (port) => (port === set.master.port ? set.master : set.replica).kill('SIGKILL'),
    async promoted(port) {
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
    const gateway = await startGatewayAs(topology.url);
    const gatewayOptions = { ...options, gateway: { decisionTimeoutMs: 5_000 } };
    const gwReceiver = await agents.start(new Recorder(uniqueId(SPEC, `${kind}-gw-receiver`), gatewayOptions));
    // Its ingress stream on the master killed (on a cluster: a sender id whose stream's slot it serves).
    let gwSenderId = uniqueId(SPEC, `${kind}-gw-sender`);
    while ((await topology.masterOf(keys.gatewayIngressFor(gwSenderId))) !== victim) gwSenderId = uniqueId(SPEC, `${kind}-gw-sender`);
    const gwSender = await agents.start(new Agent(gwSenderId, gatewayOptions));
    await expect(gwSender.send(gwReceiver.id, 'note', { n: 1 })).resolves.toBe(1);

    /** When each direct send went out and when its answer came (ms since `began`). */
    const directTimes = new Map<number, { out: number; answered: number }>();
    let slowestDirectMs = 0;
    let slowestReliableMs = 0;
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
        const out = Date.now();
        inFlight.push(sender.send(direct.id, 'note', { n }).finally(() => (slowestDirectMs = Math.max(slowestDirectMs, Date.now() - out))).then((reached) => {
          directTimes.set(n, { out: out - began, answered: Date.now() - began });
          outcome.directSent += 1;
          if (reached === 0) outcome.directUnreached += 1;
          else outcome.directReached.add(n);
        }, () => (outcome.directFailed += 1)));
        if (reliableInFlight < MAX_RELIABLE_IN_FLIGHT) {
          reliableInFlight += 1;
          const out = Date.now();
          inFlight.push(sender.send(reliable.id, 'note', { n }, { reliable: true, replicas: { count: 1, timeoutMs: 2_000 } }).finally(() => (slowestReliableMs = Math.max(slowestReliableMs, Date.now() - out))).then(
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
    const killAt = killedAt - began;
    await topology.killMaster(victim);
    const deadAt = Date.now() - began;
    await topology.promoted(victim);
    const promotedAt = Date.now() - began;
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
    // A direct loss is never silent, but for the one the dead master answered: every other publish
    // that reached a subscriber is received.
    const answeredByTheDead = (n: number) => {
      const { out, answered } = directTimes.get(n)!;
      return out < deadAt && answered >= killAt - KILL_SLACK_MS && answered < promotedAt;
    };
    const mustArrive = [...outcome.directReached].filter((n) => !answeredByTheDead(n));
    await waitFor(() => mustArrive.every((n) => direct.seen.has(n)), 10_000, () =>
      `every direct message that reached a subscriber, outside the kill window (missing ${JSON.stringify(mustArrive.filter((n) => !direct.seen.has(n)).map((n) => [n, directTimes.get(n)]))}; SIGKILL at ${killAt} ms, master dead at ${deadAt} ms, promoted at ${promotedAt} ms)`);
    const lostInTheKill = [...outcome.directReached].filter((n) => answeredByTheDead(n) && !direct.seen.has(n)).length;
    const directReceived = [...direct.seen].filter((n) => n >= 0).length;
    console.log(
      `[failover ${kind}] replica promoted ${promotedMs} ms after SIGKILL; direct: ${outcome.directSent} published, ` +
        `${outcome.directUnreached} reported reaching nobody (lost), ${lostInTheKill} reported reaching a subscriber but lost in the killed master's output buffer, ` +
        `${outcome.directFailed} rejected with a typed error, ${directReceived} received; reliable (WAIT 1): ` +
        `${outcome.acked.size} acknowledged, all received; ${outcome.replicationTimeouts} rejected with ReplicationTimeoutError ` +
        `(no replica left after the promotion), other rejections: ${JSON.stringify(Object.fromEntries(outcome.failures))}; ` +
        `slowest send to settle: direct ${slowestDirectMs} ms, reliable ${slowestReliableMs} ms`,
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
    // The gateway too: a gateway-mode message is decided and delivered after the failover.
    await waitFor(
      async () => (await gwSender.send(gwReceiver.id, 'note', { n: 2 }).then((reached) => reached === 1, () => false)) && gwReceiver.seen.has(2),
      20_000,
      'a message through the gateway after the failover',
      200,
    );
    phase('gateway after the failover');
    await agents.stopAll();
    await gateway.app.close();
    await registry.close();
  }, 150_000);
});
