import type { Command } from 'commander';
import { CliContext, GlobalOptions } from './cli-context';
import { exitCodeFor } from './cli.errors';

/** What a command does, given its context and commander's positional arguments and options. */
export type CommandHandler = (context: CliContext, ...args: any[]) => Promise<void>;

/**
 * Wraps a command handler for commander's `.action()`: builds the {@link CliContext} from the
 * global options, reports a failure with its exit code (see `ExitCode`) and always closes Redis.
 */
export function action(handler: CommandHandler): (...args: any[]) => Promise<void> {
  return async (...args: any[]) => {
    const command = args[args.length - 1] as Command;
    const context = new CliContext(command.optsWithGlobals<GlobalOptions>());
    try {
      await handler(context, ...args.slice(0, -1));
    } catch (error) {
      const exitCode = exitCodeFor(error);
      context.output.error(error, exitCode);
      process.exitCode = exitCode;
    } finally {
      await context.close();
    }
  };
}

/**
 * Like {@link action}, for a handler in a module loaded on first use: the modules that import
 * @mas/core (and so Nest) are only loaded when one of their commands runs, not for `mas --help`.
 */
export function lazyAction(load: () => CommandHandler): (...args: any[]) => Promise<void> {
  return action((context, ...args) => load()(context, ...args));
}
