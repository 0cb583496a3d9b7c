import { describe, expect, it } from 'vitest';
import { decodeStateValue } from '@mas/core';
import { pendingEntries, readHandled, reliableSuite, sendNumbered, tally, TEST_TIMEOUT, waitFor } from './support/reliable-helpers';

/**
 * Reliable delivery across receiver downtime and crashes, with the receiver in its own process
 * (test/fixtures/reliable-agent.cjs): offline receiver, SIGKILL mid-stream, exactly-once state.
 */
const SPEC = 'rel-crash';
const inbox = { claimIdleMs: 400, maxAttempts: 5, blockMs: 200 };

describe('reliable delivery: receiver offline and crashing (real processes)', () => {
  const { redisUrl, redis, scratch, sender, agentId, start } = reliableSuite(SPEC, 12);

  it('delivers 1,000 messages sent while the receiver was offline, each once', async () => {
    const id = agentId('offline');
    const log = scratch.file(`${id}.log`);
    // The group is created by the receiver's first start; sending before that must not lose anything.
    const sent = await sendNumbered(sender, id, 1000, { concurrency: 200 });
    expect(sent).toHaveLength(1000);
    expect(await redis.xlen(`agent.stream:${id}`)).toBe(1000);

    const receiver = await start({ redisUrl, agentId: id, log, inbox: { ...inbox, maxInFlight: 32 } });
    await waitFor(() => readHandled(log).length >= 1000, 60_000, () => `1000 handled, got ${readHandled(log).length}`);
    await waitFor(async () => (await receiver.stats()).inbox?.acked === 1000, 5_000, 'all acked');
    const stats = await receiver.stop();

    const handled = readHandled(log);
    const { distinct, repeated } = tally(handled.map((r) => r.seq));
    expect(handled).toHaveLength(1000);
    expect(distinct).toEqual(new Set(sent));
    expect(repeated.size).toBe(0);
    expect(handled.every((r) => r.attempt === 1)).toBe(true);
    expect(stats.inbox).toMatchObject({ delivered: 1000, acked: 1000, redelivered: 0, duplicates: 0, deadLettered: 0 });
    expect(await redis.xpending(`agent.stream:${id}`, 'mas')).toEqual([0, null, null, null]);
  }, TEST_TIMEOUT);

  it('loses nothing when the receiver is SIGKILLed in the middle of 5,000 messages; only unacked ones come again', async () => {
    const id = agentId('sigkill');
    const log = scratch.file(`${id}.log`);
    const config = { redisUrl, agentId: id, log, delayMs: 2, inbox: { ...inbox, maxInFlight: 32 } };
    const first = await start(config);

    // A steady stream (~5k/s at most) that is still going when the receiver dies.
    const sending = sendNumbered(sender, id, 5000, { concurrency: 50, pauseMs: 5 });
    await waitFor(() => readHandled(log).length >= 1500, 60_000, () => `1500 handled before the kill, got ${readHandled(log).length}`);
    await first.kill();
    const handledBeforeKill = readHandled(log);
    // Not acked at the moment of the crash: delivered to the dead consumer (handled or not yet).
    const unacked = await pendingEntries(redis, id);
    const unackedSeqs = new Set(unacked.map((e) => e.seq));
    expect(unacked.length).toBeGreaterThan(0);
    expect(unacked.length).toBeLessThanOrEqual(64); // maxInFlight bounds what a process holds (plus one reclaim batch)

    const second = await start(config);
    const sent = await sending;
    expect(sent).toHaveLength(5000);
    await waitFor(
      () => tally(readHandled(log).map((r) => r.seq)).distinct.size === 5000,
      60_000,
      () => `5000 distinct handled, got ${tally(readHandled(log).map((r) => r.seq)).distinct.size}`,
    );
    await waitFor(async () => (await redis.xpending(`agent.stream:${id}`, 'mas'))[0] === 0, 5_000, 'an empty PEL');
    const stats = await second.stop();

    const handled = readHandled(log);
    const { distinct, repeated } = tally(handled.map((r) => r.seq));
    expect(distinct).toEqual(new Set(sent)); // none lost
    // Duplicates only where the first process had not acked, each handled at most twice, and counted.
    for (const [seq, times] of repeated) {
      expect(unackedSeqs.has(seq), `seq ${seq} handled ${times} times but was acked before the crash`).toBe(true);
      expect(times).toBe(2);
    }
    const secondCalls = handled.filter((r) => r.pid === second.pid);
    const redeliveredCalls = secondCalls.filter((r) => r.attempt > 1);
    expect(redeliveredCalls.map((r) => r.seq).sort()).toEqual([...unackedSeqs].sort());
    expect(stats.inbox!.redelivered).toBe(unacked.length);
    expect(repeated.size).toBeLessThanOrEqual(stats.inbox!.redelivered);
    // The first process never handled anything twice itself.
    expect(tally(handledBeforeKill.map((r) => r.seq)).repeated.size).toBe(0);
    expect(handled.length).toBe(5000 + repeated.size);
    expect(stats.inbox).toMatchObject({ deadLettered: 0 });
  }, TEST_TIMEOUT);

  it('applies updateState exactly once per distinct message across a SIGKILL (maxInFlight 1)', async () => {
    const id = agentId('count');
    const log = scratch.file(`${id}.log`);
    const config = { redisUrl, agentId: id, log, mode: 'count' as const, delayMs: 1, inbox: { ...inbox, maxInFlight: 1 } };
    const total = 800;
    const first = await start(config);
    const sending = sendNumbered(sender, id, total, { concurrency: 20, pauseMs: 5 });
    await waitFor(() => readHandled(log).length >= 250, 60_000, () => `250 handled before the kill, got ${readHandled(log).length}`);
    await first.kill();
    const unacked = await pendingEntries(redis, id);
    expect(unacked.length).toBeLessThanOrEqual(2);

    // A sender retry: the same envelopes (same message ids) appended again must not count twice.
    const stream = `agent.stream:${id}`;
    const early = (await redis.xrange(stream, '-', '+', 'COUNT', 10)) as Array<[string, string[]]>;
    for (const [, fields] of early) await redis.xadd(stream, '*', ...fields);

    const second = await start(config);
    const sent = await sending;
    expect(sent).toHaveLength(total);
    await waitFor(
      () => tally(readHandled(log).map((r) => r.seq)).distinct.size === total,
      60_000,
      () => `${total} distinct handled, got ${tally(readHandled(log).map((r) => r.seq)).distinct.size}`,
    );
    // Nothing pending and nothing unread (the re-appended copies too): every entry was dealt with.
    await waitFor(async () => {
      const [group] = (await redis.xinfo('GROUPS', stream)) as unknown[][];
      const info = Object.fromEntries(Array.from({ length: group.length / 2 }, (_, i) => [group[2 * i], group[2 * i + 1]]));
      return info.pending === 0 && info.lag === 0;
    }, 5_000, 'an empty PEL and nothing unread');
    // Each commit lands with its ack, so an empty PEL means every state change is in.
    const stats = await second.stop();

    const persisted = decodeStateValue((await redis.hget(`agent.state:${id}`, 'count')) ?? '0');
    expect(persisted).toBe(total);
    expect(stats.state?.count).toBe(total);
    expect(stats.inbox!.duplicates).toBeGreaterThanOrEqual(10); // the re-appended envelopes, dropped
    const handled = readHandled(log);
    const { repeated } = tally(handled.map((r) => r.seq));
    const unackedSeqs = new Set(unacked.map((e) => e.seq));
    for (const seq of repeated.keys()) expect(unackedSeqs.has(seq)).toBe(true);
    expect(await redis.zcard(`mas:done:${id}`)).toBe(total);
  }, TEST_TIMEOUT);
});
