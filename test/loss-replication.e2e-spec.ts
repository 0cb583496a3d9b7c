import { afterAll, afterEach, describe, expect, it } from 'vitest';
import Redis from 'ioredis';
import { Agent, MasKeys, RedisUnavailableError, ReplicationTimeoutError } from '@mas/core';
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

  // Each send WAITs on the outbox's connection, and WAIT blocks it: sends written one after the other
  // queued behind every WAIT before them (ten sends to a master that lost its replica took ten
  // timeouts; in the failover spec, 40 s). Every one must settle within the command deadline plus
  // its own wait, with a typed error.
  it('settles every send within the command deadline plus its wait when no replica confirms, however many are in flight', async () => {
    const lonely = new RedisServer();
    await lonely.start();
    try {
      const commandTimeoutMs = 1_000;
      const timeoutMs = 500;
      const sender = await agents.start(new Agent(uniqueId(SPEC, 'burst-sender'), { redisUrl: lonely.url, commandTimeoutMs, logger: new QuietLogger() }));
      const target = uniqueId(SPEC, 'burst-target');
      const began = Date.now();
      const outcomes = await Promise.all(Array.from({ length: 10 }, (_, n) =>
        sender.send(target, 'work', { n }, { reliable: true, replicas: { count: 1, timeoutMs } }).then(
          () => ({ error: undefined as unknown, ms: Date.now() - began }),
          (error: unknown) => ({ error, ms: Date.now() - began }),
        )));
      for (const outcome of outcomes) {
        expect(outcome.error).toBeInstanceOf(ReplicationTimeoutError);
        expect(outcome.ms).toBeLessThan(commandTimeoutMs + timeoutMs);
      }
      const onLonely = new Redis(lonely.url);
      expect(await onLonely.xlen(MasKeys.inbox(target))).toBe(10); // all stored on the primary, as the errors say
      onLonely.disconnect();
    } finally {
      await lonely.dispose('SIGKILL');
    }
  });

  it('fails a send waiting for replicas with RedisUnavailableError when Redis stops answering, within the deadline plus its wait', async () => {
    const hung = new RedisServer();
    await hung.start();
    try {
      const commandTimeoutMs = 1_000;
      const timeoutMs = 500;
      const sender = await agents.start(new Agent(uniqueId(SPEC, 'hung-sender'), { redisUrl: hung.url, commandTimeoutMs, logger: new QuietLogger() }));
      const target = uniqueId(SPEC, 'hung-target');
      await expect(sender.send(target, 'work', { n: 0 }, { reliable: true, replicas: { count: 1, timeoutMs } })).rejects.toBeInstanceOf(ReplicationTimeoutError);
      hung.pause(); // connections stay open, nothing answers
      const began = Date.now();
      const sends = [1, 2, 3].map((n) => sender.send(target, 'work', { n }, { reliable: true, replicas: { count: 1, timeoutMs } }).catch((error: unknown) => error));
      for (const error of await Promise.all(sends)) expect(error).toBeInstanceOf(RedisUnavailableError);
      expect(Date.now() - began).toBeLessThan(commandTimeoutMs + timeoutMs + 500);
      hung.resume();
    } finally {
      hung.resume();
      await hung.dispose('SIGKILL');
    }
  });
});
