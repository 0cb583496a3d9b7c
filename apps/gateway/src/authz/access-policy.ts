import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { execAll, MasConnection } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { AuthorizationDeniedError } from '../message/gateway-denial.errors';
import { wildcardMatch } from './wildcard';

/** How a send was granted. */
export type Grant = 'acl' | `role:${string}`;

/**
 * Who may send to whom. A target that is unknown or not ACTIVE is refused whatever else says; then
 * the sender's block list (`agent:{id}:blocked_targets`) refuses, its allow list
 * (`agent:{id}:allowed_targets`) grants, and otherwise its roles (`agent:{id}:roles`, or the
 * configured default role) grant when a permission in `role:{name}:permissions` matches
 * `send:{target}`. Patterns use `*` as wildcard, anchored and case-sensitive. A role's permission set
 * is what it grants, also when empty; the built-in `defaultRolePermissions` apply to the default role
 * only while it was never configured (neither `role:{name}` nor its permission set exists).
 */
@Injectable()
export class AccessPolicy implements OnApplicationBootstrap {
  constructor(
    private readonly redis: MasConnection,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  /** Publishes the default role and its built-in permissions for `mas roles`. */
  async onApplicationBootstrap(): Promise<void> {
    const { defaultRole, defaultRolePermissions } = this.settings.authorization;
    await this.redis.command.set(this.redis.keys.gatewayDefaultRole, JSON.stringify({ role: defaultRole, permissions: defaultRolePermissions }));
  }

  /**
   * Resolves with how `sender` may send to `target`.
   * @throws AuthorizationDeniedError naming the reason.
   */
  async authorize(sender: string, target: string): Promise<Grant> {
    const [status, blocked, allowed, roles] = (await execAll(
      this.redis.command
        .pipeline()
        .hget(this.redis.keys.agent(target), 'status')
        .smembers(this.redis.keys.blockedTargets(sender))
        .smembers(this.redis.keys.allowedTargets(sender))
        .smembers(this.redis.keys.agentRoles(sender)),
    )) as [string | null, string[], string[], string[]];
    if (status !== 'ACTIVE') {
      const why = status ? `is ${status}` : 'is not registered';
      throw new AuthorizationDeniedError(`target "${target}" ${why}`, 'authz:target_unavailable');
    }
    if (blocked.some((pattern) => wildcardMatch(pattern, target))) {
      throw new AuthorizationDeniedError(`"${target}" is on the block list of "${sender}"`, 'authz:blocked');
    }
    if (allowed.some((pattern) => wildcardMatch(pattern, target))) return 'acl';
    const role = this.settings.features.rbac ? await this.grantingRole(roles, `send:${target}`) : undefined;
    if (role !== undefined) return `role:${role}`;
    throw new AuthorizationDeniedError(
      `no allow-list entry${this.settings.features.rbac ? ' or role permission' : ''} grants "${sender}" send:${target}`,
      'authz:no_permission',
    );
  }

  /** The first role whose permissions match `permission`, if any. */
  private async grantingRole(assigned: string[], permission: string): Promise<string | undefined> {
    const { defaultRole, defaultRolePermissions } = this.settings.authorization;
    const roles = assigned.length ? assigned : defaultRole ? [defaultRole] : [];
    if (!roles.length) return undefined;
    const pipeline = this.redis.command.pipeline();
    for (const role of roles) pipeline.smembers(this.redis.keys.rolePermissions(role)).exists(this.redis.keys.role(role));
    const results = (await execAll(pipeline)) as Array<string[] | number>;
    return roles.find((role, i) => {
      let permissions = results[2 * i] as string[];
      const configured = permissions.length > 0 || results[2 * i + 1] === 1;
      if (!configured && role === defaultRole) permissions = defaultRolePermissions;
      return permissions.some((pattern) => wildcardMatch(pattern, permission));
    });
  }
}
