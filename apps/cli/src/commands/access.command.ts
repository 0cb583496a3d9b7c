import { Command, Option } from 'commander';
import { lazyAction } from '../cli-action';

/** The handlers, loaded when one of these commands runs (they load @mas/core, and Nest with it). */
const handlers = () => require('./access.handlers') as typeof import('./access.handlers');

/** `mas acl allow|block|show`, `mas revoke` and `mas rotate-key`: gateway access of one agent. */
export function registerAccessCommands(program: Command): void {
  const acl = program.command('acl').description("the gateway's per-agent allow and block lists");
  acl
    .command('show')
    .description('show the allow and block lists of an agent')
    .argument('<agent>', 'sender agent id')
    .action(lazyAction(() => handlers().showAcl));
  for (const [name, list, what] of [
    ['allow', 'allowed', 'may send to'],
    ['block', 'blocked', 'may never send to (wins over allow)'],
  ] as const) {
    acl
      .command(name)
      .description(`add targets the agent ${what}`)
      .argument('<agent>', 'sender agent id')
      .argument('[targets...]', 'target ids or patterns with *')
      .option('--remove', 'remove these targets from the list instead')
      .action(lazyAction(() => handlers().changeAcl(list)));
  }

  program
    .command('revoke')
    .description('revoke the current registry token of an agent (adds it to revoked_tokens:{id})')
    .argument('<agent>', 'agent id')
    .action(lazyAction(() => handlers().revoke));

  program
    .command('rotate-key')
    .description('replace the signing key the gateway verifies an agent with')
    .argument('<agent>', 'agent id')
    .addOption(new Option('--alg <alg>', 'algorithm of the new key (default: the current one)').choices(['hmac-sha256', 'ed25519']))
    .option('--show-secret', 'print the new HMAC secret / Ed25519 private key (to configure the agent with)')
    .action(lazyAction(() => handlers().rotateKey));
}
