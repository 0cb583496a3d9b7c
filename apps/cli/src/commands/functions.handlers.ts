import type { CliContext } from '../cli-context';
import { CliError, ExitCode } from '../cli.errors';

async function provisioner(context: CliContext) {
  return new context.core.Provisioner(await context.redis());
}

/** `mas functions load`. */
export async function load(context: CliContext): Promise<void> {
  const library = context.core.MAS_FUNCTIONS.library;
  const nodes = await (await provisioner(context)).loadFunctions();
  context.output.result({ library, nodes }, () => `Loaded ${library} on ${nodes.join(', ')}`);
}

/** `mas functions list`: exit 3 when a master lacks this release's library. */
export async function list(context: CliContext): Promise<void> {
  const library = context.core.MAS_FUNCTIONS.library;
  const nodes = await (await provisioner(context)).functionStatus();
  context.output.result({ library, nodes }, () =>
    [`This release calls ${library}`, ...nodes.map((n) => `  ${n.node}: ${n.libraries.join(', ') || '(none)'}${n.current ? '' : '  <- missing: mas functions load'}`)].join('\n'),
  );
  if (nodes.some((node) => !node.current)) {
    throw new CliError(`${library} is missing on ${nodes.filter((n) => !n.current).map((n) => n.node).join(', ')}: run mas functions load`, ExitCode.NOT_FOUND, 'NOT_FOUND');
  }
}

/** `mas functions prune`. */
export async function prune(context: CliContext): Promise<void> {
  const nodes = await (await provisioner(context)).pruneFunctions();
  context.output.result({ nodes }, () => nodes.map((n) => `${n.node}: ${n.deleted.length ? `deleted ${n.deleted.join(', ')}` : 'nothing to delete'}`).join('\n'));
}
