import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MasKeys } from '../redis/keys';
import type { StreamEntry } from '../redis/stream-fields';
import { DEAD_LETTER_SCRIPT } from '../transport/inbox.scripts';
import { deadLetterFields, deadLetterViewOf } from './dead-letter.codec';
import { DeadLetterStream } from './dead-letter-stream';

// A real Redis (REDIS_URL, database 13). `dlq:messages` is a fixed name, so every assertion is on
// entries for agent ids of this run only, and they are removed afterwards.
const redisUrl = `${(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d*$/, '')}/13`;
const run = randomBytes(4).toString('hex');
const agent = (label: string) => `spec-dlq-${label}-${run}`;
const envelopeFor = (target: string, n: number) =>
  JSON.stringify({ sender_id: `sender-${run}`, target_id: target, message_type: 'job', data: { n }, meta: { version: 1 }, timestamp: 1, message_id: `m-${run}-${n}` });
let redis: Redis;
let stream: DeadLetterStream;
const written: string[] = [];
const inboxes: string[] = [];

beforeAll(() => {
  redis = new Redis(redisUrl, { connectionName: 'mas-spec-dead-letters' });
  stream = new DeadLetterStream(redis, MasKeys, { maxLength: 10_000 });
});

afterAll(async () => {
  if (written.length) await redis.xdel(MasKeys.deadLetters, ...written);
  if (inboxes.length) await redis.del(...inboxes);
  redis.disconnect();
});

async function add(target: string, n: number, extra: Partial<Parameters<DeadLetterStream['add']>[0]> = {}): Promise<string> {
  const id = await stream.add({ envelope: envelopeFor(target, n), agentId: target, reason: `delivery_failed: ${n}`, attempts: 1, source: 'mas.gateway', entryId: `0-${n}`, ...extra });
  written.push(id);
  return id;
}

describe('DeadLetterStream', () => {
  it('adds an entry and reads it back as a view, fields and envelope included', async () => {
    const target = agent('add');
    const id = await add(target, 1, { senderId: 'alice', messageId: 'mid-1', failedAt: 1700000000.25 });
    expect(await stream.get(id)).toEqual({
      id,
      agentId: target,
      senderId: 'alice',
      messageId: 'mid-1',
      messageType: 'job',
      reason: 'delivery_failed: 1',
      attempts: 1,
      failedAt: 1700000000.25,
      source: 'mas.gateway',
      entryId: '0-1',
      envelope: envelopeFor(target, 1),
      fields: {
        agent_id: target, reason: 'delivery_failed: 1', attempts: '1', failed_at: '1700000000.25', source: 'mas.gateway', entry_id: '0-1', sender_id: 'alice', message_id: 'mid-1',
      },
    });
    expect(await stream.get('1-1')).toBeUndefined();
  });

  it('lists oldest first, only the entries for one agent, page by page with after', async () => {
    const [mine, other] = [agent('mine'), agent('other')];
    const ids: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      ids.push(await add(mine, n));
      await add(other, n, { senderId: mine }); // sent BY mine, for another agent: not listed for mine
    }
    const first = await stream.list({ agentId: mine, limit: 2 });
    expect(first.map((l) => l.id)).toEqual(ids.slice(0, 2));
    const rest = await stream.list({ agentId: mine, after: first[1].id, limit: 10 });
    expect(rest.map((l) => l.id)).toEqual(ids.slice(2));
    expect(rest.every((l) => l.agentId === mine && l.senderId === `sender-${run}`)).toBe(true);
    const unfiltered = await stream.list({ after: ids[0], limit: 3 });
    expect(unfiltered).toHaveLength(3);
    expect(unfiltered[0].agentId).toBe(other);
  });

  it('gets several entries in order (undefined for a missing one) and removes one', async () => {
    const target = agent('get');
    const [a, b] = [await add(target, 1), await add(target, 2)];
    const found = await stream.getMany([b, '1-1', a]);
    expect(found.map((l) => l?.id)).toEqual([b, undefined, a]);
    expect(await stream.remove(a)).toBe(true);
    expect(await stream.remove(a)).toBe(false);
    expect(await stream.list({ agentId: target })).toMatchObject([{ id: b }]);
    expect(await stream.count()).toBeGreaterThan(0);
  });

  it("reads what an inbox's atomic dead-letter script writes, and the script acks the inbox entry", async () => {
    const target = agent('inbox');
    const inbox = MasKeys.inbox(target);
    inboxes.push(inbox);
    await redis.xgroup('CREATE', inbox, MasKeys.inboxGroup, '0', 'MKSTREAM');
    const entryId = (await redis.xadd(inbox, '*', MasKeys.envelopeField, envelopeFor(target, 7)))!;
    await redis.xreadgroup('GROUP', MasKeys.inboxGroup, 'spec', 'COUNT', 1, 'STREAMS', inbox, '>');
    const fields = deadLetterFields({ envelope: envelopeFor(target, 7), agentId: target, reason: 'handler failed: boom', attempts: 3, source: inbox, entryId });
    await DEAD_LETTER_SCRIPT.run(redis, [inbox, MasKeys.deadLetters], [MasKeys.inboxGroup, entryId, 10_000, ...fields]);
    const [letter] = await stream.list({ agentId: target });
    written.push(letter.id);
    expect(letter).toMatchObject({ agentId: target, senderId: `sender-${run}`, messageId: `m-${run}-7`, reason: 'handler failed: boom', attempts: 3, source: inbox, entryId });
    expect(letter.fields).not.toHaveProperty('sender_id'); // an inbox writes no sender_id: read from the envelope
    expect(letter.failedAt).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(await redis.xpending(inbox, MasKeys.inboxGroup)).toEqual([0, null, null, null]);
  });
});

describe('deadLetterViewOf', () => {
  it('reads entries of other writers: the agent from a foreign field or the envelope, an unreadable envelope as it is', () => {
    const fromEnvelope = deadLetterViewOf('1-0', ['envelope', envelopeFor('t1', 1), 'reason', 'x']);
    expect(fromEnvelope).toMatchObject({ agentId: 't1', senderId: `sender-${run}`, messageType: 'job', attempts: 1, failedAt: 0, source: '' });
    expect(deadLetterViewOf('1-1', { target: 't2', envelope: '{not json' })).toMatchObject({ agentId: 't2', envelope: '{not json', messageType: '', fields: { target: 't2' } });
    const [, flat] = ['2-0', ['agent_id', 'a', 'attempts', 'many']] as StreamEntry;
    expect(deadLetterViewOf('2-0', flat)).toMatchObject({ agentId: 'a', attempts: 1, envelope: '' });
  });
});
