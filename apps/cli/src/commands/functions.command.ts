import { Command } from 'commander';
import { lazyAction } from '../cli-action';

/** The handlers, loaded when one of these commands runs (they load @mas/core). */
const handlers = () => require('./functions.handlers') as typeof import('./functions.handlers');

/** `mas functions load|list|prune`: the MAS function library of provisioned agents (needs an administrative Redis user). */
export function registerFunctionsCommands(program: Command): void {
  const functions = program
    .command('functions')
    .description("the MAS function library: the scripts of provisioned agents, whose Redis users may FCALL but not EVAL (zero-trust mode)");
  functions
    .command('load')
    .description('load (or reload) this release\'s library on every master (replicas receive it by replication); idempotent')
    .addHelpText(
      'after',
      '\nEvery `mas provision` of an agent loads it too. Run it again after upgrading MAS (a new release is a new\n' +
        'library, beside the old one), after a Redis restart that lost it, and when a master joins a cluster.',
    )
    .action(lazyAction(() => handlers().load));
  functions
    .command('list')
    .description("the MAS libraries on every master, and whether it holds this release's")
    .action(lazyAction(() => handlers().list));
  functions
    .command('prune')
    .description('delete the libraries of other MAS releases from every master (once no process of those runs)')
    .action(lazyAction(() => handlers().prune));
}
