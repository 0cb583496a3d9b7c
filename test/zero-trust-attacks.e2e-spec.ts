import { createHmac, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import {
  Agent,
  createMessage,
  GATEWAY_SENDER_ID,
  INGRESS_FIELDS,
  InvalidCredentialsError,
  MasKeys,
  ProvisionedAgent,
  RedisPermissionError,
  signingInput,
} from '@mas/core';
import { runNode } from './support/node-process';
import { sleep, waitFor } from './support/e2e-helpers';
import { ZeroTrustAgent, ZeroTrustWorld } from './support/zero-trust';

// Every attack of issue 11, performed with a provisioned agent's own Redis URL. Each is first
// performed with the one credential every agent shared before zero-trust mode (the admin / default
// user), where it succeeds — so the spec would notice if the refusal came from anything but the ACL.
let world: ZeroTrustWorld;
let mallory: ProvisionedAgent;
let bobId: ProvisionedAgent;
let aliceId: ProvisionedAgent;
let bob: ZeroTrustAgent;
let alice: ZeroTrustAgent;
let attacker: Redis;
let shared: Redis;
const CLI = 'dist/apps/cli/src/main.js';

/** What `run` was rejected with (or undefined when it succeeded). */
async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(() => undefined, (error: unknown) => error);
}

/** Asserts the attack succeeds with the shared credential and is refused with NOPERM (typed) with mallory's. */
async function refusedOnlyInZeroTrust(attack: (redis: Redis) => Promise<unknown>, undo?: () => Promise<unknown>): Promise<RedisPermissionError> {
  expect(await refusal(() => attack(shared))).toBeUndefined();
  await undo?.();
  const error = await refusal(() => attack(attacker));
  expect(error, 'refused by Redis').toBeDefined();
  expect(String((error as Error).message)).toMatch(/NOPERM|no permissions|can't access/);
  return error as RedisPermissionError;
}

function forged(senderId: string, targetId: string, messageType = 'transfer') {
  return createMessage({ senderId, targetId, messageType, data: { amount: 1_000_000 } }).toWire();
}

beforeAll(async () => {
  world = await ZeroTrustWorld.start(13, { zeroTrust: { requireProvisioned: true } });
  shared = world.client(world.redis.url);
  mallory = await world.provision('mallory', { capabilities: ['chat'] });
  aliceId = await world.provision('alice', { capabilities: ['payments'] });
  bobId = await world.provision('bob', { capabilities: ['echo'] });
  attacker = world.client(mallory.redisUrl);
}, 30_000);

// Victims run for every test; each test checks nothing reached them.
beforeEach(async () => {
  alice = await world.start(aliceId, { capabilities: ['payments'] });
  bob = await world.start(bobId, { capabilities: ['echo'] });
}, 15_000);
afterEach(() => world.stopAgents());
afterAll(() => world?.close());

async function nothingReachedBob(): Promise<void> {
  await sleep(300);
  expect(bob.received.filter((m) => m.messageType !== 'echo.reply')).toEqual([]);
}

describe('zero-trust attacks: a provisioned agent cannot reach around the gateway', () => {
  it('cannot XADD to another inbox claiming to be the gateway', async () => {
    const entry = (redis: Redis) => redis.xadd(MasKeys.inbox(bobId.id), '*', MasKeys.envelopeField, JSON.stringify(forged(GATEWAY_SENDER_ID, bobId.id)));
    // With the shared credential the entry reaches bob's inbox (and bob drops it: the gateway did not sign it).
    await refusedOnlyInZeroTrust(entry, async () => {
      await waitFor(() => bob.agent.stats.unverified === 1, 5_000, 'the baseline forgery at bob, dropped as unsigned');
    });
    expect(bob.received).toEqual([]);
    await nothingReachedBob();
  });

  it('cannot PUBLISH on another agent channel', async () => {
    const error = await refusedOnlyInZeroTrust((redis) => redis.publish(MasKeys.agentChannel(bobId.id), JSON.stringify(forged(GATEWAY_SENDER_ID, bobId.id))), async () => {
      await waitFor(() => bob.agent.stats.unverified === 1, 5_000, 'the baseline publish at bob, dropped as unsigned');
    });
    expect(bob.received).toEqual([]);
    expect(error).toBeInstanceOf(Error);
    await nothingReachedBob();
  });

  it('finds no signing secret or token to read, and cannot sign as alice through the gateway', async () => {
    expect(await refusal(() => attacker.get(MasKeys.signingKey(aliceId.id)))).toBeInstanceOf(RedisPermissionError);
    expect(await refusal(() => attacker.get(MasKeys.agentToken(aliceId.id)))).toBeInstanceOf(RedisPermissionError);
    expect(await attacker.hget(MasKeys.agent(aliceId.id), 'token')).toBeNull();
    expect(await refusal(() => attacker.hgetall(MasKeys.provisionGrant(aliceId.id)))).toBeInstanceOf(Error);
    // Forge with mallory's own key (HMAC with a made-up secret, Ed25519 with a fresh pair): refused.
    const { privateKey } = generateKeyPairSync('ed25519');
    const before = await world.admin.command.xlen(MasKeys.audit);
    for (const alg of ['hmac-sha256', 'ed25519'] as const) {
      const envelope = forged(aliceId.id, bobId.id) as Record<string, unknown>;
      const nonce = randomUUID();
      const input = Buffer.from(signingInput(envelope as never, alg, nonce));
      const value = alg === 'ed25519' ? sign(null, input, privateKey).toString('base64') : createHmac('sha256', 'guess').update(input).digest('base64');
      envelope.signature = { alg, nonce, value };
      // Its own ingress stream: the only one its user may append to.
      await attacker.xadd(MasKeys.agentIngress(mallory.id), '*', INGRESS_FIELDS.envelope, JSON.stringify(envelope), INGRESS_FIELDS.token, 'stolen', INGRESS_FIELDS.notify, '0');
    }
    await waitFor(async () => (await world.admin.command.xlen(MasKeys.audit)) >= before + 2, 5_000, 'two decisions');
    // alice's signature is what authenticates her: without it the entries are unauthenticated ingress
    // (audited with alice as the claimed sender only; see zero-trust-forged-sender.e2e-spec.ts)
    const decisions = (await world.admin.command.xrevrange(MasKeys.audit, '+', '-', 'COUNT', 2)).map(([, f]) => [f[f.indexOf('decision') + 1], f[f.indexOf('claimed_sender') + 1]]);
    expect(decisions).toEqual([
      ['AUTH_FAILED', aliceId.id],
      ['AUTH_FAILED', aliceId.id],
    ]);
    await nothingReachedBob();
  });

  it("cannot delete or overwrite carol's public key; carol keeps signing", async () => {
    const carolId = await world.provision('carol');
    const carol = await world.start(carolId);
    const pem = await world.admin.command.get(MasKeys.publicKey(carolId.id));
    expect(await refusal(() => attacker.del(MasKeys.publicKey(carolId.id)))).toBeInstanceOf(RedisPermissionError);
    const overwrite = await refusal(() => attacker.set(MasKeys.publicKey(carolId.id), 'mallory'));
    expect(overwrite).toMatchObject({ command: 'set', key: MasKeys.publicKey(carolId.id) });
    expect(await world.admin.command.get(MasKeys.publicKey(carolId.id))).toBe(pem);
    await carol.agent.send(bobId.id, 'still.me', {});
    await waitFor(() => bob.received.some((m) => m.messageType === 'still.me'), 5_000, 'carol still signs');
  });

  it('cannot touch policy: block list, roles, role permissions, rate counters, capability index', async () => {
    const m = mallory.id;
    await world.admin.command.sadd(MasKeys.blockedTargets(m), bobId.id);
    const attempts: Array<[string, (r: Redis) => Promise<unknown>]> = [
      ['block list', (r) => r.srem(MasKeys.blockedTargets(m), bobId.id)],
      ['roles', (r) => r.sadd(MasKeys.agentRoles(m), 'admin')],
      ['role permissions', (r) => r.sadd(MasKeys.rolePermissions('admin'), 'send:*')],
      ['rate counter', (r) => r.del(MasKeys.rateLimit(m, 'minute:1'))],
      ['capability index (remove)', (r) => r.srem(MasKeys.capability('payments'), aliceId.id)],
      ['capability index (claim)', (r) => r.sadd(MasKeys.capability('payments'), m)],
      ['revocations', (r) => r.del(MasKeys.revokedTokens(aliceId.id))],
      ['record', (r) => r.hset(MasKeys.agent(m), 'capabilities', '["payments"]')],
    ];
    for (const [what, attempt] of attempts) {
      expect(await refusal(() => attempt(attacker)), what).toBeInstanceOf(RedisPermissionError);
    }
    expect(await world.admin.command.sismember(MasKeys.blockedTargets(m), bobId.id)).toBe(1);
    expect(await world.admin.command.smembers(MasKeys.capability('payments'))).toEqual([aliceId.id]);
    // Nor through registration: the gateway grants only what provisioning granted.
    const greedy = world.build(mallory, { capabilities: ['payments'] });
    expect(await refusal(() => greedy.agent.start())).toMatchObject({ decision: 'AUTHZ_DENIED' });
    expect(await world.admin.command.smembers(MasKeys.capability('payments'))).toEqual([aliceId.id]);
  });

  it('cannot start as alice: not with its own URL, not with replace, not with its own credentials', async () => {
    const variants: Agent[] = [
      new Agent(aliceId.id, { redisUrl: mallory.redisUrl, gateway: true, logger: world.logger }),
      new Agent(aliceId.id, { redisUrl: mallory.redisUrl, gateway: true, replace: true, logger: world.logger }),
      new Agent(aliceId.id, { redisUrl: mallory.redisUrl, gateway: { credentials: mallory.credentials }, logger: world.logger }),
    ];
    const errors: unknown[] = [];
    for (const agent of variants) {
      errors.push(await refusal(() => agent.start()));
      await agent.stop().catch(() => undefined);
    }
    expect(errors[0]).toBeInstanceOf(RedisPermissionError);
    expect(errors[1]).toBeInstanceOf(RedisPermissionError);
    // Refused by Redis (alice's state is not mallory's) before the credentials are even looked at.
    expect([RedisPermissionError, InvalidCredentialsError].some((type) => errors[2] instanceof type)).toBe(true);
    // Alice still gets her messages, all of them.
    for (let i = 0; i < 5; i += 1) await bob.agent.send(aliceId.id, 'pay', { i });
    await waitFor(() => alice.received.filter((m) => m.messageType === 'pay').length === 5, 5_000, 'alice gets all 5');
  });

  it('cannot run the administrative CLI commands', async () => {
    const env = { REDIS_URL: mallory.redisUrl, MAS_CONFIG: undefined, MAS_REDIS__URL: undefined };
    for (const args of [['revoke', aliceId.id], ['rotate-key', aliceId.id], ['acl', 'allow', mallory.id, '*'], ['provision', 'eve']]) {
      const run = await runNode(CLI, args, { env });
      expect(run.code, `mas ${args.join(' ')}: ${run.stderr}`).not.toBe(0);
    }
    expect(await world.admin.command.smembers(MasKeys.allowedTargets(mallory.id))).toEqual([]);
  }, 60_000);
});
