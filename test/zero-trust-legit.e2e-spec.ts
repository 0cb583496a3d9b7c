import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GatewayRejectedError, InvalidAgentIdError, MasConnection, MasKeys, parseManifest, provisionManifest, RedisPermissionError } from '@mas/core';
import { waitFor } from './support/e2e-helpers';
import { ZeroTrustWorld } from './support/zero-trust';

// Zero-trust mode, the legitimate path: provisioned agents, each with its own Redis user and key,
// talk through a gateway that itself runs as its least-privilege service user.
let world: ZeroTrustWorld;
/** ioredis options of agents a test cuts off: commands fail after one reconnect instead of twenty. */
const CUT_OFF = { maxRetriesPerRequest: 1 };

beforeAll(async () => {
  world = await ZeroTrustWorld.start(14);
}, 30_000);
afterEach(() => world.stopAgents());
afterAll(() => world?.close());

describe('zero-trust mode: provisioned agents through the gateway', () => {
  it('registers through the gateway, sends, requests and discovers', async () => {
    const aliceId = await world.provision('alice', { capabilities: ['chat'] });
    const bobId = await world.provision('bob', { capabilities: ['echo', 'math'] });
    const alice = await world.start(aliceId, { capabilities: ['chat'] });
    const bob = await world.start(bobId, { capabilities: ['echo'] });

    const record = await world.admin.command.hgetall(MasKeys.agent(bobId.id));
    expect(record).toMatchObject({ id: bobId.id, status: 'ACTIVE', capabilities: '["echo"]' });
    expect(record.token).toBeUndefined();

    await alice.agent.send(bobId.id, 'greeting', { hello: 'bob' });
    await waitFor(() => bob.received.find((m) => m.messageType === 'greeting'), 5_000, 'the greeting');
    expect(bob.received.find((m) => m.messageType === 'greeting')?.senderId).toBe(aliceId.id);

    const reply = await alice.agent.request(bobId.id, 'echo', { n: 1 }, { timeout: 5_000 });
    expect(reply.data).toEqual({ echoed: { n: 1 } });

    const found = await alice.agent.discover(['echo']);
    expect(found.map((a) => a.id)).toEqual([bobId.id]);
  });

  it('refuses a registration asking for a capability it was not granted', async () => {
    const eve = await world.provision('eve', { capabilities: ['chat'] });
    const { agent } = world.build(eve, { capabilities: ['chat', 'payments'] });
    const error = await agent.start().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayRejectedError);
    expect((error as GatewayRejectedError).decision).toBe('AUTHZ_DENIED');
    expect(await world.admin.command.sismember(MasKeys.capability('payments'), eve.id)).toBe(0);
    expect(await world.admin.command.exists(MasKeys.agent(eve.id))).toBe(0);
  });

  it('keeps state across a restart', async () => {
    const carol = await world.provision('carol');
    const first = await world.start(carol);
    await first.agent.updateState({ counter: 41 });
    await first.agent.stop();
    const second = await world.start(carol);
    expect(second.agent.state).toMatchObject({ counter: 41 });
  });

  it('runs reliable replicas with the same credentials: both receive, the registration outlives one', async () => {
    const worker = await world.provision('worker', { capabilities: ['work'] });
    const sender = await world.start(await world.provision('sender'));
    const one = await world.start(worker, { capabilities: ['work'] });
    const two = await world.start(worker, { capabilities: ['work'] });
    for (let i = 0; i < 20; i += 1) await sender.agent.send(worker.id, 'job', { i });
    await waitFor(() => one.received.length + two.received.length === 20, 10_000, 'all 20 jobs');
    expect(one.received.length).toBeGreaterThan(0);
    expect(two.received.length).toBeGreaterThan(0);
    await one.agent.stop();
    expect(await world.admin.command.hget(MasKeys.agent(worker.id), 'status')).toBe('ACTIVE');
    await sender.agent.send(worker.id, 'job', { i: 20 });
    await waitFor(() => two.received.some((m) => m.data.i === 20), 5_000, 'job 20 on the remaining replica');
  });

  it('deprovisioning cuts a running agent off at once', async () => {
    const dave = await world.provision('dave');
    // Few retries: a cut-off agent's stop must not wait out ioredis's default 20 reconnects.
    const { agent } = await world.start(dave, { redis: CUT_OFF });
    const own = world.client(dave.redisUrl);
    expect(await own.get(MasKeys.heartbeat(dave.id))).toBeTruthy();
    expect(await world.provisioner.deprovisionAgent(dave.id)).toBe(true);
    // Its connections are closed and its password is gone: nothing it tries goes through.
    await expect(agent.updateState({ after: true })).rejects.toThrow();
    const again = world.client(dave.redisUrl);
    await expect(again.ping()).rejects.toThrow(/WRONGPASS|invalid username-password|NOAUTH/i);
    expect(await world.admin.command.exists(MasKeys.publicKey(dave.id), MasKeys.agent(dave.id))).toBe(0);
  });

  it('rotating the credentials invalidates the old ones', async () => {
    const frank = await world.provision('frank');
    const target = await world.start(await world.provision('target'));
    const old = await world.start(frank, { redis: CUT_OFF });
    const rotated = await world.provisioner.provisionAgent(frank.id);
    expect(rotated.redisUrl).not.toBe(frank.redisUrl);
    expect(rotated.credentials).not.toBe(frank.credentials);
    await expect(world.client(frank.redisUrl).ping()).rejects.toThrow(/WRONGPASS|invalid username-password/i);
    // The old process lost its connection and cannot authenticate any more.
    await expect(old.agent.send(target.agent.id, 'x', {})).rejects.toThrow();
    // An old key over a new connection is refused by the gateway.
    const mixed = world.build({ ...rotated, credentials: frank.credentials });
    const error = await mixed.agent.start().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayRejectedError);
    expect((error as GatewayRejectedError).decision).toBe('SIGNATURE_INVALID');
    const fresh = await world.start(rotated);
    await fresh.agent.send(target.agent.id, 'hello', {});
    await waitFor(() => target.received.some((m) => m.messageType === 'hello' && m.senderId === frank.id), 5_000, 'hello from the rotated agent');
  });

  it('turns NOPERM into a typed error naming the command and the key', async () => {
    const gina = await world.provision('gina');
    await world.start(gina);
    const connection = new MasConnection({ redisUrl: gina.redisUrl });
    try {
      const error = await connection.command.set(MasKeys.agent('someone'), 'x').then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(RedisPermissionError);
      expect(error).toMatchObject({ command: 'set', key: MasKeys.agent('someone') });
      const admin = await connection.command.call('CONFIG', 'GET', 'maxmemory').then(() => undefined, (e: unknown) => e);
      expect(admin).toBeInstanceOf(RedisPermissionError);
      expect(admin).toMatchObject({ command: 'config get' });
    } finally {
      await connection.close();
    }
  });

  it('provisions over the admin HTTP API too (key required), and refuses glob ids', async () => {
    const gateway = await world.startGateway({ http: { apiKey: 'k3y' }, zeroTrust: { adminRedisUrl: world.redis.url } }, true);
    const post = (path: string, body: unknown, key = 'k3y') =>
      fetch(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(body) });
    expect((await post('/provisioning/agents/zt-http-x', {}, 'wrong')).status).toBe(401);
    expect((await post('/provisioning/agents/bad*id', {})).status).toBe(400);
    const response = await post('/provisioning/agents/zt-http-agent', { capabilities: ['web'] });
    expect(response.status).toBe(201);
    const identity = (await response.json()) as { id: string; redisUrl: string; credentials: string };
    const target = await world.start(await world.provision('http-target'));
    const { agent } = await world.start(identity, { capabilities: ['web'] });
    await agent.send(target.agent.id, 'via.http', {});
    await waitFor(() => target.received.some((m) => m.messageType === 'via.http'), 5_000, 'the message of the HTTP-provisioned agent');
    await agent.stop();
    const deleted = await fetch(`${gateway.url}/provisioning/agents/zt-http-agent`, { method: 'DELETE', headers: { 'x-api-key': 'k3y' } });
    expect(deleted.status).toBe(204);
    expect(await world.provisioner.hasAgentUser('zt-http-agent')).toBe(false);
  });

  it('re-provisions a manifest idempotently: with the manifest secret, a Redis that lost its users gets the same credentials back', async () => {
    const manifest = parseManifest('agents:\n  - id: zt-manifest-a\n    capabilities: [chat]\n  - zt-manifest-b\n');
    expect(() => parseManifest('agents: ["bad*id"]')).toThrow(InvalidAgentIdError);
    const first = await provisionManifest(world.provisioner, manifest, 's3cret');
    expect(first.agents.map((a) => a.outcome)).toEqual(['created', 'created']);
    const again = await provisionManifest(world.provisioner, manifest, 's3cret');
    expect(again.agents.map((a) => a.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(again.agents.map((a) => a.credentials)).toEqual(first.agents.map((a) => a.credentials));
    // A restart without an ACL file: the users are gone.
    for (const agent of first.agents) await world.admin.command.call('ACL', 'DELUSER', MasKeys.aclAgentUser(agent.id));
    await expect(world.client(first.agents[0]!.redisUrl).ping()).rejects.toThrow(/WRONGPASS|invalid username-password/i);
    const restored = await provisionManifest(world.provisioner, manifest, 's3cret');
    expect(restored.agents.map((a) => a.outcome)).toEqual(['created', 'created']);
    const target = await world.start(await world.provision('manifest-target'));
    const { agent } = await world.start(first.agents[0]!, { capabilities: ['chat'] });
    await agent.send(target.agent.id, 'after.restore', {});
    await waitFor(() => target.received.some((m) => m.messageType === 'after.restore'), 5_000, 'a message with the original credentials');
  });

  it('signs the sends of one turn once together: each is delivered, and an entry altered after signing is refused', async () => {
    const frank = await world.provision('frank');
    const gina = await world.provision('gina');
    // The wire of frank's own connection, read (not changed) on its way to his ingress stream.
    const written: Array<Array<string | number>> = [];
    const connection = new MasConnection({ redisUrl: frank.redisUrl });
    const original = connection.command.xadd.bind(connection.command) as (...args: Array<string | number>) => Promise<unknown>;
    (connection.command as unknown as { xadd: typeof original }).xadd = (...args) => {
      if (args[0] === MasKeys.agentIngress(frank.id)) written.push(args);
      return original(...args);
    };
    const sender = await world.start(frank, { connection });
    const receiver = await world.start(gina);

    await Promise.all(Array.from({ length: 30 }, (_, i) => sender.agent.send(gina.id, 'job', { i })));
    await waitFor(() => receiver.received.filter((m) => m.messageType === 'job').length === 30, 10_000, 'all 30 jobs');

    const field = (args: Array<string | number>, name: string) => String(args[args.indexOf(name) + 1]);
    const jobs = written.filter((args) => field(args, 'envelope').includes('"message_type":"job"'));
    const signatures = jobs.map((args) => JSON.parse(field(args, 'signature')) as { value: string; path?: string[] });
    expect(jobs).toHaveLength(30);
    expect(signatures.every((signature) => Array.isArray(signature.path))).toBe(true);
    expect(new Set(signatures.map((signature) => signature.value)).size).toBeLessThanOrEqual(3); // one per turn, not one per send

    // Frank's own entry, its text changed after signing (i 3 → 333), appended again by frank himself.
    const auditBefore = await world.admin.command.xlen(MasKeys.audit);
    const altered = jobs.find((args) => field(args, 'envelope').includes('"i":3}'))!;
    const copy = [...altered];
    copy[copy.indexOf('envelope') + 1] = field(altered, 'envelope').replace('"i":3}', '"i":333}');
    await original(...copy);
    await waitFor(async () => (await world.admin.command.xlen(MasKeys.audit)) > auditBefore, 5_000, 'the altered entry decided');
    const [[, fields]] = await world.admin.command.xrevrange(MasKeys.audit, '+', '-', 'COUNT', 1);
    const entry = Object.fromEntries(fields.flatMap((value, i) => (i % 2 ? [] : [[value, fields[i + 1]]])));
    expect(entry).toMatchObject({ decision: 'AUTH_FAILED', claimed_sender: frank.id });
    expect(JSON.parse(entry.violations)).toContain('auth:bad_signature');
    await sender.agent.send(gina.id, 'after', {});
    await waitFor(() => receiver.received.some((m) => m.messageType === 'after'), 5_000, "frank's next message");
    expect(receiver.received.filter((m) => m.messageType === 'job' && m.data.i === 333)).toEqual([]);
  });
});
