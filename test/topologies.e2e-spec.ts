import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleLogger, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { afterEach, describe, expect, it } from 'vitest';
import calculateSlot from 'cluster-key-slot';
import Redis from 'ioredis';
import type { Cluster } from 'ioredis';
import { Agent, AgentHandler, AgentMessage, AgentViewReader, MasConnection, ProvisionedAgent, Provisioner, UnknownTargetError } from '@mas/core';
import { AgentRef, MasAgent, MasModule } from '@mas/core/nest';
import { AgentTracker, QuietLogger, uniqueId } from './support/e2e-helpers';
import { redisTargets } from './support/redis-targets';
import { startRegistry, waitFor } from './registry-e2e.helpers';
import { gatewayServiceUrl, resetGatewayKeys, startGatewayAs, tappedConnection } from './gateway/harness';
import { AuditQuery } from '../apps/gateway/src/audit/audit-query';
import { AuditVerifier } from '../apps/gateway/src/audit/audit-verifier';
import { runNode } from './support/node-process';

// One suite, three targets: messaging, request/reply, discovery, state and the reliable inbox on a
// single server, a Redis Cluster (cluster key style chosen by the URL, sharded pub/sub) and a
// Sentinel set, each reached through its URL only.
const SPEC = 'topologies';
const logger = new QuietLogger();

class Recorder extends Agent {
  readonly received: AgentMessage[] = [];
  @AgentHandler('echo')
  echo(data: Record<string, unknown>) {
    return { echoed: data.n, by: this.id };
  }
  @AgentHandler('fail')
  fail(): never {
    throw new Error('always fails');
  }
  protected override onMessage(message: AgentMessage): unknown {
    this.received.push(message);
    return undefined;
  }
}

describe.each(redisTargets(10))('on $name Redis', ({ name, url }) => {
  const agents = new AgentTracker();
  const options = { redisUrl: url, logger, heartbeatIntervalMs: 500 };
  const id = (label: string) => uniqueId(SPEC, `${name}-${label}`);
  afterEach(() => agents.stopAll());

  it('sends direct messages to a live agent and reports nobody listening', async () => {
    const receiverId = id('receiver');
    const receiver = await agents.start(new Recorder(receiverId, options));
    const sender = await agents.start(new Agent(id('sender'), options));
    for (let n = 0; n < 20; n++) expect(await sender.send(receiverId, 'note', { n })).toBe(1);
    await expect.poll(() => receiver.received.map((message) => message.data.n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(receiver.received[0].senderId).toBe(sender.id);
    expect(await sender.send(id('nobody'), 'note', {})).toBe(0);
    await expect(sender.send(id('nobody'), 'note', {}, { requireReceiver: true })).rejects.toBeInstanceOf(UnknownTargetError);
  });

  it('answers requests, many at once, across agents of different slots', async () => {
    const workers = await Promise.all([1, 2, 3].map((i) => agents.start(new Recorder(id(`worker${i}`), options))));
    const client = await agents.start(new Agent(id('client'), options));
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, n) => client.request(workers[n % 3].id, 'echo', { n }, { timeout: 5_000 })),
    );
    expect(replies.map((reply) => reply.data)).toEqual(Array.from({ length: 60 }, (_, n) => ({ echoed: n, by: workers[n % 3].id })));
  });

  it('discovers agents by capability and all of them, ACTIVE only', async () => {
    const capability = id('cap');
    const other = id('other-cap');
    const a = await agents.start(new Agent(id('a'), { ...options, capabilities: [capability] }));
    const b = await agents.start(new Agent(id('b'), { ...options, capabilities: [capability, other] }));
    const c = await agents.start(new Agent(id('c'), { ...options, capabilities: [other] }));
    const sorted = (records: Array<{ id: string }>) => records.map((record) => record.id).sort();
    expect(sorted(await c.discover([capability]))).toEqual([a.id, b.id].sort());
    expect(sorted(await c.discover([capability, other]))).toEqual([a.id, b.id, c.id].sort());
    expect(sorted(await c.discover())).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
    await b.stop();
    expect(sorted(await c.discover([capability]))).toEqual([a.id]);
    expect(sorted(await c.discover([other]))).toEqual([c.id]);
  });

  it('keeps state across a restart of the agent', async () => {
    const agentId = id('stateful');
    const first = await agents.start(new Agent(agentId, options));
    await first.updateState({ count: 2, tags: ['x'] });
    await first.stop();
    const second = await agents.start(new Agent(agentId, options));
    expect(second.state).toMatchObject({ count: 2, tags: ['x'] });
  });

  it('delivers reliable messages sent while the receiver was offline, and dead-letters what always fails', async () => {
    const receiverId = id('reliable');
    const sender = await agents.start(new Agent(id('rel-sender'), options));
    for (let n = 0; n < 30; n++) await sender.send(receiverId, 'note', { n }, { reliable: true });
    await sender.send(receiverId, 'fail', {}, { reliable: true });
    const receiver = await agents.start(
      new Recorder(receiverId, { ...options, delivery: 'reliable', inbox: { claimIdleMs: 200, maxAttempts: 2 } }),
    );
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(30);
    expect(receiver.received.map((message) => message.data.n).sort((x, y) => Number(x) - Number(y))).toEqual(Array.from({ length: 30 }, (_, n) => n));
    await expect.poll(() => receiver.inboxStats?.deadLettered, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => receiver.inboxStats?.acked, { timeout: 10_000 }).toBe(30);
  });

  it('keeps a full inbox within the receiver\'s capacity by dead-lettering its oldest unread entries', async () => {
    const receiverId = id('full');
    const first = await agents.start(new Recorder(receiverId, { ...options, delivery: 'reliable', inbox: { maxLength: 20, overflow: 'dead-letter' } }));
    await first.stop(); // its limits are declared; its inbox now fills while it is away
    const sender = await agents.start(new Agent(id('full-sender'), options));
    for (let n = 0; n < 30; n++) await sender.send(receiverId, 'note', { n }, { reliable: true });
    const probe = new MasConnection({ redisUrl: url });
    try {
      const letters = ((await probe.command.xrange(probe.keys.deadLetters, '-', '+')) as Array<[string, string[]]>)
        .map(([, fields]) => fields)
        .filter((fields) => fields[fields.indexOf('agent_id') + 1] === receiverId)
        .map((fields) => JSON.parse(fields[fields.indexOf('envelope') + 1]).data.n as number);
      expect(letters).toEqual(Array.from({ length: 10 }, (_, n) => n));
    } finally {
      await probe.close();
    }
    const receiver = await agents.start(new Recorder(receiverId, { ...options, delivery: 'reliable', inbox: { maxLength: 20, overflow: 'dead-letter' } }));
    await expect.poll(() => receiver.received.map((message) => Number(message.data.n)).sort((a, b) => a - b), { timeout: 10_000 })
      .toEqual(Array.from({ length: 20 }, (_, n) => n + 10));
  });

  it('has the registry mark a crashed agent INACTIVE and ACTIVE again, listening to the expiries of every master', async () => {
    const registry = await startRegistry(url, { checkIntervalMs: 1_000 });
    const connection = new MasConnection({ redisUrl: url });
    try {
      const agentId = id('crash');
      const capability = id('crash-cap');
      await agents.start(new Agent(agentId, { ...options, connection, capabilities: [capability], heartbeatIntervalMs: 300, heartbeatTtlMs: 1_000 }));
      // On a cluster, an observer whose record another master holds.
      await connection.ready();
      const ownerOf = (agent: string) => (connection.isCluster ? (connection.command as unknown as Cluster).slots[calculateSlot(connection.keys.agent(agent))]?.[0] : '');
      let observerId = id('observer');
      while (connection.isCluster && ownerOf(observerId) === ownerOf(agentId)) observerId = id('observer');
      const observer = await agents.start(new Agent(observerId, options));
      const statusOf = async () => ((await (await registry.get(`/agents/${encodeURIComponent(agentId)}`)).json()) as { status?: string }).status;
      expect(await statusOf()).toBe('ACTIVE');
      expect(((await (await registry.get(`/agents?capability=${capability}`)).json()) as { agents: Array<{ id: string }> }).agents.map((a) => a.id)).toEqual([agentId]);
      // The dashboard reads every agent's record (a pipeline per slot on a cluster).
      const snapshot = await registry.get('/dashboard/snapshot');
      expect(snapshot.status).toBe(200);
      const shown = ((await snapshot.json()) as { agents: Array<{ id: string }> }).agents.map((a) => a.id);
      expect(shown).toEqual(expect.arrayContaining([agentId, observer.id]));
      connection.command.disconnect(); // what Redis sees of a crashed process: no DEREGISTER, the heartbeat expires
      await waitFor(async () => (await statusOf()) === 'INACTIVE', 8_000, `${agentId} INACTIVE`);
      expect(registry.logger.lines.some((line) => line.includes(`${agentId}: heartbeat expired, marked INACTIVE (`))).toBe(true);
      expect((await observer.discover([capability])).map((record) => record.id)).toEqual([]);
      await connection.command.connect();
      await waitFor(async () => (await statusOf()) === 'ACTIVE', 8_000, `${agentId} ACTIVE again`);
      // The registry listens to the expired-key events of every master (each node publishes its own).
      for (const master of connection.masters()) expect(Number(await master.pubsub('NUMPAT'))).toBeGreaterThanOrEqual(1);
    } finally {
      await agents.stopAll();
      await connection.close();
      await registry.close();
    }
  });

  // The gateway's main path: on a cluster its ingress is 16 streams (one per sender's slot), every
  // script and MULTI touches one slot (the audit trail's keys share one), batch reads run per slot.
  it('carries messages and requests of several senders through the gateway, refuses a DLP breach and keeps a verifiable audit chain', async () => {
    const admin = new MasConnection({ redisUrl: url });
    await resetGatewayKeys(admin.command); // the audit chain of an earlier run was keyed by another secrets directory
    await admin.close();
    // A deployment of its own: the anchor file of the spec's shared secrets directory remembers the
    // chains of the other targets' gateways (and would rightly call this fresh chain truncated).
    const secrets = mkdtempSync(join(tmpdir(), 'mas-topology-gateway-'));
    const gateway = await startGatewayAs(url, { secrets: { dir: secrets } });
    try {
      const gatewayOptions = { ...options, gateway: { decisionTimeoutMs: 5_000 } };
      const bob = await agents.start(new Recorder(id('gw-bob'), gatewayOptions));
      const senders = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => agents.start(new Agent(id(`gw-sender${i}`), gatewayOptions))));
      const connection = new MasConnection({ redisUrl: url });
      const streams = new Set(senders.map((sender) => connection.keys.gatewayIngressFor(sender.id)));
      await connection.close();
      if (name === 'cluster') expect(streams.size).toBeGreaterThan(1); // the senders write to several ingress streams
      await Promise.all(senders.map((sender, n) => expect(sender.send(bob.id, 'greeting', { n })).resolves.toBe(1)));
      await expect.poll(() => bob.received.map((message) => message.data.n).sort()).toEqual([0, 1, 2, 3, 4, 5]);
      expect(bob.received[0].extra?.signature).toBeUndefined(); // the gateway strips the signature block
      const replies = await Promise.all(senders.map((sender, n) => sender.request(bob.id, 'echo', { n }, { timeout: 5_000 })));
      expect(replies.map((reply) => reply.data)).toEqual(senders.map((_, n) => ({ echoed: n, by: bob.id })));
      const denied = await senders[0].send(bob.id, 'pay', { note: 'card 4111 1111 1111 1111 exp 12/29' }).then(
        () => undefined,
        (error: { decision?: string }) => error,
      );
      expect(denied?.decision).toBe('DLP_BLOCKED');
      const [entry] = await gateway.app.get(AuditQuery).query({ sender: senders[1].id, limit: 10 });
      expect(entry).toMatchObject({ decision: 'ALLOWED', target_id: bob.id });
      const verified = await gateway.app.get(AuditVerifier).verify();
      expect(verified.problems).toEqual([]);
      expect(verified.ok).toBe(true);
      expect(verified.checked).toBeGreaterThanOrEqual(13);
    } finally {
      await agents.stopAll();
      await gateway.app.close();
      rmSync(secrets, { recursive: true, force: true });
    }
  });

  // Entry ids are unique within one stream only, and a sender may choose them (XADD with an explicit
  // id): a captured entry replayed into another ingress stream under its original id is a replay too.
  it.runIf(name === 'cluster')('refuses a captured entry replayed into another ingress stream under the same entry id', async () => {
    const admin = new MasConnection({ redisUrl: url });
    await resetGatewayKeys(admin.command);
    const gateway = await startGatewayAs(url);
    let captured: { args: Array<string | number>; id: string } | undefined;
    const capturing = tappedConnection(url, async (args, forward) => {
      const entryId = String(await forward(args));
      captured = { args, id: entryId };
      return entryId;
    });
    try {
      const gatewayOptions = { ...options, gateway: { decisionTimeoutMs: 5_000 } };
      const bob = await agents.start(new Recorder(id('replay-bob'), gatewayOptions));
      const alice = await agents.start(new Agent(id('replay-alice'), { ...gatewayOptions, connection: capturing }));
      await expect(alice.send(bob.id, 'once', { n: 1 })).resolves.toBe(1);
      const [stream, , ...fields] = captured!.args.map(String);
      const other = admin.keys.gatewayIngressStreams.find((s) => s !== stream)!;
      await admin.command.xadd(other, captured!.id, ...fields);
      // a copy of a decided entry is unauthenticated ingress: AUTH_FAILED, alice only its claimed sender
      const copy = await waitFor(async () => (await gateway.app.get(AuditQuery).query({ decision: 'AUTH_FAILED', limit: 1_000 })).find((entry) => entry.claimed_sender === alice.id), 5_000, 'the replay to be decided');
      expect(copy.violations).toEqual(['auth:replay']);
      const decisions = (await gateway.app.get(AuditQuery).query({ sender: alice.id, order: 'oldest' })).map((entry) => entry.decision);
      expect(decisions).toEqual(['ALLOWED']);
      expect(bob.received.filter((message) => message.messageType === 'once')).toHaveLength(1);
    } finally {
      await agents.stopAll();
      await gateway.app.close();
      await capturing.close();
      await admin.close();
    }
  });

  // Zero-trust past one node: ACL users are a node's own, so the provisioner writes them on every
  // data node (a cluster's masters and replicas; a Sentinel master's replicas), and a provisioned
  // agent's user may ask a cluster for its slots and SSUBSCRIBE its own shard channel only.
  it.skipIf(name === 'single')('runs provisioned agents through the gateway as its service user, with the users on every node', async () => {
    const admin = new MasConnection({ redisUrl: url });
    const provisioner = new Provisioner(admin);
    const identities = await Promise.all(['zt-alice', 'zt-bob'].map((label) => provisioner.provisionAgent(id(label))));
    const probes: Redis[] = [];
    let gateway: Awaited<ReturnType<typeof startGatewayAs>> | undefined;
    try {
      await resetGatewayKeys(admin.command);
      gateway = await startGatewayAs(await gatewayServiceUrl(url));
      const [alice, bob] = identities;
      const received: AgentMessage[] = [];
      const start = (identity: ProvisionedAgent, onMessage?: (message: AgentMessage) => Promise<void>) =>
        agents.start(new Agent(identity.id, { redisUrl: identity.redisUrl, logger, heartbeatIntervalMs: 500, gateway: { credentials: identity.credentials, decisionTimeoutMs: 5_000 }, onMessage }));
      const aliceAgent = await start(alice);
      await start(bob, async (message) => void received.push(message));
      await expect(aliceAgent.send(bob.id, 'greeting', { n: 1 })).resolves.toBe(1);
      await expect.poll(() => received.map((message) => message.data.n)).toEqual([1]);

      // Every data node knows alice's user (it outlives a failover): she authenticates on each (on
      // a Sentinel set, her agent runs on the master: the replica is asked here).
      const nodes = admin.isCluster
        ? admin.allNodes().map((node) => ({ host: node.options.host!, port: node.options.port! }))
        : ((await admin.command.call('ROLE')) as [string, unknown, Array<[string, string]>])[2].map(([host, port]) => ({ host, port: Number(port) }));
      expect(nodes.length).toBeGreaterThanOrEqual(name === 'cluster' ? 6 : 1);
      const aliceUser = admin.keys.aclAgentUser(alice.id);
      const password = decodeURIComponent(/\/\/[^:]*:([^@]*)@/.exec(alice.redisUrl)![1]);
      for (const node of nodes) {
        const probe = new Redis({ host: node.host, port: node.port, username: aliceUser, password, maxRetriesPerRequest: 1, lazyConnect: true });
        probe.on('error', () => undefined);
        probes.push(probe);
        await probe.connect();
        expect(await probe.call('ACL', 'WHOAMI').catch((error: Error) => error.message), `${node.host}:${node.port}`).toMatch(/NOPERM|mas-agent/);
        // With her own user she may not read bob's inbox, nor publish to his channel herself.
        await expect(probe.call('XRANGE', admin.keys.inbox(bob.id), '-', '+')).rejects.toThrow(/NOPERM/);
        await expect(probe.call('SPUBLISH', admin.keys.agentChannel(bob.id), '{}')).rejects.toThrow(/NOPERM/);
      }
    } finally {
      await agents.stopAll();
      await gateway?.app.close();
      probes.forEach((probe) => probe.disconnect());
      await Promise.all(identities.map((identity) => provisioner.deprovisionAgent(identity.id)));
      await admin.close();
    }
  });

  // Each CLI run is a process loading Nest: two per target, and none on the single server, where
  // test/cli.e2e-spec.ts runs every command.
  it.skipIf(name === 'single')('has the CLI list agents and request one', async () => {
    const capability = id('cli-cap');
    const echo = await agents.start(new Recorder(id('cli-echo'), { ...options, capabilities: [capability] }));
    const mas = (args: string[]) => runNode('dist/apps/cli/src/main.js', args, { env: { REDIS_URL: url, MAS_CONFIG: undefined, MAS_REDIS__URL: undefined } });
    const [listed, reply] = await Promise.all([
      mas(['agents', '--capability', capability, '--json']),
      mas(['request', echo.id, 'echo', '{"n":6}', '--json']),
    ]);
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as Array<{ id: string; status: string }>).map((agent) => [agent.id, agent.status])).toEqual([[echo.id, 'ACTIVE']]);
    expect(reply.code, reply.stderr).toBe(0);
    expect(JSON.parse(reply.stdout)).toMatchObject({ sender_id: echo.id, data: { echoed: 6 } });
  });

  it('runs Nest providers as agents (MasModule) that discover and ask each other', async () => {
    const workerId = id('nest-worker');
    const capability = id('nest-cap');
    @MasAgent({ id: workerId, capabilities: [capability] })
    @Injectable()
    class WorkerAgent {
      @AgentHandler('sum')
      sum(data: { a: number; b: number }) {
        return { sum: data.a + data.b };
      }
    }
    @MasAgent({ id: id('nest-asker') })
    @Injectable()
    class AskerAgent {
      @AgentRef() agent!: Agent;
    }
    @Module({ imports: [MasModule.forRoot({ redisUrl: url, requestTimeoutMs: 5_000 })], providers: [WorkerAgent, AskerAgent] })
    class AppModule {}
    const app = await Test.createTestingModule({ imports: [AppModule] }).setLogger(new ConsoleLogger({ logLevels: [] })).compile();
    await app.init();
    try {
      const asker = app.get(AskerAgent).agent;
      expect((await asker.discover([capability])).map((record) => record.id)).toEqual([workerId]);
      expect((await asker.request(workerId, 'sum', { a: 2, b: 3 })).data).toEqual({ sum: 5 });
    } finally {
      await app.close();
    }
  });

  it('has the registry repair an index a failed step left behind (agent missing from its sets, a record gone)', async () => {
    const capability = id('repair-cap');
    const agent = await agents.start(new Agent(id('repair'), { ...options, capabilities: [capability] }));
    const ghostId = id('ghost');
    const probe = new MasConnection({ redisUrl: url });
    try {
      // What a registration whose index step failed leaves (on a cluster the sets are updated after the
      // record), and a record deleted while its index entries stayed.
      await probe.command.srem(probe.keys.capability(capability), agent.id);
      await probe.command.srem(probe.keys.allAgents, agent.id);
      await probe.command.sadd(probe.keys.allAgents, ghostId);
      expect((await agent.discover([capability])).map((record) => record.id)).toEqual([]);
      const registry = await startRegistry(url, { checkIntervalMs: 500 });
      try {
        await waitFor(async () => (await agent.discover([capability])).map((record) => record.id).includes(agent.id), 8_000, 'the index repaired');
        await waitFor(async () => (await probe.command.sismember(probe.keys.allAgents, ghostId)) === 0, 8_000, 'the ghost taken out of the index');
      } finally {
        await registry.close();
      }
    } finally {
      await probe.command.srem(probe.keys.allAgents, ghostId);
      await probe.close();
    }
  });

  // A cluster client knows its nodes only once ready: a SCAN over the masters of a connection just
  // made listed nothing (an empty answer, not an error) before the reader waited for it.
  it('lists the registered agents from a connection just made', async () => {
    const agent = await agents.start(new Agent(id('listed'), options));
    const fresh = new MasConnection({ redisUrl: url });
    try {
      expect(await new AgentViewReader(fresh.command, fresh.keys).scanIds()).toContain(agent.id);
    } finally {
      await fresh.close();
    }
  });

  it('names its keys in the style of the target', async () => {
    const connection = new MasConnection({ redisUrl: url });
    try {
      await connection.ready();
      expect(connection.keys.style).toBe(name === 'cluster' ? 'cluster' : 'flat');
      expect(connection.isCluster).toBe(name === 'cluster');
    } finally {
      await connection.close();
    }
  });
});
