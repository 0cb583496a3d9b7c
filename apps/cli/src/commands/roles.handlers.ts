import type { CliContext } from '../cli-context';
import { formatEpochSeconds } from '../output/table';
import { AgentRolesView, RoleStore, RoleView } from '../services/role-store';

async function roles(context: CliContext): Promise<RoleStore> {
  return new RoleStore((await context.redis()).command, (await context.redis()).keys);
}

function printRole(context: CliContext, role: RoleView): void {
  const out = context.output;
  out.result(role, () =>
    [
      `${out.style('bold', role.name)}${role.description ? `  ${out.style('dim', role.description)}` : ''}`,
      ...(role.createdAt ? [`  created:     ${formatEpochSeconds(role.createdAt)} UTC`] : []),
      `  permissions: ${role.permissions.length ? role.permissions.join(', ') : out.style('dim', '(none)')}`,
      `  applies:     ${role.configured ? 'its own permissions (an empty set grants nothing)' : 'the gateway\'s built-in default (never configured)'}`,
    ].join('\n'),
  );
}

function printAgentRoles(context: CliContext, view: AgentRolesView): void {
  const out = context.output;
  out.result(view, () => {
    if (!view.roles.length) return `${out.style('bold', view.agent)} has no roles`;
    return [
      out.style('bold', view.agent),
      ...view.roles.map((r) => `  ${r.name}: ${r.permissions.length ? r.permissions.join(', ') : out.style('dim', '(no permissions)')}`),
    ].join('\n');
  });
}

/** `mas roles list`. */
export async function listRoles(context: CliContext): Promise<void> {
  const list = await (await roles(context)).list();
  const out = context.output;
  out.result(list, () =>
    list.length
      ? out.table(
          [{ header: 'ROLE' }, { header: 'PERMISSIONS' }, { header: 'APPLIES' }, { header: 'DESCRIPTION' }],
          list.map((r) => [r.name, r.permissions.join(', ') || '(none)', r.applies, r.description || '-']),
        )
      : out.style('dim', 'No roles.'),
  );
}

/** `mas roles show <role>`. */
export async function showRole(context: CliContext, name: string): Promise<void> {
  printRole(context, await (await roles(context)).get(name));
}

/** `mas roles create <role> [permissions...] [-d text]`. */
export async function createRole(context: CliContext, name: string, permissions: string[], options: { description?: string }): Promise<void> {
  printRole(context, await (await roles(context)).upsert(name, permissions, options.description));
}

/** `mas roles remove-permission <role> <permissions...>`. */
export async function removePermissions(context: CliContext, name: string, permissions: string[]): Promise<void> {
  printRole(context, await (await roles(context)).removePermissions(name, permissions));
}

/** `mas roles delete <role>`. */
export async function deleteRole(context: CliContext, name: string): Promise<void> {
  const holders = await (await roles(context)).delete(name);
  context.output.result({ role: name, deleted: true, unassignedFrom: holders }, () =>
    `deleted role ${name}${holders.length ? ` (taken from ${holders.join(', ')})` : ''}`,
  );
}

/** `mas roles assign <agent> <roles...> [--force]`. */
export async function assignRoles(context: CliContext, agent: string, names: string[], options: { force?: boolean }): Promise<void> {
  printAgentRoles(context, await (await roles(context)).assign(agent, names, options.force));
}

/** `mas roles unassign <agent> <roles...>`. */
export async function unassignRoles(context: CliContext, agent: string, names: string[]): Promise<void> {
  printAgentRoles(context, await (await roles(context)).unassign(agent, names));
}

/** `mas roles of <agent>`. */
export async function rolesOf(context: CliContext, agent: string): Promise<void> {
  printAgentRoles(context, await (await roles(context)).of(agent));
}
