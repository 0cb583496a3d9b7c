import { describe, expect, it } from 'vitest';
import {
  NoHandlerError,
  PayloadValidationError,
  RemoteHandlerError,
  RequestAbortedError,
  RequestTimeoutError,
} from '../errors';
import { createMessage, WireError } from '../protocol';
import { PendingRequests } from './pending-requests';

function replyTo(correlationId: string, error?: WireError) {
  return createMessage({ senderId: 'worker', targetId: 'client', messageType: error ? 'mas.error' : 't.reply', correlationId, isReply: true, error });
}

describe('PendingRequests', () => {
  it('resolves a request with the reply carrying its correlation id', async () => {
    const pending = new PendingRequests();
    const a = pending.track('a', 'worker', 't', 5_000);
    const b = pending.track('b', 'worker', 't', 5_000);

    expect(pending.settle(replyTo('b'))).toBe(true);
    expect(pending.settle(replyTo('a'))).toBe(true);

    await expect(a).resolves.toMatchObject({ meta: { correlationId: 'a' } });
    await expect(b).resolves.toMatchObject({ meta: { correlationId: 'b' } });
    expect(pending.size).toBe(0);
  });

  it('says so when nobody waits for a reply', () => {
    const pending = new PendingRequests();
    expect(pending.settle(replyTo('unknown'))).toBe(false);
    expect(pending.settle(createMessage({ senderId: 'w', targetId: 'c', messageType: 'x', isReply: true }))).toBe(false);
  });

  it('turns error replies into typed errors', async () => {
    const pending = new PendingRequests();
    const invalid = pending.track('v', 'worker', 'task.create', 5_000);
    const noHandler = pending.track('n', 'worker', 'task.create', 5_000);
    const remote = pending.track('r', 'worker', 'task.create', 5_000);

    pending.settle(replyTo('v', { type: 'PayloadValidationError', message: 'bad', details: { violations: ['priority: must be <= 10'] } }));
    pending.settle(replyTo('n', { type: 'NoHandlerError', message: 'none' }));
    pending.settle(replyTo('r', { type: 'QuotaExceeded', message: 'quota', details: { left: 0 } }));

    const v = await invalid.catch((e: unknown) => e);
    expect(v).toBeInstanceOf(PayloadValidationError);
    expect((v as PayloadValidationError).violations).toEqual(['priority: must be <= 10']);
    expect((v as PayloadValidationError).messageType).toBe('task.create');
    const n = await noHandler.catch((e: unknown) => e);
    expect(n).toBeInstanceOf(NoHandlerError);
    expect((n as NoHandlerError).agentId).toBe('worker');
    const r = await remote.catch((e: unknown) => e);
    expect(r).toBeInstanceOf(RemoteHandlerError);
    expect(r).toMatchObject({ remoteType: 'QuotaExceeded', remoteMessage: 'quota', details: { left: 0 }, targetId: 'worker' });
  });

  it('times out with RequestTimeoutError and forgets the request', async () => {
    const pending = new PendingRequests();
    const started = Date.now();

    const error = await pending.track('t', 'worker', 'slow', 50).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ targetId: 'worker', messageType: 'slow', timeoutMs: 50 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(pending.size).toBe(0);
    expect(pending.settle(replyTo('t'))).toBe(false);
  });

  it('fails one request with a given error', async () => {
    const pending = new PendingRequests();
    const request = pending.track('f', 'worker', 't', 5_000);
    const boom = new Error('publish failed');

    pending.fail('f', boom);
    pending.fail('f', new Error('again')); // no effect

    await expect(request).rejects.toBe(boom);
    expect(pending.size).toBe(0);
  });

  it('aborts every waiting request with RequestAbortedError', async () => {
    const pending = new PendingRequests();
    const requests = [pending.track('1', 'a', 't', 5_000), pending.track('2', 'b', 'u', 5_000)];

    pending.abortAll('agent stopped');

    const errors = await Promise.all(requests.map((r) => r.catch((e: unknown) => e)));
    expect(errors.every((e) => e instanceof RequestAbortedError)).toBe(true);
    expect(errors[1]).toMatchObject({ targetId: 'b', messageType: 'u', reason: 'agent stopped' });
    expect(pending.size).toBe(0);
  });

  it('times out each of many requests at its own deadline, whatever was answered before it', async () => {
    const pending = new PendingRequests();
    // Timed from just before each request is made (its deadline is taken inside `track`): a pause
    // between the two must not count against the timer.
    const timedOutAfter = (track: () => Promise<unknown>) => {
      const from = Date.now();
      return track().then(() => 'reply' as const, (e: unknown) => (e instanceof RequestTimeoutError ? Date.now() - from : e));
    };
    const early = Array.from({ length: 2_000 }, (_, i) => timedOutAfter(() => pending.track(`early-${i}`, 'worker', 't', 80)));
    // Most early ones answered (so the shared queue drops them), every tenth left to time out.
    for (let i = 0; i < 2_000; i++) if (i % 10) expect(pending.settle(replyTo(`early-${i}`))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 40));
    const late = timedOutAfter(() => pending.track('late', 'worker', 't', 80));
    const other = timedOutAfter(() => pending.track('other', 'worker', 't', 20));

    const outcomes = await Promise.all(early);
    expect(outcomes.filter((o) => o === 'reply')).toHaveLength(1_800);
    const waited = outcomes.filter((o): o is number => typeof o === 'number');
    expect(waited).toHaveLength(200);
    expect(Math.min(...waited)).toBeGreaterThanOrEqual(79);
    expect(await other).toBeGreaterThanOrEqual(19);
    expect(await late).toBeGreaterThanOrEqual(79); // 80 ms after its own start, not the queue's
    expect(pending.size).toBe(0);
  });

  it('aborts requests whose correlation id was reused, too', async () => {
    const pending = new PendingRequests();
    const first = pending.track('same', 'worker', 't', 5_000);
    const second = pending.track('same', 'worker', 't', 5_000);
    pending.abortAll('agent stopped');
    await expect(first).rejects.toBeInstanceOf(RequestAbortedError);
    await expect(second).rejects.toBeInstanceOf(RequestAbortedError);
  });
});
