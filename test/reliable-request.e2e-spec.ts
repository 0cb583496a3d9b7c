import { describe, expect, it } from 'vitest';
import { NoHandlerError, PayloadValidationError, RemoteHandlerError, RequestTimeoutError } from '@mas/core';
import { readHandled, reliableSuite, sleep, TEST_TIMEOUT, uniqueId, waitFor } from './support/reliable-helpers';

/**
 * Request/reply with `reliable: true`: the request goes through the target's inbox stream (the
 * target is a reliable agent in its own process), the reply comes back over pub/sub.
 */
const SPEC = 'rel-request';

describe('reliable request/reply (real processes)', () => {
  // One target process for every test: started by the first, killed after all.
  const { redisUrl, redis, scratch, fixtures, sender: requester, agentId, start } = reliableSuite(SPEC, 14, {
    senderLabel: 'requester',
    killAfterEach: false,
  });
  const targetId = agentId('target');
  const log = scratch.file('target.log');

  const dlqEntriesOf = async (id: string) => {
    const entries = (await redis.xrange('dlq:messages', '-', '+')) as Array<[string, string[]]>;
    return entries.filter(([, fields]) => fields[fields.indexOf('agent_id') + 1] === id);
  };

  it('answers a request sent while the target was offline, once the target starts', async () => {
    const reply = requester.request(targetId, 'echo', { seq: 1, hello: 'world' }, { reliable: true, timeout: 90_000 });
    reply.catch(() => undefined); // awaited below; no unhandled rejection if the target never starts
    await sleep(200); // the request waits in the inbox stream meanwhile
    expect(await redis.xlen(`agent.stream:${targetId}`)).toBe(1);
    await start({ redisUrl, agentId: targetId, log, inbox: { claimIdleMs: 400, maxAttempts: 3, blockMs: 200 } });

    const answer = await reply;
    expect(answer.messageType).toBe('echo.reply');
    expect(answer.senderId).toBe(targetId);
    expect(answer.data).toMatchObject({ echoed: { seq: 1, hello: 'world' }, attempt: 1, pid: fixtures[0].pid });
  }, TEST_TIMEOUT);

  it('matches 100 concurrent reliable requests to their replies', async () => {
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) => requester.request(targetId, 'echo', { seq: 100 + i }, { reliable: true, timeout: 10_000 })),
    );
    expect(replies.map((r) => (r.data as { echoed: { seq: number } }).echoed.seq)).toEqual(Array.from({ length: 100 }, (_, i) => 100 + i));
  }, TEST_TIMEOUT);

  it('rejects with typed errors, and a request answered with an error is acked, not retried', async () => {
    const failed = requester.request(targetId, 'explode', { seq: 2, why: 'testing' }, { reliable: true, timeout: 5_000 });
    await expect(failed).rejects.toBeInstanceOf(RemoteHandlerError);
    await expect(failed).rejects.toMatchObject({
      code: 'REMOTE_HANDLER_ERROR',
      targetId,
      remoteType: 'RangeError',
      remoteMessage: 'exploded on purpose: testing',
    });

    const invalid = requester.request(targetId, 'square', { seq: 3, n: -1.5 }, { reliable: true, timeout: 5_000 });
    await expect(invalid).rejects.toBeInstanceOf(PayloadValidationError);
    const rejection = (await invalid.then(() => undefined, (error: unknown) => error)) as PayloadValidationError;
    expect(rejection.violations.join('\n')).toMatch(/^n: /m);
    const square = await requester.request(targetId, 'square', { seq: 4, n: 7 }, { reliable: true, timeout: 5_000 });
    expect(square.data).toEqual({ square: 49 });

    const unknown = requester.request(targetId, 'no.such.type', { seq: 5 }, { reliable: true, timeout: 5_000 });
    await expect(unknown).rejects.toBeInstanceOf(NoHandlerError);
    await expect(unknown).rejects.toMatchObject({ code: 'NO_HANDLER', agentId: targetId, messageType: 'no.such.type' });

    // Answered (with an error) counts as done: acked at once, not redelivered, not dead-lettered.
    await waitFor(async () => (await redis.xpending(`agent.stream:${targetId}`, 'mas'))[0] === 0, 5_000, 'an empty PEL');
    await sleep(900); // more than two reclaim rounds (claimIdleMs 400)
    expect(readHandled(log).filter((r) => r.seq === 2)).toHaveLength(1);
    expect(await dlqEntriesOf(targetId)).toHaveLength(0);
  }, TEST_TIMEOUT);

  it('times out with RequestTimeoutError; the late reply is dropped as unmatched', async () => {
    const unmatched = requester.stats.unmatchedReplies;
    const started = Date.now();
    const slow = requester.request(targetId, 'slow', { seq: 6, ms: 2500 }, { reliable: true, timeout: 300 });
    await expect(slow).rejects.toBeInstanceOf(RequestTimeoutError);
    await expect(slow).rejects.toMatchObject({ code: 'REQUEST_TIMEOUT', targetId, messageType: 'slow', timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2000); // not held up by the 2.5 s handler
    // The handler still runs to the end, once, and replies late.
    await waitFor(() => requester.stats.unmatchedReplies === unmatched + 1, 15_000, 'the late reply');
    expect(readHandled(log).filter((r) => r.seq === 6)).toHaveLength(1);

    // A reliable request to an agent that never starts cannot know nobody listens: it times out.
    const nobody = uniqueId(SPEC, 'nobody');
    const lost = requester.request(nobody, 'echo', {}, { reliable: true, timeout: 300 });
    await expect(lost).rejects.toBeInstanceOf(RequestTimeoutError);
    await redis.del(`agent.stream:${nobody}`);
  }, TEST_TIMEOUT);
});
