import { Command } from 'commander';
import { lazyAction } from '../cli-action';

/** The handlers, loaded when one of these commands runs (they load @mas/core, and Nest with it). */
const handlers = () => require('./roles.handlers') as typeof import('./roles.handlers');

/** `mas roles ...`: the gateway's role-based access control (roles, their permissions, who holds them). */
export function registerRolesCommands(program: Command): void {
  const group = program
    .command('roles')
    .description('gateway RBAC: roles grant permissions such as send:agent.* or send:analytics-*');

  group.command('list').description('list roles and their permissions').action(lazyAction(() => handlers().listRoles));

  group
    .command('show')
    .description('show one role')
    .argument('<role>', 'role name')
    .action(lazyAction(() => handlers().showRole));

  group
    .command('create')
    .description('create a role, or add permissions to an existing one')
    .argument('<role>', 'role name')
    .argument('[permissions...]', 'permissions, e.g. send:agent.* send:billing')
    .option('-d, --description <text>', 'what the role is for')
    .action(lazyAction(() => handlers().createRole));

  group
    .command('remove-permission')
    .description('take permissions away from a role')
    .argument('<role>', 'role name')
    .argument('<permissions...>', 'permissions to remove')
    .action(lazyAction(() => handlers().removePermissions));

  group
    .command('delete')
    .description('delete a role and take it away from every agent holding it')
    .argument('<role>', 'role name')
    .action(lazyAction(() => handlers().deleteRole));

  group
    .command('assign')
    .description('give roles to an agent')
    .argument('<agent>', 'agent id')
    .argument('<roles...>', 'role names')
    .option('--force', 'assign even roles that do not exist yet')
    .action(lazyAction(() => handlers().assignRoles));

  group
    .command('unassign')
    .description('take roles away from an agent')
    .argument('<agent>', 'agent id')
    .argument('<roles...>', 'role names')
    .action(lazyAction(() => handlers().unassignRoles));

  group
    .command('of')
    .description('show the roles of an agent and what they grant')
    .argument('<agent>', 'agent id')
    .action(lazyAction(() => handlers().rolesOf));
}
