import { Command, Option } from 'commander';
import { lazyAction } from '../cli-action';
import { positiveInt } from '../cli.parsers';

/** The handlers, loaded when one of these commands runs (they load @mas/core, and Nest with it). */
const handlers = () => require('./watch.handlers') as typeof import('./watch.handlers');

/** `mas watch`: live REGISTER / DEREGISTER events and status changes. */
export function registerWatchCommand(program: Command): void {
  program
    .command('watch')
    .description('print REGISTER / DEREGISTER events and agent status changes as they happen (one JSON object per line with --json)')
    .addOption(
      new Option('--mode <mode>', 'how status changes are noticed: keyspace notifications (needs notify-keyspace-events with K and h) or polling')
        .choices(['auto', 'keyspace', 'poll'])
        .default('auto'),
    )
    .option('--interval <ms>', 'poll period', positiveInt, 2000)
    .option('--duration <ms>', 'stop by itself after this long (default: until Ctrl-C)', positiveInt)
    .action(lazyAction(() => handlers().watch));
}
