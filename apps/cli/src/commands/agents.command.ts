import { Command, Option } from 'commander';
import { lazyAction } from '../cli-action';
import { upperChoice } from '../cli.parsers';

/** The handlers, loaded when one of these commands runs (they load @mas/core, and Nest with it). */
const handlers = () => require('./agents.handlers') as typeof import('./agents.handlers');

/** `mas agents` (table of registered agents) and `mas agent <id>` (one agent in detail). */
export function registerAgentCommands(program: Command): void {
  program
    .command('agents')
    .description('list registered agents (every agent:{id} hash, with its heartbeat)')
    .option('-c, --capability <capability...>', 'only agents having ANY of these capabilities')
    .addOption(new Option('-s, --status <status>', 'only agents with this status (ACTIVE or INACTIVE)').argParser(upperChoice(['ACTIVE', 'INACTIVE'])))
    .action(lazyAction(() => handlers().listAgents));

  program
    .command('agent')
    .description('show one agent: registration, heartbeat, state size and gateway policy')
    .argument('<id>', 'agent id')
    .action(lazyAction(() => handlers().showAgent));
}
