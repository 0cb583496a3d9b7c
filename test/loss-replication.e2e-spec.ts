import { afterAll, afterEach, describe, expect, it } from 'vitest';
import Redis from 'ioredis';
import { Agent, MasKeys, ReplicationTimeoutError } from '@mas/core';
import { AgentTracker, QuietLogger, uniqueId, waitFor } from './support/e2e-helpers';
import { RedisServer } from './support/private-redis';

// Reliable senders may opt in to WAIT (issue: no silent loss, point 2): `send` resolves once the
// replicas hold the message, or says plainly that they do not.
const SPEC = 'loss-wait';
const agents = new AgentTracker();
const primary = new RedisServer();
let replica: RedisServer;
afterEach(() => agents.stopAll());
afterAll(async () => {
  await replica?.dispose('SIGKILL');
  await primary.dispose('SIGKILL');
});

describe('reliable sends confirmed by replicas', () => {
  it('resolves once a replica holds the message, and rejects with ReplicationTimeoutError when none confirms', async () => {
    await primary.start();
    replica = new RedisServer({ args: ['--replicaof', '127.0.0.1', String(primary.port)] });
    await replica.start();
    const onReplica = new Redis(replica.url);
    await waitFor(async () => (await onReplica.info('replication')).includes('master_link_status:up'), 10_000, 'the replica link');
    const target = uniqueId(SPEC, 'target');
    const sender = await agents.start(new Agent(uniqueId(SPEC, 'sender'), { redisUrl: primary.url, logger: new QuietLogger() }));

    await expect(sender.send(target, 'work', { n: 1 }, { reliable: true, replicas: { count: 1, timeoutMs: 2_000 } })).resolves.toBe(1);
    expect(await onReplica.xlen(MasKeys.inbox(target))).toBe(1);
    onReplica.disconnect();

    await replica.kill();
    const error = await sender.send(target, 'work', { n: 2 }, { reliable: true, replicas: { count: 1, timeoutMs: 300 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplicationTimeoutError);
    expect(error).toMatchObject({ acked: 0, wanted: 1, targetId: target });
    const onPrimary = new Redis(primary.url);
    expect(await onPrimary.xlen(MasKeys.inbox(target))).toBe(2); // stored on the primary, as the error says
    onPrimary.disconnect();
  });
});
