import { Command } from 'commander';
import { lazyAction } from '../cli-action';
import { positiveInt } from '../cli.parsers';

/** The handlers, loaded when one of these commands runs (they load @mas/core, and Nest with it). */
const handlers = () => require('./dlq.handlers') as typeof import('./dlq.handlers');

/** `mas dlq list|replay`: the dead-letter stream `dlq:messages`. */
export function registerDlqCommands(program: Command): void {
  const dlq = program.command('dlq').description('dead letters: messages that could not be handled or delivered');
  dlq
    .command('list')
    .description('list dead letters, oldest first')
    .option('-n, --limit <n>', 'how many entries', positiveInt, 50)
    .option('--agent <id>', 'only entries for this agent (the agent the message was for)')
    .option('--after <entry-id>', 'start after this entry id (paging)')
    .action(lazyAction(() => handlers().list));
  dlq
    .command('replay')
    .description("append entries to their target's inbox stream (agent.stream:{target}) and remove them from the DLQ")
    .argument('[ids...]', 'entry ids (from `mas dlq list`)')
    .option('--all', 'replay every entry (with --agent: every entry of that agent)')
    .option('--agent <id>', 'with --all: only entries for this agent (the agent the message was for)')
    .option('--keep', 'leave the entries in the dead-letter stream too')
    .option('--via-gateway', "replay through the gateway's HTTP API instead (circuit breaker, audited; see --gateway-url)")
    .action(lazyAction(() => handlers().replay));
}
