import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { ChainableCommander } from 'ioredis';
import { execAll, MasConnection, slotPipeline } from '@mas/core';
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
   * Resolves with how `sender` may send to `target`, from `facts` when the caller read them with
   * those of its batch ({@link queueFacts}), else read now.
   * @throws AuthorizationDeniedError naming the reason.
   */
  async authorize(sender: string, target: string, facts?: PolicyFacts): Promise<Grant> {
    const { targetStatus: status, blocked, allowed, roles, permissions } = facts ?? (await this.readFacts(sender, target));
    if (status !== 'ACTIVE') {
      const why = status ? `is ${status}` : 'is not registered';
      throw new AuthorizationDeniedError(`target "${target}" ${why}`, 'authz:target_unavailable');
    }
    if (blocked.some((pattern) => wildcardMatch(pattern, target))) {
      throw new AuthorizationDeniedError(`"${target}" is on the block list of "${sender}"`, 'authz:blocked');
    }
    if (allowed.some((pattern) => wildcardMatch(pattern, target))) return 'acl';
    const role = this.settings.features.rbac ? await this.grantingRole(roles, `send:${target}`, permissions) : undefined;
    if (role !== undefined) return `role:${role}`;
    throw new AuthorizationDeniedError(
      `no allow-list entry${this.settings.features.rbac ? ' or role permission' : ''} grants "${sender}" send:${target}`,
      'authz:no_permission',
    );
  }

  /**
   * Queues on `pipeline` the reads deciding whether `sender` may send to `target`; the result turns
   * the pipeline's replies into their facts. Role permissions are read afterwards ({@link queueRolePermissions}).
   */
  queueFacts(pipeline: ChainableCommander, sender: string, target: string): (results: unknown[]) => PolicyFacts {
    const at = pipeline.length;
    pipeline.hget(this.redis.keys.agent(target), 'status').smembers(this.redis.keys.blockedTargets(sender)).smembers(this.redis.keys.allowedTargets(sender)).smembers(this.redis.keys.agentRoles(sender));
    return (results) => {
      const [targetStatus, blocked, allowed, roles] = results.slice(at, at + 4) as [string | null, string[], string[], string[]];
      return { targetStatus, blocked, allowed, roles };
    };
  }

  /** The roles whose permissions decide for an agent holding `assigned` (the default role when none). */
  effectiveRoles(assigned: readonly string[]): string[] {
    const { defaultRole } = this.settings.authorization;
    return assigned.length ? [...assigned] : defaultRole ? [defaultRole] : [];
  }

  /** Queues the reads of `roles`' permissions; the result maps each role to what it grants. */
  queueRolePermissions(pipeline: ChainableCommander, roles: readonly string[]): (results: unknown[]) => Map<string, string[]> {
    const at = pipeline.length;
    for (const role of roles) pipeline.smembers(this.redis.keys.rolePermissions(role)).exists(this.redis.keys.role(role));
    return (results) => {
      const { defaultRole, defaultRolePermissions } = this.settings.authorization;
      return new Map(
        roles.map((role, i) => {
          const permissions = results[at + 2 * i] as string[];
          const configured = permissions.length > 0 || results[at + 2 * i + 1] === 1;
          return [role, !configured && role === defaultRole ? defaultRolePermissions : permissions];
        }),
      );
    };
  }

  private async readFacts(sender: string, target: string): Promise<PolicyFacts> {
    const pipeline = slotPipeline(this.redis.command);
    const facts = this.queueFacts(pipeline, sender, target);
    return facts(await execAll(pipeline));
  }

  /** The first role whose permissions match `permission`, if any (`known`: permissions already read). */
  private async grantingRole(assigned: string[], permission: string, known?: ReadonlyMap<string, string[]>): Promise<string | undefined> {
    const roles = this.effectiveRoles(assigned);
    if (!roles.length) return undefined;
    let permissions = known;
    if (!permissions || roles.some((role) => !permissions!.has(role))) {
      const pipeline = slotPipeline(this.redis.command);
      const read = this.queueRolePermissions(pipeline, roles);
      permissions = read(await execAll(pipeline));
    }
    return roles.find((role) => permissions!.get(role)!.some((pattern) => wildcardMatch(pattern, permission)));
  }
}

/** What decides whether a sender may send to a target, read at once (the batch's or the message's). */
export interface PolicyFacts {
  /** The target's registry status. */
  targetStatus: string | null;
  /** The sender's block list and allow list (patterns), and its assigned roles. */
  blocked: string[];
  allowed: string[];
  roles: string[];
  /** What each of its effective roles grants, when read with the batch. */
  permissions?: ReadonlyMap<string, string[]>;
}
