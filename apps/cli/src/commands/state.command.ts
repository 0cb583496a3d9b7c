import { Command } from 'commander';
import { lazyAction } from '../cli-action';

/** The handlers, loaded when one of these commands runs (they load @mas/core, and Nest with it). */
const handlers = () => require('./state.handlers') as typeof import('./state.handlers');

/** `mas state <id> [--reset]`: the persisted state of an agent (`agent.state:{id}`). */
export function registerStateCommand(program: Command): void {
  program
    .command('state')
    .description("show an agent's persisted state, or delete it with --reset")
    .argument('<id>', 'agent id')
    .option('--reset', 'delete the whole state (the agent starts from its defaults next time)')
    .action(lazyAction(() => handlers().state));
}
