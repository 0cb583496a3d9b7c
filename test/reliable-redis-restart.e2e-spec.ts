import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, decodeStateValue } from '@mas/core';
import { RedisServer } from './support/private-redis';
import {
  FixtureProcess,
  killAll,
  quietLogger,
  readHandled,
  Scratch,
  sendNumbered,
  sleep,
  tally,
  TEST_TIMEOUT,
  uniqueId,
  waitFor,
} from './support/reliable-helpers';

/**
 * Reliable delivery across a crash of Redis itself: a redis-server of this spec's own on a spare
 * port with AOF (appendfsync always) is SIGKILLed in the middle of a stream of messages and
 * started again on the same data. Every send that Redis acknowledged must be handled; the
 * receiver (its own process) and the sender resume without help.
 */
const SPEC = 'rel-redis-restart';

describe('reliable delivery across a Redis restart with AOF (real processes)', () => {
  const server = new RedisServer({ appendOnly: true, startTimeoutMs: 15_000 });
  const scratch = new Scratch();
  const fixtures: FixtureProcess[] = [];
  let probe: Redis;

  beforeAll(async () => {
    await server.start();
    probe = new Redis(server.url, { connectionName: 'mas-e2e-probe', maxRetriesPerRequest: null });
    probe.on('error', () => undefined); // refused while the server is down, on purpose
  });
  afterAll(async () => {
    await killAll(fixtures);
    probe?.disconnect();
    await server.dispose();
    scratch.dispose();
  });

  it('handles every acknowledged send after Redis is killed and restarted mid-stream', async () => {
    const id = uniqueId(SPEC, 'receiver');
    const log = scratch.file('receiver.log');
    const receiver = await FixtureProcess.start({
      redisUrl: server.url, agentId: id, log, delayMs: 1,
      inbox: { claimIdleMs: 500, maxInFlight: 16, blockMs: 200 },
    });
    fixtures.push(receiver);
    const sender = new Agent(uniqueId(SPEC, 'sender'), { redisUrl: server.url, register: false, logger: quietLogger });
    await sender.start();

    // A steady stream: one send every ~2 ms, at most 200 outstanding; only resolved sends count.
    const total = 1500;
    const acked: number[] = [];
    const failed: Array<{ seq: number; error: string }> = [];
    const outstanding = new Set<Promise<void>>();
    const stream = (async () => {
      for (let seq = 0; seq < total; seq++) {
        const sending = sender.send(id, 'item', { seq }, { reliable: true }).then(
          () => void acked.push(seq),
          (error: Error) => void failed.push({ seq, error: error.message }),
        );
        outstanding.add(sending);
        void sending.finally(() => outstanding.delete(sending));
        if (outstanding.size >= 200) await Promise.race(outstanding);
        if (seq % 4 === 3) await sleep(8);
      }
      await Promise.all(outstanding);
    })();

    await waitFor(() => acked.length >= 400, 60_000, () => `400 acked sends before the crash, got ${acked.length}`);
    await server.kill('SIGKILL');
    const ackedAtCrash = acked.length;
    await sleep(800);
    await server.start();
    await stream;
    expect(acked.length).toBeGreaterThan(ackedAtCrash); // the sender went on after the restart

    const missing = () => {
      const seen = tally(readHandled(log).map((r) => r.seq)).distinct;
      return acked.filter((seq) => !seen.has(seq));
    };
    await waitFor(() => missing().length === 0, 60_000, () => `every acked send handled; missing ${missing().length}: ${missing().slice(0, 10).join(',')}`);

    // Resumed by themselves: a message sent now is handled at once, and the registration is alive.
    await sender.send(id, 'item', { seq: 1_000_000 }, { reliable: true });
    await waitFor(() => readHandled(log).some((r) => r.seq === 1_000_000), 15_000, 'a message sent after the restart');
    await waitFor(async () => (await probe.exists(`agent:${id}:heartbeat`)) === 1, 10_000, 'the heartbeat back');
    await waitFor(async () => (await probe.xpending(`agent.stream:${id}`, 'mas'))[0] === 0, 10_000, 'an empty PEL');

    const stats = await receiver.stop();
    await sender.stop();
    // The consumer group came back from the AOF: never recreated (which would redeliver everything).
    expect(stats.inbox!.groupRecreated).toBe(0);
    const handled = readHandled(log);
    const { distinct } = tally(handled.map((r) => r.seq));
    // Nothing is handled that was never sent, and every stored entry was handled.
    for (const seq of distinct) expect(seq === 1_000_000 || (seq >= 0 && seq < total)).toBe(true);
    const stored = (await probe.xrange(`agent.stream:${id}`, '-', '+')) as Array<[string, string[]]>;
    const storedSeqs = stored.map(([, fields]) => (JSON.parse(fields[1]) as { data: { seq: number } }).data.seq);
    expect(storedSeqs.filter((seq) => !distinct.has(seq))).toEqual([]);
    expect(acked.length + failed.length).toBe(total);
  }, TEST_TIMEOUT);

  it('applies state changes exactly once when a commit fails while Redis is down (fail-fast client)', async () => {
    const id = uniqueId(SPEC, 'count');
    const log = scratch.file('count.log');
    const receiver = await FixtureProcess.start({
      redisUrl: server.url, agentId: id, log, mode: 'count',
      // Commands fail at once while Redis is unreachable instead of waiting in ioredis's queue.
      redis: { maxRetriesPerRequest: 0 },
      inbox: { claimIdleMs: 400, maxInFlight: 1, blockMs: 200 },
    });
    fixtures.push(receiver);
    const sender = new Agent(uniqueId(SPEC, 'count-sender'), { redisUrl: server.url, register: false, logger: quietLogger });
    await sender.start();

    await sendNumbered(sender, id, 30, { concurrency: 10 });
    await waitFor(() => readHandled(log).length >= 30, 30_000, 'the first 30 handled');
    // Redis dies while this handler runs (held 1.5 s) and is still down when it commits
    // (count + 1 with the ack), so that commit is refused.
    await sender.send(id, 'item', { seq: 30, holdMs: 1500 }, { reliable: true });
    await waitFor(() => readHandled(log).some((r) => r.seq === 30), 15_000, 'the held message started', 5);
    await server.kill('SIGKILL');
    await sleep(2500);
    await server.start();
    await sendNumbered(sender, id, 30, { from: 31, concurrency: 10 });

    await waitFor(() => tally(readHandled(log).map((r) => r.seq)).distinct.size === 61, 60_000, () => `61 handled, got ${tally(readHandled(log).map((r) => r.seq)).distinct.size}`);
    await waitFor(async () => (await probe.xpending(`agent.stream:${id}`, 'mas'))[0] === 0, 10_000, 'an empty PEL');
    const stats = await receiver.stop();
    await sender.stop();

    // The held message ran twice (its first commit failed), but counted once.
    expect(readHandled(log).filter((r) => r.seq === 30).map((r) => r.attempt)).toEqual([1, 2]);
    expect(receiver.stderr).toMatch(/MaxRetriesPerRequestError/);
    expect(decodeStateValue((await probe.hget(`agent.state:${id}`, 'count')) ?? '0')).toBe(61);
    expect(stats.state?.count).toBe(61);
  }, TEST_TIMEOUT);
});
