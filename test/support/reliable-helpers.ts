import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { Agent } from '@mas/core';
import { FixtureProcess, killAll, type FixtureConfig } from './fixture-process';
import { redisUrlFor, sleep, uniqueId, waitFor as pollUntil } from './e2e-helpers';

export { redisUrlFor, sleep, uniqueId } from './e2e-helpers';
export { FixtureProcess, killAll } from './fixture-process';
export type { FixtureConfig, FixtureFailure, FixtureStats } from './fixture-process';

/** Helpers of the real-process specs of reliable delivery (test/reliable-*.e2e-spec.ts). */

/** Generous: child processes start slowly on a loaded machine; a pass takes a few seconds. */
export const TEST_TIMEOUT = 120_000;

/** A logger that prints nothing, for the in-process agents of these specs. */
export const quietLogger = { log() {}, debug() {}, verbose() {}, warn() {}, error() {} };

/** `waitFor` of e2e-helpers, polling every 25 ms by default (the checks here mostly read handler logs). */
export function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs: number,
  what: string | (() => string),
  everyMs = 25,
): Promise<NonNullable<T>> {
  return pollUntil(check, timeoutMs, what, everyMs);
}

/** A scratch directory for handler logs and AOF files; removed by `dispose()`. */
export class Scratch {
  readonly dir = mkdtempSync(join(tmpdir(), 'mas-reliable-'));
  file(name: string): string {
    return join(this.dir, name);
  }
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** What the fixture records for every handler call. */
export interface HandledRecord {
  id: string;
  seq: number;
  type: string;
  attempt: number;
  pid: number;
}

/** The handler calls recorded in `path` so far (a line cut by SIGKILL is ignored). */
export function readHandled(path: string): HandledRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const out: HandledRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as HandledRecord);
    } catch {
      // a partial last line of a killed process
    }
  }
  return out;
}

/** What a reliable spec on a database of the test Redis shares: see `reliableSuite`. */
export interface ReliableSuite {
  redisUrl: string;
  /** A raw client on the spec's database. */
  redis: Redis;
  scratch: Scratch;
  /** The fixtures started so far; killed after all tests (and after each one with `killAfterEach`). */
  fixtures: FixtureProcess[];
  /** The in-process agent (not registered) that sends or requests; started before all tests. */
  sender: Agent;
  /** A unique agent id, whose keys and DLQ entries are deleted after all tests. */
  agentId(label: string): string;
  /** Starts a fixture (see `FixtureProcess.start`) and adds it to `fixtures`. */
  start(config: FixtureConfig): Promise<FixtureProcess>;
}

/**
 * Call in a `describe` body: a probe client on database `db` of the test Redis, a scratch directory
 * and an unregistered agent `uniqueId(spec, senderLabel)`, with the hooks that start the agent
 * before all tests, kill the fixtures after each test (unless `killAfterEach` is false), and after
 * all stop the agent, kill what fixtures are left, delete the keys of every `agentId()` and clean up.
 */
export function reliableSuite(
  spec: string,
  db: number,
  { senderLabel = 'sender', killAfterEach = true }: { senderLabel?: string; killAfterEach?: boolean } = {},
): ReliableSuite {
  const redisUrl = redisUrlFor(db);
  const redis = new Redis(redisUrl, { connectionName: 'mas-e2e-probe' });
  const scratch = new Scratch();
  const fixtures: FixtureProcess[] = [];
  const ids: string[] = [];
  const sender = new Agent(uniqueId(spec, senderLabel), { redisUrl, register: false, logger: quietLogger });

  beforeAll(() => sender.start());
  if (killAfterEach) afterEach(() => killAll(fixtures));
  afterAll(async () => {
    await sender.stop();
    await killAll(fixtures);
    for (const id of ids) await deleteAgentKeys(redis, id);
    redis.disconnect();
    scratch.dispose();
  });

  return {
    redisUrl,
    redis,
    scratch,
    fixtures,
    sender,
    agentId(label) {
      const id = uniqueId(spec, label);
      ids.push(id);
      return id;
    },
    async start(config) {
      const fixture = await FixtureProcess.start(config);
      fixtures.push(fixture);
      return fixture;
    },
  };
}

/**
 * Sends `count` reliable `type` messages numbered from `from` (data.seq), `concurrency` at a time,
 * pausing `pauseMs` between batches. Resolves with the seqs whose XADD succeeded.
 */
export async function sendNumbered(
  sender: Agent,
  target: string,
  count: number,
  { from = 0, type = 'item', concurrency = 100, pauseMs = 0 }: { from?: number; type?: string; concurrency?: number; pauseMs?: number } = {},
): Promise<number[]> {
  const sent: number[] = [];
  for (let start = from; start < from + count; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, from + count - start) }, (_, i) => start + i);
    await Promise.all(batch.map(async (seq) => {
      await sender.send(target, type, { seq }, { reliable: true });
      sent.push(seq);
    }));
    if (pauseMs) await sleep(pauseMs);
  }
  return sent;
}

/** Entries of the inbox stream of `agentId` not acked yet (PEL), as { entryId, seq, messageId }. */
export async function pendingEntries(redis: Redis, agentId: string): Promise<Array<{ entryId: string; seq: number; messageId: string }>> {
  const stream = `agent.stream:${agentId}`;
  const rows = (await redis.xpending(stream, 'mas', '-', '+', 100_000)) as Array<[string, string, number, number]>;
  if (!rows.length) return [];
  const pipeline = redis.pipeline();
  for (const [entryId] of rows) pipeline.xrange(stream, entryId, entryId);
  const results = (await pipeline.exec()) ?? [];
  return rows.map(([entryId], i) => {
    const entries = results[i]?.[1] as Array<[string, string[]]> | undefined;
    const fields = entries?.[0]?.[1] ?? [];
    const envelope = JSON.parse(fields[fields.indexOf('envelope') + 1] ?? '{}') as { data?: { seq?: number }; message_id?: string };
    return { entryId, seq: envelope.data?.seq ?? -1, messageId: envelope.message_id ?? '' };
  });
}

/** Deletes the keys MAS keeps for `agentId` (in this spec's own database) and its DLQ entries. */
export async function deleteAgentKeys(redis: Redis, agentId: string): Promise<void> {
  await redis.del(
    `agent.stream:${agentId}`,
    `mas:done:${agentId}`,
    `agent.state:${agentId}`,
    `agent:${agentId}`,
    `agent:${agentId}:heartbeat`,
    `mas:replicas:${agentId}`,
  );
  await redis.srem('mas:agents', agentId);
  const dlq = (await redis.xrange('dlq:messages', '-', '+')) as Array<[string, string[]]>;
  const ours = dlq.filter(([, fields]) => fields[fields.indexOf('agent_id') + 1] === agentId).map(([entryId]) => entryId);
  if (ours.length) await redis.xdel('dlq:messages', ...ours);
}

/** Counts of a list of seqs: distinct values and the ones seen more than once. */
export function tally(seqs: number[]): { distinct: Set<number>; repeated: Map<number, number> } {
  const counts = new Map<number, number>();
  for (const seq of seqs) counts.set(seq, (counts.get(seq) ?? 0) + 1);
  const repeated = new Map([...counts].filter(([, n]) => n > 1));
  return { distinct: new Set(counts.keys()), repeated };
}
