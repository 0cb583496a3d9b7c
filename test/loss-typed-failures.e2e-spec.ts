import { describe, expect, it } from 'vitest';
import {
  Agent,
  AgentHandler,
  AgentMessage,
  AgentOverloadedError,
  MasKeys,
  MessageTooLargeError,
  RemoteHandlerError,
} from '@mas/core';
import { privateSuite } from './support/private-redis';
import { sleep, uniqueId, waitFor } from './support/e2e-helpers';

// Failures a requester used to see only as a timeout (issue: no silent loss, point 4), and the
// bounded handler concurrency of direct mode: each must reach the caller at once, typed.
const SPEC = 'loss-typed';
const id = (label: string) => uniqueId(SPEC, label);
const TIMEOUT_MS = 15_000;

class Awkward extends Agent {
  @AgentHandler('bigint')
  bigint() {
    return { n: 10n };
  }
  @AgentHandler('circular')
  circular() {
    const node: Record<string, unknown> = { name: 'loop' };
    node.self = node;
    return node;
  }
  @AgentHandler('deep')
  deep() {
    let value: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) value = [value];
    return { value };
  }
  @AgentHandler('fine')
  fine(data: Record<string, unknown>) {
    return { echoed: data };
  }
}

class Slow extends Agent {
  begun = 0;
  @AgentHandler('slow')
  async slow() {
    this.begun += 1;
    await sleep(300);
    return { done: true };
  }
}

const suite = privateSuite(12);
const { agents, probes, logger } = suite;

/** How the request settled, and how long that took. */
async function settle(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: Date.now() - started };
}

describe('typed failures reach the requester at once', () => {
  it.each(['bigint', 'circular', 'deep'])('a handler returning an unencodable value (%s) answers with an error reply', async (type) => {
    const receiver = await agents.start(new Awkward(id('awkward'), { redisUrl: suite.redisUrl, logger }));
    const requester = await agents.start(new Agent(id('requester'), { redisUrl: suite.redisUrl, logger, requestTimeoutMs: TIMEOUT_MS }));

    const { error, ms } = await settle(requester.request(receiver.id, type, {}));

    expect(error).toBeInstanceOf(RemoteHandlerError);
    expect((error as RemoteHandlerError).remoteType).toBe('MessageEncodingError');
    expect(ms).toBeLessThan(TIMEOUT_MS / 3);
    // Counted once, as a failure (not as handled too).
    expect(receiver.stats.handlerErrors).toBe(1);
    expect(receiver.stats.handled).toBe(0);
    await expect(requester.request(receiver.id, 'fine', { ok: 1 })).resolves.toBeInstanceOf(AgentMessage);
    expect(receiver.stats.handled).toBe(1);
  });

  it('refuses at the sender a request over the receiver\'s declared limit, naming it, and publishes nothing', async () => {
    const receiver = await agents.start(new Awkward(id('small'), { redisUrl: suite.redisUrl, logger, maxMessageBytes: 2_000 }));
    const requester = await agents.start(new Agent(id('requester'), { redisUrl: suite.redisUrl, logger, requestTimeoutMs: TIMEOUT_MS }));
    const tap = await probes.tap(suite.redisUrl, MasKeys.agentChannel(receiver.id));

    const { error, ms } = await settle(requester.request(receiver.id, 'fine', { blob: 'x'.repeat(5_000) }));
    const sendError = await requester.send(receiver.id, 'fine', { blob: 'x'.repeat(5_000) }).catch((e: unknown) => e);

    for (const refused of [error, sendError]) {
      expect(refused).toBeInstanceOf(MessageTooLargeError);
      expect(refused).toMatchObject({ limit: 2_000, targetId: receiver.id });
      expect((refused as Error).message).toContain('2000 bytes');
    }
    expect(ms).toBeLessThan(TIMEOUT_MS / 3);
    await requester.request(receiver.id, 'fine', { small: true });
    expect(tap.on(MasKeys.agentChannel(receiver.id))).toHaveLength(1); // only the small one went out
    expect(receiver.stats.oversized).toBe(0);
  });

  it('answers an oversized request that still arrives (a sender that does not check) with MessageTooLargeError', async () => {
    const receiver = await agents.start(new Awkward(id('small'), { redisUrl: suite.redisUrl, logger, maxMessageBytes: 2_000 }));
    const requester = await agents.start(new Agent(id('requester'), { redisUrl: suite.redisUrl, logger, requestTimeoutMs: TIMEOUT_MS }));
    const tap = await probes.tap(suite.redisUrl, MasKeys.agentChannel(requester.id));
    const raw = probes.client(suite.redisUrl);

    await raw.publish(
      MasKeys.agentChannel(receiver.id),
      JSON.stringify({
        sender_id: requester.id,
        target_id: receiver.id,
        message_type: 'fine',
        data: { blob: 'x'.repeat(5_000) },
        meta: { version: 1, correlation_id: 'big-1', expects_reply: true, is_reply: false },
        timestamp: Date.now() / 1000,
        message_id: 'big-1',
      }),
    );

    const [reply] = await waitFor(() => {
      const replies = tap.on(MasKeys.agentChannel(requester.id)).filter((m) => m.json?.meta?.is_reply);
      return replies.length ? replies : undefined;
    }, 5_000, 'the error reply');
    expect(reply.json.meta.correlation_id).toBe('big-1');
    expect(reply.json.meta.error).toMatchObject({ type: 'MessageTooLargeError', details: { limit: 2_000 } });
    expect(receiver.stats.oversized).toBe(1);
  });
});

describe('direct-mode handler concurrency', () => {
  it('runs at most maxConcurrency handlers, queues maxQueued and refuses the rest with AgentOverloadedError', async () => {
    const slow = await agents.start(new Slow(id('slow'), { redisUrl: suite.redisUrl, logger, maxConcurrency: 2, maxQueued: 3 }));
    const requester = await agents.start(new Agent(id('requester'), { redisUrl: suite.redisUrl, logger, requestTimeoutMs: TIMEOUT_MS }));

    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        requester.request(slow.id, 'slow', {}).then(
          () => 'ok' as const,
          (error: unknown) => error,
        ),
      ),
    );

    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(5);
    const refused = outcomes.filter((o) => o !== 'ok');
    expect(refused).toHaveLength(5);
    for (const error of refused) expect(error).toBeInstanceOf(AgentOverloadedError);
    expect(slow.stats.dropped).toBe(5);
    expect(slow.begun).toBe(5);
    // 2 at once, 300 ms each: 5 handlers take three rounds; nobody waited for the 15 s timeout.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
