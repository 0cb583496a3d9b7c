import { createRequire } from 'node:module';
import { Command } from 'commander';
import { DEFAULT_GATEWAY_URL } from './cli-context';
import { ExitCode } from './cli.errors';
import { registerAccessCommands } from './commands/access.command';
import { registerAgentCommands } from './commands/agents.command';
import { registerAuditCommands } from './commands/audit.command';
import { registerDlqCommands } from './commands/dlq.command';
import { registerFunctionsCommands } from './commands/functions.command';
import { registerMessagingCommands } from './commands/messaging.command';
import { registerProvisionCommands } from './commands/provision.command';
import { registerRolesCommands } from './commands/roles.command';
import { registerStateCommand } from './commands/state.command';
import { registerWatchCommand } from './commands/watch.command';

/** Text after `mas --help`. */
export const EXIT_CODES_HELP = `
Exit codes:
  0  ok
  1  error (Redis unreachable, remote handler failed, gateway error, ...)
  2  usage (unknown command or option, bad argument, invalid JSON, invalid config)
  3  not found (agent, role, dead letter; nobody subscribed to the target)
  4  timeout (no reply in time; Redis or the gateway did not answer in time)
  5  verification failed (mas audit verify found a broken chain)

Configuration: --redis-url, else MAS_CONFIG (YAML), MAS_REDIS__URL, REDIS_URL, redis://127.0.0.1:6379;
--namespace, else MAS_NAMESPACE, else none.
Gateway HTTP API (audit, dlq replay --via-gateway): --gateway-url, else MAS_GATEWAY_URL, else
${DEFAULT_GATEWAY_URL}; its key: --api-key, else MAS_GATEWAY_API_KEY, else GATEWAY_HTTP__API_KEY.
Registry HTTP API (agents, agent): --registry-url, else MAS_REGISTRY_URL; neither: read from Redis.`;

function version(): string {
  try {
    return (createRequire(__filename)('@mas/core/package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * Builds the `mas` program; commander errors are thrown (exitOverride) so `main` maps them to exit
 * codes. With `json`, a usage error is one JSON object on stderr (subcommands inherit the output
 * settings made here, before they are added).
 */
export function createProgram(options: { json?: boolean } = {}): Command {
  const program = new Command('mas');
  if (options.json) {
    program.configureOutput({
      outputError: (text, write) => {
        if (text.startsWith('error: ')) {
          write(`${JSON.stringify({ error: { code: 'USAGE', message: text.slice('error: '.length).trim() }, exitCode: ExitCode.USAGE })}\n`);
        }
      },
    });
  } else {
    program.showHelpAfterError('(add --help for usage)');
  }
  program
    .description('Operate MAS agents on Redis: list, inspect, message, watch; gateway ACLs, roles, keys, dead letters and audit.')
    .version(version(), '-V, --version')
    .option('--redis-url <url>', 'Redis to use (see Configuration below)')
    .option('--namespace <ns>', "the agents' namespace (default: MAS_NAMESPACE; none: the wire names)")
    .option('--config <file>', 'MAS settings YAML (instead of MAS_CONFIG)')
    .option('--gateway-url <url>', 'gateway HTTP API, for audit commands and dlq replay --via-gateway')
    .option('--api-key <key>', "the gateway HTTP API's x-api-key (default: MAS_GATEWAY_API_KEY)")
    .option('--registry-url <url>', "registry HTTP API: agents and agent read its GET /agents instead of Redis")
    .option('--json', 'machine-readable output on stdout (errors as JSON on stderr)')
    .option('--no-color', 'never colour the output (colours are used on a terminal only)')
    .option('-v, --verbose', 'show library logs on stderr')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();
  registerAgentCommands(program);
  registerMessagingCommands(program);
  registerStateCommand(program);
  registerWatchCommand(program);
  registerDlqCommands(program);
  registerAccessCommands(program);
  registerRolesCommands(program);
  registerAuditCommands(program);
  registerProvisionCommands(program);
  registerFunctionsCommands(program);
  return program;
}
