import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MasKeys, ProvisionedAgent } from '@mas/core';
import { FixtureConfig, FixtureProcess, killAll, readHandled, Scratch, sendNumbered, tally, TEST_TIMEOUT, waitFor } from './support/reliable-helpers';
import { ZeroTrustAgent, ZeroTrustWorld } from './support/zero-trust';

// Zero-trust replicas as real processes (test/fixtures/reliable-agent.cjs with credentials): two
// processes with one id's credentials share its inbox and survive each other's crash; a process
// with the id but without its credentials cannot start and receives nothing.
let world: ZeroTrustWorld;
let sender: ZeroTrustAgent;
const scratch = new Scratch();
const fixtures: FixtureProcess[] = [];
const inbox = { claimIdleMs: 400, maxAttempts: 5, blockMs: 200, maxInFlight: 16 };

beforeAll(async () => {
  // Hundreds of messages from one sender: no rate limit in the way. DLP is not what these tests are
  // about, and it blocks about 1 in 1,500 random message_id UUIDs as a credit card number.
  world = await ZeroTrustWorld.start(9, { features: { rateLimit: false, dlp: false } });
  sender = await world.start(await world.provision('proc-sender'));
}, 30_000);
afterEach(() => killAll(fixtures));
afterAll(async () => {
  await killAll(fixtures);
  await world?.close();
  scratch.dispose();
});

async function replica(worker: ProvisionedAgent, extra: Partial<FixtureConfig> = {}): Promise<FixtureProcess> {
  const fixture = await FixtureProcess.start({
    redisUrl: worker.redisUrl,
    agentId: worker.id,
    credentials: worker.credentials,
    log: scratch.file(`${worker.id}.log`),
    inbox,
    ...extra,
  });
  fixtures.push(fixture);
  return fixture;
}

/** Entries of `id`'s inbox not acked yet, with the consumer holding each. */
async function pending(id: string): Promise<Array<{ entryId: string; consumer: string }>> {
  const rows = (await world.admin.command.xpending(MasKeys.inbox(id), MasKeys.inboxGroup, '-', '+', 10_000)) as Array<[string, string]>;
  return rows.map(([entryId, consumer]) => ({ entryId, consumer }));
}

describe('zero-trust replicas in separate processes', () => {
  it('two processes with the same credentials share the inbox: each handles some, none lost, none twice', async () => {
    const worker = await world.provision('proc-worker');
    const log = scratch.file(`${worker.id}.log`);
    const [one, two] = await Promise.all([replica(worker, { delayMs: 5 }), replica(worker, { delayMs: 5 })]);
    expect(await world.admin.command.hget(MasKeys.agent(worker.id), 'status')).toBe('ACTIVE');

    const sent = await sendNumbered(sender.agent, worker.id, 200, { concurrency: 20 });
    expect(sent).toHaveLength(200);
    await waitFor(() => readHandled(log).length >= 200, 30_000, () => `200 handled, got ${readHandled(log).length}`);
    await waitFor(async () => (await pending(worker.id)).length === 0, 5_000, 'every entry acked');

    const handled = readHandled(log);
    const { distinct, repeated } = tally(handled.map((r) => r.seq));
    expect(distinct).toEqual(new Set(sent));
    expect(repeated.size).toBe(0);
    expect(handled.every((r) => r.attempt === 1)).toBe(true);
    expect(handled.filter((r) => r.pid === one.pid).length).toBeGreaterThan(0);
    expect(handled.filter((r) => r.pid === two.pid).length).toBeGreaterThan(0);
    // Each handled message came through the gateway from the sender.
    expect(handled.every((r) => r.type === 'item')).toBe(true);
  }, TEST_TIMEOUT);

  it('when one is SIGKILLed mid-stream, the other takes over its pending entries; nothing is lost', async () => {
    const worker = await world.provision('proc-crash');
    const log = scratch.file(`${worker.id}.log`);
    const [doomed, survivor] = await Promise.all([replica(worker, { delayMs: 40 }), replica(worker, { delayMs: 40 })]);

    const sending = sendNumbered(sender.agent, worker.id, 300, { concurrency: 10, pauseMs: 20 });
    await waitFor(() => readHandled(log).filter((r) => r.pid === doomed.pid).length >= 20, 30_000, 'the doomed process handling');
    await doomed.kill();
    const heldByDead = (await pending(worker.id)).filter((entry) => entry.consumer.includes(`:${doomed.pid}:`));
    expect(heldByDead.length, 'the killed process held unacked entries').toBeGreaterThan(0);

    const sent = await sending;
    expect(sent).toHaveLength(300);
    await waitFor(() => tally(readHandled(log).map((r) => r.seq)).distinct.size === 300, 60_000, () => `300 distinct handled, got ${tally(readHandled(log).map((r) => r.seq)).distinct.size}`);
    await waitFor(async () => (await pending(worker.id)).length === 0, 10_000, 'every entry acked');

    const handled = readHandled(log);
    expect(tally(handled.map((r) => r.seq)).distinct).toEqual(new Set(sent)); // none lost
    // The survivor handled every entry the dead process held, as a redelivery.
    const redelivered = handled.filter((r) => r.pid === survivor.pid && r.attempt > 1);
    expect(redelivered.length).toBe(heldByDead.length);
    // Anything handled twice was one of those (handled, not acked, when the process died).
    for (const [seq, times] of tally(handled.map((r) => r.seq)).repeated) {
      expect(redelivered.some((r) => r.seq === seq), `seq ${seq} handled ${times} times`).toBe(true);
      expect(times).toBe(2);
    }
    expect(await world.admin.command.hget(MasKeys.agent(worker.id), 'status')).toBe('ACTIVE');
  }, TEST_TIMEOUT);

  it('a process with the id but without its credentials is refused and receives nothing', async () => {
    const worker = await world.provision('proc-guarded');
    const mallory = await world.provision('proc-mallory');
    const log = scratch.file(`${worker.id}.log`);
    const legit = await replica(worker);

    const attempts: Array<[string, Partial<FixtureConfig>, string[]]> = [
      ['its own URL, no credentials', { redisUrl: mallory.redisUrl, credentials: undefined, gateway: true }, ['RedisPermissionError']],
      ["another agent's URL and credentials", { redisUrl: mallory.redisUrl, credentials: mallory.credentials }, ['RedisPermissionError', 'InvalidCredentialsError']],
      ["the id's URL but another agent's credentials", { credentials: mallory.credentials }, ['InvalidCredentialsError']],
    ];
    for (const [what, extra, expected] of attempts) {
      const intruder = new FixtureProcess({ redisUrl: worker.redisUrl, agentId: worker.id, credentials: worker.credentials, log, inbox, ...extra });
      fixtures.push(intruder);
      await expect(intruder.ready, what).rejects.toThrow(/exited before ready/);
      expect(expected, `${what}: ${intruder.failure?.message}`).toContain(intruder.failure?.name);
    }

    const sent = await sendNumbered(sender.agent, worker.id, 30, { concurrency: 10 });
    await waitFor(() => readHandled(log).length >= 30, 20_000, () => `30 handled, got ${readHandled(log).length}`);
    const handled = readHandled(log);
    expect(tally(handled.map((r) => r.seq)).distinct).toEqual(new Set(sent));
    expect(new Set(handled.map((r) => r.pid))).toEqual(new Set([legit.pid]));
    // No consumer of the inbox group but the legitimate process's.
    const consumers = (await world.admin.command.call('XINFO', 'CONSUMERS', MasKeys.inbox(worker.id), MasKeys.inboxGroup)) as unknown[][];
    expect(consumers.map((row) => String(row[1]))).toEqual([expect.stringContaining(`:${legit.pid}:`)]);
  }, TEST_TIMEOUT);
});
