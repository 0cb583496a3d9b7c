import { DeadLetterStream, DeadLetterView } from '@mas/core';
import type { CliContext } from '../cli-context';
import { ExitCode, UsageError } from '../cli.errors';
import { Progress } from '../output/progress';
import { formatEpochSeconds } from '../output/table';
import { listedDeadLetter, replayIntoInbox, ReplayOutcome } from '../services/dead-letters';

const PAGE = 200;

/** The dead-letter stream on the command's Redis connection. */
async function deadLetterStream(context: CliContext): Promise<DeadLetterStream> {
  return new DeadLetterStream((await context.redis()).command, (await context.redis()).keys);
}

/** `mas dlq list`: dead letters, oldest first (`--agent`: only those for that agent). */
export async function list(context: CliContext, options: { limit: number; agent?: string; after?: string }): Promise<void> {
  const dlq = await deadLetterStream(context);
  const [total, entries] = await Promise.all([dlq.count(), dlq.list({ limit: options.limit, after: options.after, agentId: options.agent })]);
  const out = context.output;
  out.result({ total, entries: entries.map(listedDeadLetter) }, () => {
    if (!entries.length) return out.style('dim', `No dead letters${options.agent ? ` for ${options.agent}` : ''} (${total} in total).`);
    const rows = entries.map((e) => [
      e.id,
      e.agentId || '-',
      e.senderId || '-',
      e.messageType || '-',
      String(e.attempts),
      formatEpochSeconds(e.failedAt),
      e.reason || '-',
    ]);
    const table = out.table(
      ['ID', 'TARGET', 'SENDER', 'TYPE', 'ATTEMPTS', 'FAILED (UTC)', 'REASON'].map((header) => ({ header })),
      rows,
    );
    return `${table}\n${out.style('dim', `${entries.length} shown, ${total} in total`)}`;
  });
}

/** Every entry to replay: the given ids, or the whole stream (page by page) with `--all`. */
async function* entriesToReplay(dlq: DeadLetterStream, ids: string[], options: { all?: boolean; agent?: string }, missing: string[]) {
  if (!options.all) {
    const found = await dlq.getMany(ids);
    for (const [i, entry] of found.entries()) {
      if (entry) yield entry;
      else missing.push(ids[i]);
    }
    return;
  }
  let after: string | undefined;
  for (;;) {
    const page: DeadLetterView[] = await dlq.list({ limit: PAGE, after, agentId: options.agent });
    for (const entry of page) yield entry;
    if (page.length < PAGE) return;
    after = page[page.length - 1].id;
  }
}

/** Result of the gateway's `POST /dlq/:id/replay`. */
interface GatewayReplayResult {
  id: string;
  target: string;
  delivered: boolean;
  reason?: string;
}

/** Replays one entry through the gateway (circuit breaker, audit); the gateway removes it once delivered. */
async function replayViaGateway(context: CliContext, entry: DeadLetterView): Promise<ReplayOutcome> {
  const result = await context.gateway().post<GatewayReplayResult>(`/dlq/${encodeURIComponent(entry.id)}/replay`);
  return result.delivered
    ? { id: entry.id, status: 'replayed', target: result.target, to: 'gateway' }
    : { id: entry.id, status: 'skipped', reason: result.reason ?? 'not delivered' };
}

interface ReplayOptions {
  all?: boolean;
  agent?: string;
  keep?: boolean;
  viaGateway?: boolean;
}

/** `mas dlq replay`: replays entries into their target's inbox, or through the gateway. */
export async function replay(context: CliContext, ids: string[], options: ReplayOptions): Promise<void> {
  if (!options.all && !ids.length) throw new UsageError('name the entries to replay (ids from `mas dlq list`) or pass --all');
  if (options.all && ids.length) throw new UsageError('give either entry ids or --all, not both');
  if (options.keep && options.viaGateway) throw new UsageError('--keep cannot be used with --via-gateway (the gateway removes what it delivered)');
  const dlq = await deadLetterStream(context);
  const { command: redis, keys } = await context.redis();
  const out = context.output;
  const progress = Progress.start('replaying', options.all ? await dlq.count() : ids.length, !out.json);
  const missing: string[] = [];
  const outcomes: ReplayOutcome[] = [];
  try {
    for await (const entry of entriesToReplay(dlq, ids, options, missing)) {
      outcomes.push(options.viaGateway ? await replayViaGateway(context, entry) : await replayIntoInbox(redis, keys, entry, options.keep));
      progress.tick();
    }
  } finally {
    progress.stop();
  }
  outcomes.push(...missing.map((id) => ({ id, status: 'missing' as const })));
  const replayed = outcomes.filter((o) => o.status === 'replayed').length;
  const skipped = outcomes.filter((o) => o.status === 'skipped').length;
  // One line per entry for a handful; for many, only the ones that were not replayed.
  const shown = outcomes.length <= 20 ? outcomes : outcomes.filter((o) => o.status !== 'replayed');
  out.result({ replayed, skipped, missing: missing.length, outcomes }, () =>
    [
      ...shown.map((o) =>
        o.status === 'replayed'
          ? `${out.style('green', 'replayed')} ${o.id} → ${o.to === 'gateway' ? `${o.target} (via the gateway)` : o.to}`
          : o.status === 'missing'
            ? `${out.style('red', 'missing ')} ${o.id} (not in the dead-letter stream)`
            : `${out.style('yellow', 'skipped ')} ${o.id}: ${o.reason}`,
      ),
      out.style('dim', `${replayed} replayed, ${skipped} skipped, ${missing.length} missing`),
    ].join('\n'),
  );
  if (missing.length) process.exitCode = ExitCode.NOT_FOUND;
  else if (skipped) process.exitCode = ExitCode.ERROR;
}
