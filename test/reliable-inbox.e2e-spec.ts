import { describe, expect, it } from 'vitest';
import { readHandled, reliableSuite, sendNumbered, tally, TEST_TIMEOUT, waitFor } from './support/reliable-helpers';

/**
 * The shared reliable inbox with receivers in their own processes: three replicas of one agent id
 * sharing the load, and a handler that always fails ending in `dlq:messages`.
 */
const SPEC = 'rel-inbox';

describe('reliable inbox: replicas and dead letters (real processes)', () => {
  const { redisUrl, redis, scratch, sender, agentId, start } = reliableSuite(SPEC, 13);

  it('three replicas of one id share 3,000 messages: each handled exactly once, all three get a share', async () => {
    const id = agentId('replicas');
    const log = scratch.file(`${id}.log`);
    // No crash here: a long claimIdleMs and heartbeat TTL keep a descheduled replica (busy machine)
    // from having its entries reclaimed or its registration taken over.
    const config = {
      redisUrl, agentId: id, log, delayMs: 2, heartbeatTtlMs: 5000,
      inbox: { claimIdleMs: 5000, maxInFlight: 8, blockMs: 200 },
    };
    const replicas = await Promise.all([0, 1, 2].map(() => start(config)));

    // One registration, three live replicas.
    expect(await redis.zcard(`mas:replicas:${id}`)).toBe(3);
    expect(await redis.hget(`agent:${id}`, 'delivery')).toBe('reliable');

    const sent = await sendNumbered(sender, id, 3000, { concurrency: 100, pauseMs: 2 });
    await waitFor(() => readHandled(log).length >= 3000, 60_000, () => `3000 handled, got ${readHandled(log).length}`);
    await waitFor(async () => (await redis.xpending(`agent.stream:${id}`, 'mas'))[0] === 0, 5_000, 'an empty PEL');
    const stats = await Promise.all(replicas.map((r) => r.stop()));

    const handled = readHandled(log);
    const { distinct, repeated } = tally(handled.map((r) => r.seq));
    expect(handled).toHaveLength(3000);
    expect(repeated.size).toBe(0);
    expect(distinct).toEqual(new Set(sent));
    const shares = replicas.map((r) => handled.filter((h) => h.pid === r.pid).length);
    for (const share of shares) expect(share, `shares ${shares.join('/')}`).toBeGreaterThan(300);
    expect(stats.map((s) => s.inbox!.acked)).toEqual(shares);
    expect(stats.reduce((n, s) => n + s.inbox!.redelivered + s.inbox!.duplicates, 0)).toBe(0);
    // The last replica to stop removed the registration.
    expect(await redis.exists(`agent:${id}`)).toBe(0);
  }, TEST_TIMEOUT);

  it('dead-letters a message whose handler always throws after maxAttempts, and moves on', async () => {
    const id = agentId('dlq');
    const log = scratch.file(`${id}.log`);
    const receiver = await start({
      redisUrl, agentId: id, log, inbox: { claimIdleMs: 300, maxAttempts: 3, maxInFlight: 1, blockMs: 200 },
    });

    await sender.send(id, 'bad', { seq: 1 }, { reliable: true });
    await sender.send(id, 'item', { seq: 2 }, { reliable: true });
    // The good message is not held up behind the failing one.
    await waitFor(() => readHandled(log).some((r) => r.seq === 2), 15_000, 'the good message handled');

    const ours = async () => {
      const entries = (await redis.xrange('dlq:messages', '-', '+')) as Array<[string, string[]]>;
      return entries
        .map(([, fields]) => Object.fromEntries(Array.from({ length: fields.length / 2 }, (_, i) => [fields[2 * i], fields[2 * i + 1]])))
        .filter((entry) => entry.agent_id === id);
    };
    const [dead] = await waitFor(async () => ((await ours()).length ? ours() : undefined), 20_000, 'the DLQ entry');
    expect(dead.reason).toMatch(/handler failed: Error: handler always fails \(seq 1\)/);
    expect(Number(dead.attempts)).toBe(3);
    expect(dead.source).toBe(`agent.stream:${id}`);
    expect(JSON.parse(dead.envelope)).toMatchObject({ target_id: id, message_type: 'bad', data: { seq: 1 } });
    expect(Number(dead.failed_at)).toBeGreaterThan(Date.now() / 1000 - 60);

    const badCalls = readHandled(log).filter((r) => r.seq === 1);
    expect(badCalls.map((r) => r.attempt)).toEqual([1, 2, 3]);

    // After the dead letter, the inbox keeps going and nothing of the bad message is pending.
    await sender.send(id, 'item', { seq: 3 }, { reliable: true });
    await waitFor(() => readHandled(log).some((r) => r.seq === 3), 5_000, 'the message after the dead letter');
    await waitFor(async () => (await redis.xpending(`agent.stream:${id}`, 'mas'))[0] === 0, 5_000, 'an empty PEL');
    // Waiting past another reclaim round: the dead-lettered message is not tried a fourth time.
    await new Promise((r) => setTimeout(r, 700));
    const stats = await receiver.stop();
    expect(readHandled(log).filter((r) => r.seq === 1)).toHaveLength(3);
    expect(await ours()).toHaveLength(1);
    expect(stats.inbox).toMatchObject({ deadLettered: 1, acked: 2, redelivered: 2 });
  }, TEST_TIMEOUT);
});
