import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import { Agent, AgentMessage, createMessage, INGRESS_FIELDS, MasKeys, ProvisionedAgent, signEnvelope } from '@mas/core';
import { sleep, uniqueId, waitFor } from './support/e2e-helpers';
import { ZeroTrustAgent, ZeroTrustWorld } from './support/zero-trust';

// Issue 11, "secrets outside readable patterns": a deployment that mixes provisioned agents with
// unprovisioned gateway-mode agents (HMAC key and registry token, on the shared credential). A
// provisioned agent may read what discovery needs (`agent:*` records among it); it must find no
// secret of the unprovisioned agent there, so it cannot send through the gateway as it.
let world: ZeroTrustWorld;
let mallory: ProvisionedAgent;
let attacker: Redis;
let shared: Redis;
let bob: ZeroTrustAgent;
let victim: Agent;
const victimReceived: AgentMessage[] = [];

/** What `run` resolved with, or the error it was rejected with. */
async function outcome<T>(run: () => Promise<T>): Promise<T | Error> {
  try {
    return await run();
  } catch (error) {
    return error as Error;
  }
}

/** Every place a token or an HMAC signing key of `id` could be read: the wire record, the key names of old and of now. */
async function secretsReadableBy(redis: Redis, id: string): Promise<{ token?: string; signingKey?: string }> {
  const found = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
  const record = await outcome(() => redis.hgetall(MasKeys.agent(id)));
  const candidates = await Promise.all([
    outcome(() => redis.get(MasKeys.signingKey(id))),
    outcome(() => redis.get(`agent:${id}:signing_key`)), // where it lived before
    outcome(() => redis.get(MasKeys.agentToken(id))),
  ]);
  return {
    token: found(record instanceof Error ? undefined : record.token) ?? found(candidates[2]),
    signingKey: found(candidates[0]) ?? found(candidates[1]),
  };
}

/**
 * Signs a message as `sender` with `secret`, appends it with `token` to `stream` over `redis` (the
 * shared ingress, or a provisioned agent's own stream: the only one its user may write), and returns its message id.
 */
async function sendAs(redis: Redis, stream: string, sender: string, target: string, secret: string, token: string, messageType: string): Promise<string> {
  const message = createMessage({ senderId: sender, targetId: target, messageType, data: { amount: 1_000_000 } });
  const envelope = signEnvelope(message.toWire(), { alg: 'hmac-sha256', secret });
  await redis.xadd(stream, '*', INGRESS_FIELDS.envelope, JSON.stringify(envelope), INGRESS_FIELDS.token, token, INGRESS_FIELDS.notify, '0');
  return message.messageId;
}

/** The gateway's audited decision of `messageId`. */
async function decisionOf(messageId: string): Promise<string> {
  return waitFor(async () => {
    const entries = await world.admin.command.xrevrange(MasKeys.audit, '+', '-', 'COUNT', 50);
    for (const [, fields] of entries) {
      if (fields[fields.indexOf('message_id') + 1] === messageId) return fields[fields.indexOf('decision') + 1];
    }
    return undefined;
  }, 5_000, `the decision of ${messageId}`);
}

beforeAll(async () => {
  world = await ZeroTrustWorld.start(14);
  shared = world.client(world.redis.url);
  mallory = await world.provision('mallory');
  attacker = world.client(mallory.redisUrl);
  bob = await world.start(await world.provision('bob'));
  // An unprovisioned gateway-mode agent on the shared credential: HMAC key and registry token.
  victim = new Agent(uniqueId('zt', 'legacy'), {
    redisUrl: world.redis.url,
    gateway: { decisionTimeoutMs: 5_000 },
    logger: world.logger,
    onMessage: async (message) => void victimReceived.push(message),
  });
  await victim.start();
}, 30_000);
afterAll(async () => {
  await victim?.stop();
  await world?.close();
});

describe('zero-trust: no secret of an unprovisioned gateway-mode agent under a pattern agents may read', () => {
  it('the secrets exist and, read with the shared credential, let anyone send as the agent (the baseline)', async () => {
    const stolen = await secretsReadableBy(shared, victim.id);
    expect(stolen.token, 'token').toBeDefined();
    expect(stolen.signingKey, 'signing key').toBeDefined();
    const id = await sendAs(shared, MasKeys.gatewayIngressFor(victim.id), victim.id, bob.agent.id, stolen.signingKey!, stolen.token!, 'baseline.forged');
    expect(await decisionOf(id)).toBe('ALLOWED');
    await waitFor(() => bob.received.some((m) => m.messageType === 'baseline.forged'), 5_000, 'the baseline forgery at bob');
  });

  it('a provisioned agent reads the records it may read but neither the token nor the signing key', async () => {
    const record = await attacker.hgetall(MasKeys.agent(victim.id));
    expect(record).toMatchObject({ id: victim.id, status: 'ACTIVE' }); // discovery still works
    expect(Object.keys(record)).not.toContain('token');
    expect(await secretsReadableBy(attacker, victim.id)).toEqual({ token: undefined, signingKey: undefined });
    // The secrets' own keys answer NOPERM (not just "missing").
    await expect(attacker.get(MasKeys.signingKey(victim.id))).rejects.toThrow(/NOPERM|no permissions/);
    await expect(attacker.get(MasKeys.agentToken(victim.id))).rejects.toThrow(/NOPERM|no permissions/);
  });

  it('so whatever it found does not get a message through the gateway as the agent', async () => {
    const stolen = await secretsReadableBy(attacker, victim.id);
    const id = await sendAs(attacker, MasKeys.agentIngress(mallory.id), victim.id, bob.agent.id, stolen.signingKey ?? 'guess', stolen.token ?? 'guess', 'stolen.forged');
    expect(await decisionOf(id)).not.toBe('ALLOWED');
    await sleep(300);
    expect(bob.received.filter((m) => m.messageType === 'stolen.forged')).toEqual([]);
  });

  it('the unprovisioned agent still sends and receives through the gateway', async () => {
    await victim.send(bob.agent.id, 'legacy.hello', {});
    await waitFor(() => bob.received.some((m) => m.messageType === 'legacy.hello'), 5_000, 'the legacy agent at bob');
    await bob.agent.send(victim.id, 'bob.hello', {});
    await waitFor(() => victimReceived.some((m) => m.messageType === 'bob.hello'), 5_000, 'bob at the legacy agent');
  });

  it('its token goes with its registration when it stops', async () => {
    const leaving = new Agent(uniqueId('zt', 'leaving'), { redisUrl: world.redis.url, gateway: true, logger: world.logger });
    await leaving.start();
    expect(await shared.get(MasKeys.agentToken(leaving.id))).toBe(leaving.registrationToken);
    await leaving.stop();
    expect(await shared.exists(MasKeys.agent(leaving.id), MasKeys.agentToken(leaving.id))).toBe(0);
  });
});
