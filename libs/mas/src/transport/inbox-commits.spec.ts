import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StateTransaction } from '../state/state-transaction';
import { InboxCommits } from './inbox-commits';

// A real Redis (REDIS_URL, database 13); every key is named after this run and removed afterwards.
const redisUrl = `${(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d*$/, '')}/13`;
const run = randomBytes(4).toString('hex');
const GROUP = 'mas';
let redis: Redis;
const created: string[] = [];

beforeAll(() => {
  redis = new Redis(redisUrl, { connectionName: 'mas-spec-inbox-commits' });
});

afterAll(async () => {
  if (created.length) await redis.del(...created);
  redis.disconnect();
});

/** An inbox with `count` entries read (pending) by one consumer, and the keys its commits use. */
async function pendingInbox(label: string, count: number) {
  const keys = { stream: `spec-commits:${run}:${label}:inbox`, group: GROUP, completed: `spec-commits:${run}:${label}:done`, state: `spec-commits:${run}:${label}:state` };
  created.push(keys.stream, keys.completed, keys.state);
  await redis.xgroup('CREATE', keys.stream, GROUP, '$', 'MKSTREAM');
  for (let i = 0; i < count; i++) await redis.xadd(keys.stream, '*', 'envelope', `{"n":${i}}`);
  const read = (await redis.xreadgroup('GROUP', GROUP, 'c1', 'COUNT', count, 'STREAMS', keys.stream, '>')) as Array<[string, Array<[string, string[]]>]>;
  return { keys, entryIds: read[0][1].map(([id]) => id) };
}

/** Commits every `[entryId, messageId, transaction]` in one turn (one batch); resolves with each one's outcome. */
function commitAll(commits: InboxCommits, items: Array<[string, string, StateTransaction]>): Promise<Array<{ error: unknown; committed: boolean }>> {
  return Promise.all(items.map(([entryId, messageId, transaction]) => new Promise<{ error: unknown; committed: boolean }>((resolve) => {
    commits.commit(entryId, messageId, transaction, (error, committed) => resolve({ error, committed }));
  })));
}

/** A transaction that changed `changes` (field → value), as a handler's would. */
function changed(changes: Record<string, unknown> = {}): StateTransaction {
  const transaction = new StateTransaction(`agent-${run}`);
  transaction.record(changes, {});
  return transaction;
}

describe('InboxCommits', () => {
  it('without state changes: records and acks each message; one completed before (or twice in the batch) is a duplicate, acked too', async () => {
    const { keys, entryIds } = await pendingInbox('plain', 4);
    await redis.zadd(keys.completed, 1_000, `m-${run}-old`);
    const commits = new InboxCommits(redis, keys, 60_000);

    const outcomes = await commitAll(commits, [
      [entryIds[0], `m-${run}-a`, changed()],
      [entryIds[1], `m-${run}-old`, changed()],
      [entryIds[2], `m-${run}-b`, changed()],
      [entryIds[3], `m-${run}-a`, changed()],
    ]);

    expect(outcomes).toEqual([
      { error: undefined, committed: true },
      { error: undefined, committed: false },
      { error: undefined, committed: true },
      { error: undefined, committed: false },
    ]);
    expect(await redis.xpending(keys.stream, GROUP)).toEqual([0, null, null, null]);
    // The old record keeps its time (dropped by the window: 1,000 ms after the epoch is long gone).
    expect((await redis.zrange(keys.completed, 0, -1)).sort()).toEqual([`m-${run}-a`, `m-${run}-b`].sort());
  });

  it('with state changes: applies only those of messages not completed before, acking every entry', async () => {
    const { keys, entryIds } = await pendingInbox('state', 3);
    await redis.zadd(keys.completed, Date.now(), `m-${run}-done`);
    const commits = new InboxCommits(redis, keys, 60_000);

    const outcomes = await commitAll(commits, [
      [entryIds[0], `m-${run}-x`, changed({ count: 1 })],
      [entryIds[1], `m-${run}-done`, changed({ count: 99 })],
      [entryIds[2], `m-${run}-y`, changed()],
    ]);

    expect(outcomes.map((o) => o.committed)).toEqual([true, false, true]);
    expect(await redis.hget(keys.state, 'count')).toBe('1');
    expect(await redis.xpending(keys.stream, GROUP)).toEqual([0, null, null, null]);
    expect(await redis.zcard(keys.completed)).toBe(3);
  });
});
