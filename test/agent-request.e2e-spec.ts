import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  Agent,
  AgentHandler,
  AgentMessage,
  AgentNotStartedError,
  MasKeys,
  NoHandlerError,
  PayloadValidationError,
  RemoteHandlerError,
  ReplyNotPossibleError,
  RequestAbortedError,
  RequestTimeoutError,
  UnknownTargetError,
} from '@mas/core';
import { AgentTracker, Probes, QuietLogger, redisUrlFor, sleep, uniqueId, waitFor } from './support/e2e-helpers';

const SPEC = 'agent-request';
const redisUrl = redisUrlFor(2);
const id = (label: string) => uniqueId(SPEC, label);

class Owner {
  @IsString()
  @MinLength(1)
  name!: string;
}

class TaskRequest {
  @IsInt()
  @Min(1)
  @Max(10)
  priority!: number;

  @IsString()
  title!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => Owner)
  owner?: Owner;

  describe(): string {
    return `${this.title}@${this.priority}`;
  }
}

class QuotaExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuotaExceeded';
  }
}

/** The agent under test: typed handlers, a handler that throws, one that never answers. */
class Worker extends Agent {
  readonly seen: unknown[] = [];
  readonly replyErrors: unknown[] = [];
  readonly fallbackTypes: string[] = [];

  @AgentHandler('math.double')
  double(data: { n: number }) {
    return { n: data.n, doubled: data.n * 2 };
  }

  @AgentHandler('math.slow-double')
  async slowDouble(data: { n: number; delayMs: number }) {
    await sleep(data.delayMs);
    return { doubled: data.n * 2 };
  }

  @AgentHandler('task.create', { model: TaskRequest })
  create(task: TaskRequest) {
    this.seen.push(task);
    return { isModel: task instanceof TaskRequest, ownerIsModel: task.owner ? task.owner instanceof Owner : null, summary: task.describe() };
  }

  @AgentHandler('task.explicit-reply')
  async explicit(data: { v: number }, message: AgentMessage) {
    await message.reply('task.done', { v: data.v, by: 'reply()' });
    return { ignored: true }; // already answered: the return value is not sent again
  }

  @AgentHandler('task.fail')
  fail(data: { reason: string }) {
    throw new QuotaExceeded(`quota exceeded: ${data.reason}`);
  }

  @AgentHandler('task.silent')
  silent() {
    return undefined; // never answers
  }

  @AgentHandler('task.late')
  async late(_data: unknown, message: AgentMessage) {
    await sleep(300);
    await message.reply('task.late.reply', {});
  }

  @AgentHandler('note.reply-to-plain')
  async replyToPlain(_data: unknown, message: AgentMessage) {
    try {
      await message.reply('nope', {});
    } catch (error) {
      this.replyErrors.push(error);
    }
  }

  protected override onMessage(message: AgentMessage): unknown {
    this.fallbackTypes.push(message.messageType);
    return { fallback: message.messageType, data: message.data };
  }
}

describe('Agent request / reply', () => {
  const logger = new QuietLogger();
  const agents = new AgentTracker();
  const probes = new Probes();
  let worker: Worker;
  let client: Agent;

  beforeAll(async () => {
    worker = await agents.start(new Worker(id('worker'), { redisUrl, logger }));
    client = await agents.start(new Agent(id('client'), { redisUrl, logger, requestTimeoutMs: 5_000 }));
  });
  afterAll(async () => {
    await agents.stopAll();
    await probes.closeAll();
  });

  it('answers a request with the handler return value as <type>.reply', async () => {
    const reply = await client.request(worker.id, 'math.double', { n: 21 });

    expect(reply.data).toEqual({ n: 21, doubled: 42 });
    expect(reply.messageType).toBe('math.double.reply');
    expect(reply.senderId).toBe(worker.id);
    expect(reply.targetId).toBe(client.id);
    expect(reply.isReply).toBe(true);
  });

  it('gives each of 50 concurrent requests its own answer', async () => {
    const ns = Array.from({ length: 50 }, (_, i) => i + 1);
    // Replies come back in a different order than the requests went out (random delays).
    const replies = await Promise.all(
      ns.map((n) => client.request(worker.id, 'math.slow-double', { n, delayMs: Math.floor(Math.random() * 40) })),
    );

    expect(replies.map((r) => r.data.doubled)).toEqual(ns.map((n) => n * 2));
    expect(new Set(replies.map((r) => r.meta.correlationId)).size).toBe(50);
  });

  it('lets a handler answer with message.reply() (once)', async () => {
    const tap = await probes.tap(redisUrl, MasKeys.agentChannel(client.id));
    const reply = await client.request(worker.id, 'task.explicit-reply', { v: 7 });

    expect(reply.messageType).toBe('task.done');
    expect(reply.data).toEqual({ v: 7, by: 'reply()' });
    await sleep(100);
    expect(tap.messages.filter((m) => m.json?.meta?.correlation_id === reply.meta.correlationId)).toHaveLength(1);
  });

  it('rejects with RequestTimeoutError after the timeout when no answer comes', async () => {
    const started = Date.now();
    const error = await client.request(worker.id, 'task.silent', {}, { timeout: 300 }).catch((e: unknown) => e);

    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect((error as RequestTimeoutError).timeoutMs).toBe(300);
    expect((error as RequestTimeoutError).targetId).toBe(worker.id);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('counts a reply that arrives after the timeout as unmatched and carries on', async () => {
    const unmatched = client.stats.unmatchedReplies;
    await expect(client.request(worker.id, 'task.late', {}, { timeout: 100 })).rejects.toBeInstanceOf(RequestTimeoutError);
    await waitFor(() => client.stats.unmatchedReplies === unmatched + 1, 3_000, 'the late reply');
    await expect(client.request(worker.id, 'math.double', { n: 1 })).resolves.toMatchObject({ data: { doubled: 2 } });
  });

  it('rejects at once with UnknownTargetError when nobody listens', async () => {
    const nobody = id('nobody');
    const started = Date.now();
    const error = await client.request(nobody, 'math.double', { n: 1 }, { timeout: 10_000 }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UnknownTargetError);
    expect((error as UnknownTargetError).targetId).toBe(nobody);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('throws ReplyNotPossibleError when replying to a message without correlation id', async () => {
    await client.send(worker.id, 'note.reply-to-plain', {});

    const [error] = await waitFor(() => (worker.replyErrors.length ? worker.replyErrors : undefined));
    expect(error).toBeInstanceOf(ReplyNotPossibleError);
  });

  describe('typed handlers (class-validator model)', () => {
    it('converts a valid payload to a model instance', async () => {
      const reply = await client.request(worker.id, 'task.create', { priority: 3, title: 'write specs', owner: { name: 'ann' } });

      expect(reply.data).toEqual({ isModel: true, ownerIsModel: true, summary: 'write specs@3' });
      expect(worker.seen.at(-1)).toBeInstanceOf(TaskRequest);
    });

    it('rejects the requester at once with PayloadValidationError naming the field', async () => {
      const seen = worker.seen.length;
      const started = Date.now();
      const error = await client
        .request(worker.id, 'task.create', { priority: 99, title: 'too urgent' }, { timeout: 10_000 })
        .catch((e: unknown) => e);

      expect(Date.now() - started).toBeLessThan(1_000);
      expect(error).toBeInstanceOf(PayloadValidationError);
      const validation = error as PayloadValidationError;
      expect(validation.messageType).toBe('task.create');
      expect(validation.violations.some((v) => v.startsWith('priority'))).toBe(true);
      expect(validation.violations.some((v) => v.startsWith('title'))).toBe(false);
      expect(validation.message).toContain('priority');
      expect(worker.seen.length).toBe(seen); // the handler never ran
    });

    it('names nested and missing fields too', async () => {
      const error = await client
        .request(worker.id, 'task.create', { priority: 2, owner: { name: '' } })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(PayloadValidationError);
      const violations = (error as PayloadValidationError).violations;
      expect(violations.some((v) => v.startsWith('title'))).toBe(true);
      expect(violations.some((v) => v.startsWith('owner.name'))).toBe(true);
    });
  });

  it('rejects with RemoteHandlerError carrying the remote error when the handler throws', async () => {
    const started = Date.now();
    const error = await client.request(worker.id, 'task.fail', { reason: 'disk' }, { timeout: 10_000 }).catch((e: unknown) => e);

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(RemoteHandlerError);
    const remote = error as RemoteHandlerError;
    expect(remote.remoteMessage).toBe('quota exceeded: disk');
    expect(remote.remoteType).toBe('QuotaExceeded');
    expect(remote.targetId).toBe(worker.id);
    expect(remote.message).toContain('quota exceeded: disk');
    // the worker keeps serving
    await expect(client.request(worker.id, 'math.double', { n: 2 })).resolves.toMatchObject({ data: { doubled: 4 } });
  });

  it('falls back to onMessage for types without a handler', async () => {
    const reply = await client.request(worker.id, 'unknown.kind', { x: 1 });

    expect(reply.data).toEqual({ fallback: 'unknown.kind', data: { x: 1 } });
    expect(reply.messageType).toBe('unknown.kind.reply');
    expect(worker.fallbackTypes).toContain('unknown.kind');
  });

  it('uses the onMessage option as fallback on a plain Agent', async () => {
    const got: AgentMessage[] = [];
    const plain = await agents.start(
      new Agent(id('plain'), { redisUrl, logger, onMessage: (message) => (got.push(message), { ok: message.messageType }) }),
    );

    await expect(client.request(plain.id, 'whatever', {})).resolves.toMatchObject({ data: { ok: 'whatever' } });
    await client.send(plain.id, 'fire.and.forget', { a: 1 });
    await waitFor(() => got.length === 2);
    expect(got.map((m) => m.messageType)).toEqual(['whatever', 'fire.and.forget']);
  });

  it('rejects with NoHandlerError at once when the target has neither handler nor fallback', async () => {
    const bare = await agents.start(new Agent(id('bare'), { redisUrl, logger }));
    const started = Date.now();
    const error = await client.request(bare.id, 'not.handled', {}, { timeout: 10_000 }).catch((e: unknown) => e);

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(NoHandlerError);
    expect((error as NoHandlerError).agentId).toBe(bare.id);
    expect((error as NoHandlerError).messageType).toBe('not.handled');
  });

  it('rejects pending requests with RequestAbortedError when the requester stops', async () => {
    const requester = await agents.start(new Agent(id('stopping'), { redisUrl, logger }));
    const pending = requester.request(worker.id, 'task.silent', {}, { timeout: 20_000 }).catch((e: unknown) => e);
    await sleep(50);

    const started = Date.now();
    await requester.stop();
    const error = await pending;

    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(requester.request(worker.id, 'math.double', { n: 1 })).rejects.toBeInstanceOf(AgentNotStartedError);
  });
});

describe('error replies on the wire', () => {
  const logger = new QuietLogger();
  const agents = new AgentTracker();
  const probes = new Probes();
  afterEach(async () => {
    await agents.stopAll();
    await probes.closeAll();
  });

  it('answers a failed request with is_reply, the correlation id and meta.error', async () => {
    const worker = await agents.start(new Worker(id('worker'), { redisUrl, logger }));
    const client = await agents.start(new Agent(id('client'), { redisUrl, logger }));
    const tap = await probes.tap(redisUrl, MasKeys.agentChannel(client.id));

    const error = await client.request(worker.id, 'task.fail', { reason: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteHandlerError);

    const [{ json }] = await waitFor(() => (tap.messages.length ? tap.messages : undefined));
    expect(json.sender_id).toBe(worker.id);
    expect(json.target_id).toBe(client.id);
    expect(json.meta.is_reply).toBe(true);
    expect(typeof json.meta.correlation_id).toBe('string');
    expect(json.meta.error).toMatchObject({ type: 'QuotaExceeded', message: 'quota exceeded: x' });
  });
});
