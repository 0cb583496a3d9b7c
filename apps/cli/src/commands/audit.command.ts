import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command, Option } from 'commander';
import { action } from '../cli-action';
import type { CliContext } from '../cli-context';
import { VerificationFailedError } from '../cli.errors';
import { positiveInt } from '../cli.parsers';
import { Progress } from '../output/progress';
import type { QueryParams } from '../services/gateway-api';
import type { AuditView } from '@mas/core';

/** One entry of `GET /audit`. */
type AuditEntry = AuditView;

/** Result of `GET /audit/verify`. */
interface AuditVerification {
  ok: boolean;
  checked: number;
  head: string | null;
  problems: Array<{ kind: string; id?: string; seq: number; detail: string }>;
}

interface FilterOptions {
  sender?: string;
  target?: string;
  decision?: string;
  violation?: string;
  from?: string;
  to?: string;
  limit?: number;
}

const filterQuery = (o: FilterOptions): QueryParams => ({
  sender: o.sender,
  target: o.target,
  decision: o.decision?.toUpperCase(),
  violation: o.violation,
  from: o.from,
  to: o.to,
  limit: o.limit,
});

function withFilters(command: Command, defaultLimit: number): Command {
  return command
    .option('--sender <id>', 'only messages from this agent')
    .option('--target <id>', 'only messages to this agent')
    .option('--decision <decision>', 'ALLOWED, AUTH_FAILED, SIGNATURE_INVALID, AUTHZ_DENIED, RATE_LIMITED, DLP_BLOCKED, CIRCUIT_OPEN, ...')
    .option('--violation <code>', 'a violation code (dlp:ssn) or family (dlp)')
    .option('--from <time>', 'from this time (ISO date or epoch ms), inclusive')
    .option('--to <time>', 'until this time (ISO date or epoch ms), inclusive')
    .option('-n, --limit <n>', 'at most this many entries', positiveInt, defaultLimit);
}

async function query(context: CliContext, options: FilterOptions): Promise<void> {
  const entries = await context.gateway().get<AuditEntry[]>('/audit', filterQuery(options));
  const out = context.output;
  out.result(entries, () => {
    if (!entries.length) return out.style('dim', 'No audit entries match.');
    const decision = (d: string) => out.style(d === 'ALLOWED' ? 'green' : 'red', d);
    const rows = entries.map((e) => [
      String(e.seq),
      new Date(e.ts).toISOString().replace('T', ' ').replace('Z', ''),
      decision(e.decision),
      e.stage,
      e.sender_id || '-',
      e.target_id || '-',
      e.message_type || '-',
      [e.reason, ...e.violations].filter(Boolean).join(' · ') || '-',
    ]);
    const headers = ['SEQ', 'TIME (UTC)', 'DECISION', 'STAGE', 'SENDER', 'TARGET', 'TYPE', 'REASON'];
    return `${out.table(headers.map((header, i) => ({ header, align: i === 0 ? ('right' as const) : 'left' })), rows)}\n${out.style('dim', `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`)}`;
  });
}

async function verify(context: CliContext): Promise<void> {
  const result = await context.gateway().get<AuditVerification>('/audit/verify');
  const out = context.output;
  out.result(result, () =>
    result.ok
      ? `${out.style('green', 'audit trail intact')}: ${result.checked} entries checked, head ${result.head ?? '(empty)'}`
      : [
          `${out.style('red', 'audit trail BROKEN')}: ${result.problems.length} problem(s) in ${result.checked} entries`,
          ...result.problems.map((p) => `  ${out.style('yellow', p.kind.padEnd(9))} ${p.detail}`),
        ].join('\n'),
  );
  if (!result.ok) throw new VerificationFailedError(`the audit chain is broken (${result.problems.length} problem(s))`);
}

async function exportTrail(context: CliContext, options: FilterOptions & { format: string; output?: string }): Promise<void> {
  const download = await context.gateway().download('/audit/export', { ...filterQuery(options), format: options.format });
  const file = options.output && options.output !== '-' ? createWriteStream(options.output) : undefined;
  const sink = file ?? process.stdout;
  // A bar (on a terminal's stderr) only when the gateway announced the size.
  const progress = Progress.start('exporting', download.totalBytes ?? 0, !!download.totalBytes);
  let bytes = 0;
  try {
    for await (const chunk of download.chunks) {
      bytes += chunk.length;
      if (!sink.write(chunk)) await once(sink, 'drain');
      progress.tick(chunk.length);
    }
  } finally {
    progress.stop();
    if (file) {
      file.end();
      await once(file, 'close');
    }
  }
  if (file) {
    context.output.result({ file: options.output, format: options.format, bytes }, () => `wrote ${bytes} bytes of ${options.format.toUpperCase()} to ${options.output}`);
  }
}

/** `mas audit query|verify|export`: the gateway's tamper-evident audit trail, through its HTTP API. */
export function registerAuditCommands(program: Command): void {
  const audit = program
    .command('audit')
    .description("the gateway's audit trail, through its HTTP API (--gateway-url / MAS_GATEWAY_URL)");

  withFilters(audit.command('query').description('list audit entries, oldest first'), 100).action(action(query));

  audit
    .command('verify')
    .description('check the hash chain for edited, deleted or reordered entries (exit 5 when broken)')
    .action(action(verify));

  withFilters(audit.command('export').description('download entries as CSV or JSON (to stdout, or to a file with -o)'), 100_000)
    .addOption(new Option('-f, --format <format>', 'file format').choices(['csv', 'json']).default('csv'))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(action(exportTrail));
}
