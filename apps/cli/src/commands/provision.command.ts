import { Command, Option } from 'commander';
import { lazyAction } from '../cli-action';

/** `a, b,c` → `['a', 'b', 'c']`. */
function parseList(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter(Boolean);
}

/** The handlers, loaded when one of these commands runs (they load @mas/core, and Nest with it). */
const handlers = () => require('./provision.handlers') as typeof import('./provision.handlers');

/** `mas provision` / `mas deprovision`: zero-trust identities (needs an administrative Redis user). */
export function registerProvisionCommands(program: Command): void {
  program
    .command('provision')
    .description('create (or rotate) an agent identity: its own Redis ACL user and an Ed25519 key pair (zero-trust mode)')
    .argument('[agent]', 'agent id (no glob characters, ":" or white space)')
    .option('--capabilities <list>', 'capabilities it may register with, comma-separated', parseList)
    .option('--roles <list>', 'gateway roles it holds, comma-separated', parseList)
    .option('--from <file>', 'provision every agent and service of a manifest (agents.yaml), idempotently')
    .addOption(new Option('--service <name>', 'provision the least-privilege user of a MAS service').choices(['gateway', 'registry']))
    .addHelpText(
      'after',
      '\nWith --from, MAS_PROVISIONING_SECRET (if set) derives every password and key: running the manifest again\n' +
        're-creates the same credentials, e.g. on a Redis restarted without its ACL file.\n' +
        'An agent\'s user may XADD only to its own ingress stream (mas.gateway.ingress:<id>, created with the gateway\'s\n' +
        'group). To keep oversized entries out of Redis too, set proto-max-bulk-len and client-query-buffer-limit\n' +
        '(CONFIG SET, at least 1mb each) near the gateway\'s ingress.max_message_bytes.\n' +
        'Provisioning an agent also loads the MAS function library (its scripts: agents may FCALL, not EVAL) on\n' +
        'every master, as `mas functions load` does.',
    )
    .action(lazyAction(() => handlers().provision));

  program
    .command('deprovision')
    .description("delete an agent identity: its Redis user (its connections close at once), its keys and its registration")
    .argument('<agent>', 'agent id')
    .action(lazyAction(() => handlers().deprovision));
}
