import { describe, expect, it } from 'vitest';
import { readHandled, reliableSuite, sendNumbered, tally, TEST_TIMEOUT, waitFor } from './support/reliable-helpers';

/**
 * The shared reliable inbox with receivers in their own processes: three replicas of one agent id
 * sharing the load, a handler that always fails ending in `dlq:messages`, and copies of one message
 * (a sender's retry) handled once.
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

  it('handles copies of one message (a sender retry) once: copies read together, and a copy after it completed', async () => {
    const id = agentId('copies');
    const log = scratch.file(`${id}.log`);
    const stream = `agent.stream:${id}`;
    const settled = async () => {
      const [group] = (await redis.xinfo('GROUPS', stream)) as unknown[][];
      const info = Object.fromEntries(Array.from({ length: group.length / 2 }, (_, i) => [group[2 * i], group[2 * i + 1]]));
      return info.pending === 0 && info.lag === 0;
    };
    // Sent while the receiver is down, then appended twice more with the same envelope (same
    // message id): the receiver's first read takes all three.
    await sender.send(id, 'item', { seq: 1 }, { reliable: true });
    const [[, fields]] = (await redis.xrange(stream, '-', '+')) as Array<[string, string[]]>;
    await redis.xadd(stream, '*', ...fields);
    await redis.xadd(stream, '*', ...fields);
    const receiver = await start({ redisUrl, agentId: id, log, inbox: { claimIdleMs: 5000, maxInFlight: 8, blockMs: 200 } });
    await waitFor(settled, 10_000, 'the three copies acked');
    // Once more after it completed: dropped by the dedup record.
    await redis.xadd(stream, '*', ...fields);
    await waitFor(settled, 10_000, 'the late copy acked');
    const stats = await receiver.stop();

    expect(readHandled(log).filter((r) => r.seq === 1)).toHaveLength(1);
    expect(stats.inbox).toMatchObject({ delivered: 1, acked: 1, duplicates: 3, redelivered: 0 });
    expect(await redis.zcard(`mas:done:${id}`)).toBe(1);
  }, TEST_TIMEOUT);

  it('keeps the dedup record to the newest dedupMaxEntries ids: bounded, recent copies still dropped, a copy older than the record handled again', async () => {
    const id = agentId('bounded');
    const log = scratch.file(`${id}.log`);
    const stream = `agent.stream:${id}`;
    const cap = 200;
    const receiver = await start({ redisUrl, agentId: id, log, inbox: { claimIdleMs: 5000, maxInFlight: 32, blockMs: 200, dedupMaxEntries: cap } });
    await sender.send(id, 'item', { seq: 0 }, { reliable: true });
    await waitFor(() => readHandled(log).length === 1, 10_000, 'the first message handled');
    const [[, first]] = (await redis.xrange(stream, '-', '+')) as Array<[string, string[]]>;
    await sendNumbered(sender, id, 1_500, { from: 1, concurrency: 50 });
    await waitFor(() => readHandled(log).length === 1_501, 60_000, () => `1,501 handled, got ${readHandled(log).length}`);
    const size = await redis.zcard(`mas:done:${id}`);
    // Cut once every tenth of the cap (at least 100 ids): never more than the cap, that and a batch.
    expect(size).toBeGreaterThanOrEqual(cap);
    expect(size).toBeLessThanOrEqual(cap + 100 + 32);

    // A copy of a recent message is still dropped; a copy of the first one, cut from the record, is
    // handled again (what the limit costs, as documented).
    const [[, last]] = (await redis.xrevrange(stream, '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
    const lastSeq = (JSON.parse(last[last.indexOf('envelope') + 1]) as { data: { seq: number } }).data.seq;
    await redis.xadd(stream, '*', ...last);
    await redis.xadd(stream, '*', ...first);
    await waitFor(() => readHandled(log).filter((r) => r.seq === 0).length === 2, 10_000, 'the old copy handled');
    await waitFor(async () => (await redis.xpending(stream, 'mas'))[0] === 0, 5_000, 'an empty PEL');
    const stats = await receiver.stop();
    expect(readHandled(log).filter((r) => r.seq === lastSeq)).toHaveLength(1);
    expect(stats.inbox!.duplicates).toBe(1);
  }, TEST_TIMEOUT);
});
