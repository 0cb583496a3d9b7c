import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import calculateSlot from 'cluster-key-slot';
import Redis from 'ioredis';
import { Agent, AgentMessage, MAS_FUNCTIONS, MasConnection, ProvisionedAgent, Provisioner, RedisFunctionsMissingError } from '@mas/core';
import { AgentTracker, QuietLogger, uniqueId, waitFor } from './support/e2e-helpers';
import { hasRedisServer, RedisServer } from './support/private-redis';
import { freeClusterPort, hasRedisCli, RedisClusterTopology, SentinelTopology } from './support/redis-topologies';
import { gatewayServiceUrl, startGatewayAs, TestGateway } from './gateway/harness';

// The MAS function library past one node. Functions are a node's own, like ACL users: on a
// cluster the administrator loads the library on every master (each replica gets it from its
// master by replication); a master added later lacks it until it is loaded again, and an agent
// is told so by a typed error naming that master and the fix. On a Sentinel set the replica
// holds it by replication, so it is there after a failover. Private topologies: a master is
// added to one, the other fails over.
const SPEC = 'zt-functions-topo';
const logger = new QuietLogger();
const id = (label: string) => uniqueId(SPEC, label);

/** What `run` was rejected with (or undefined when it succeeded). */
async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(() => undefined, (error: unknown) => error);
}

/** One command on one node, as the default (administrative) user. */
async function on(port: number, ...args: Array<string | number>): Promise<unknown> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await client.connect();
    return await client.call(String(args[0]), ...args.slice(1).map(String));
  } finally {
    client.disconnect();
  }
}

/** The MAS libraries node `port` holds. */
async function librariesOn(port: number): Promise<string[]> {
  const listed = (await on(port, 'FUNCTION', 'LIST', 'LIBRARYNAME', 'mas_*')) as unknown[][];
  return listed.map((entry) => String(entry[entry.indexOf('library_name') + 1]));
}

/** A provisioned agent through the gateway, recording what it receives (and echoing `echo`). */
function agentOf(identity: ProvisionedAgent, received: AgentMessage[] = []): Agent {
  return new Agent(identity.id, {
    redisUrl: identity.redisUrl,
    logger,
    heartbeatIntervalMs: 500,
    gateway: { credentials: identity.credentials, decisionTimeoutMs: 5_000 },
    onMessage: async (message) => {
      received.push(message);
      if (message.messageType === 'echo') await message.reply('echo.reply', { echoed: message.data });
    },
  });
}

const topologies = hasRedisServer && hasRedisCli;

describe.skipIf(!topologies)('the MAS function library on a Redis Cluster', () => {
  const cluster = new RedisClusterTopology({ replicas: 0 });
  const agents = new AgentTracker();
  const added = new RedisServer({ args: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '1000'] });
  let admin: MasConnection;
  let provisioner: Provisioner;
  let gateway: TestGateway | undefined;

  beforeAll(async () => {
    await cluster.start();
    admin = new MasConnection({ redisUrl: cluster.url, clientName: 'zt-functions-admin' });
    provisioner = new Provisioner(admin);
    gateway = await startGatewayAs(await gatewayServiceUrl(cluster.url), { zeroTrust: { requireProvisioned: true } });
  }, 60_000);
  afterAll(async () => {
    await agents.stopAll();
    await gateway?.app.close();
    await admin?.close();
    await added.dispose('SIGKILL');
    await cluster.stop();
  }, 30_000);

  it('provisioning loads it on every master; a master added later lacks it: typed error naming it, until loaded again', async () => {
    const alice = await provisioner.provisionAgent(id('alice'));
    const bob = await provisioner.provisionAgent(id('bob'));
    const masters = await cluster.masterPorts();
    expect(masters).toHaveLength(3);
    for (const port of masters) expect(await librariesOn(port), `master ${port}`).toContain(MAS_FUNCTIONS.library);
    expect((await provisioner.functionStatus()).map((status) => status.current)).toEqual([true, true, true]);

    const received: AgentMessage[] = [];
    const aliceAgent = await agents.start(agentOf(alice));
    await agents.start(agentOf(bob, received));
    await expect(aliceAgent.request(bob.id, 'echo', { n: 1 }, { timeout: 5_000 })).resolves.toMatchObject({ data: { echoed: { n: 1 } } });
    await agents.stopAll();

    // A fourth master joins; the operator copies the ACL users to it (its aclfile), not the functions.
    added.port = await freeClusterPort(new Set(cluster.nodes.map((node) => node.port)));
    await added.start();
    await on(masters[0], 'CLUSTER', 'MEET', '127.0.0.1', added.port);
    await waitFor(async () => (await cluster.masterPorts()).includes(added.port), 15_000, 'the new master known to the cluster');
    await waitFor(async () => String(await on(added.port, 'CLUSTER', 'INFO')).includes('cluster_state:ok'), 15_000, 'the new master to know the slots');
    for (const line of (await on(masters[0], 'ACL', 'LIST')) as string[]) {
      const [, user, ...rules] = line.match(/\([^)]*\)|\S+/g)!;
      if (user !== 'default') await on(added.port, 'ACL', 'SETUSER', user, 'reset', ...rules.map((rule) => rule.replace(/^\((.*)\)$/, '($1)')));
    }
    // bob's keys (his hash tag's slot) move to it.
    await cluster.moveSlot(calculateSlot(bob.id), added.port);
    await cluster.waitHealthy();

    // bob's next process is refused at start, naming the master and the fix.
    const started = Date.now();
    const error = await refusal(() => agentOf(bob).start());
    expect(Date.now() - started, 'refused at once, not after a hang').toBeLessThan(5_000);
    expect(error).toBeInstanceOf(RedisFunctionsMissingError);
    expect((error as RedisFunctionsMissingError).node).toBe(`127.0.0.1:${added.port}`);
    expect((error as Error).message).toContain('mas functions load');

    // Loading again puts it on the new master too; bob starts and is reached.
    const loaded = await provisioner.loadFunctions();
    expect(loaded).toHaveLength(4);
    expect(await librariesOn(added.port)).toContain(MAS_FUNCTIONS.library);
    const again: AgentMessage[] = [];
    const aliceAgain = await agents.start(agentOf(alice));
    await agents.start(agentOf(bob, again));
    await expect(aliceAgain.request(bob.id, 'echo', { n: 2 }, { timeout: 5_000 })).resolves.toMatchObject({ data: { echoed: { n: 2 } } });
  }, 90_000);
});

describe.skipIf(!topologies)('the MAS function library on a Sentinel set', () => {
  const sentinel = new SentinelTopology();
  const agents = new AgentTracker();
  let admin: MasConnection;
  let gateway: TestGateway | undefined;

  beforeAll(async () => {
    await sentinel.start();
    admin = new MasConnection({ redisUrl: sentinel.url, clientName: 'zt-functions-admin' });
    gateway = await startGatewayAs(await gatewayServiceUrl(sentinel.url), { zeroTrust: { requireProvisioned: true } });
  }, 60_000);
  afterAll(async () => {
    await agents.stopAll();
    await gateway?.app.close();
    await admin?.close();
    await sentinel.stop();
  }, 30_000);

  it('the replica holds it by replication: after a failover agents go on and new ones start', async () => {
    const provisioner = new Provisioner(admin);
    const alice = await provisioner.provisionAgent(id('alice'));
    const bob = await provisioner.provisionAgent(id('bob'));
    const carol = await provisioner.provisionAgent(id('carol'));
    const before = await sentinel.masterPort();
    const replica = before === sentinel.master.port ? sentinel.replica.port : sentinel.master.port;
    await waitFor(async () => (await librariesOn(replica)).includes(MAS_FUNCTIONS.library), 5_000, 'the library replicated');

    const aliceAgent = await agents.start(agentOf(alice));
    await agents.start(agentOf(bob));
    await expect(aliceAgent.request(bob.id, 'echo', { n: 1 }, { timeout: 5_000 })).resolves.toMatchObject({ data: { echoed: { n: 1 } } });

    await on(sentinel.sentinelPorts[0], 'SENTINEL', 'FAILOVER', SentinelTopology.MASTER_NAME);
    await waitFor(async () => (await sentinel.masterPort()) === replica, 20_000, 'the failover');
    expect(await librariesOn(replica)).toContain(MAS_FUNCTIONS.library);
    // The running agents reach each other through the new master (inbox commits by FCALL there).
    await waitFor(
      () => aliceAgent.request(bob.id, 'echo', { n: 2 }, { timeout: 3_000 }).then((reply) => (reply.data as { echoed: { n: number } }).echoed.n === 2, () => false),
      30_000,
      'a request answered after the failover',
      500,
    );
    // A process starting now finds the library on the new master (what an agent checks at start).
    const check = new MasConnection({ redisUrl: carol.redisUrl, clientName: 'zt-functions-check' });
    try {
      expect(check.scriptMode).toBe('functions');
      await expect(check.assertFunctionsLoaded()).resolves.toBeUndefined();
    } finally {
      await check.close();
    }
  }, 90_000);
});
