import { Command } from 'commander';
import { lazyAction } from '../cli-action';
import { positiveInt } from '../cli.parsers';

/** The handlers, loaded when one of these commands runs (they load @mas/core, and Nest with it). */
const handlers = () => require('./messaging.handlers') as typeof import('./messaging.handlers');

/** `mas send` (fire and forget) and `mas request` (wait for the reply). */
export function registerMessagingCommands(program: Command): void {
  const common = (command: Command) =>
    command
      .argument('<target>', 'id of the receiving agent')
      .argument('<type>', 'message type, e.g. task.process')
      .argument('[json]', "payload: a JSON object, '-' for stdin or @file (default {})")
      .option('--from <id>', 'sender id (default: a throw-away mas-cli-… id)')
      .option('--reliable', "through the target's inbox stream (at-least-once, delivered even when it is offline)");

  common(program.command('send'))
    .description('send a message (exit 3 when nobody is subscribed to the target)')
    .action(lazyAction(() => handlers().send));

  common(program.command('request'))
    .description("send a request and print the reply's data (exit 4 on timeout, 3 when nobody listens)")
    .option('-t, --timeout <ms>', 'how long to wait for the reply (default: requestTimeoutMs, 30000)', positiveInt)
    .action(lazyAction(() => handlers().request));
}
