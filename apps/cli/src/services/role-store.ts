import type { MasKeySpace } from '@mas/core';
import type Redis from 'ioredis';
import { NotFoundError } from '../cli.errors';
import { KeyShape, keyShape, scanKeys } from './key-shape';

/** A gateway role: `role:{name}` (description hash) and `role:{name}:permissions` (set). */
export interface RoleView {
  name: string;
  description: string;
  /** Epoch seconds, when the role was created through the CLI or the gateway. */
  createdAt?: number;
  /** e.g. `send:agent.*`. */
  permissions: string[];
  /** False for the gateway's default role while it was never configured (its built-in permissions apply). */
  configured: boolean;
  /** Which permissions the gateway applies: the role's own set (also when empty), or its built-in default. */
  applies: 'configured' | 'built-in default';
}

/** What the gateway published about its default role (`mas:gateway:default_role`). */
interface DefaultRole {
  role: string;
  permissions: string[];
}

/** The roles given to one agent (`agent:{id}:roles`), with what each grants. */
export interface AgentRolesView {
  agent: string;
  roles: RoleView[];
}

/** Reads and edits the gateway's RBAC keys. */
export class RoleStore {
  private readonly roleHash: KeyShape;
  private readonly rolePermissions: KeyShape;
  private readonly agentRoles: KeyShape;

  constructor(
    private readonly redis: Redis,
    private readonly keys: MasKeySpace,
  ) {
    this.roleHash = keyShape(keys.role);
    this.rolePermissions = keyShape(keys.rolePermissions);
    this.agentRoles = keyShape(keys.agentRoles);
  }

  /** Every role that has a description hash or a permission set (and the gateway's default role), sorted by name. */
  async list(): Promise<RoleView[]> {
    const keys = await scanKeys(this.redis, this.roleHash.pattern);
    const names = new Set<string>();
    const builtIn = await this.defaultRole();
    if (builtIn?.role) names.add(builtIn.role);
    for (const key of keys) {
      const name = this.rolePermissions.nameOf(key) ?? this.roleHash.nameOf(key);
      if (name) names.add(name);
    }
    const roles = await Promise.all([...names].map((name) => this.find(name)));
    return roles.filter((role): role is RoleView => !!role).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The role `name`, or undefined (the gateway's default role is there while never configured, with its built-in permissions). */
  async find(name: string): Promise<RoleView | undefined> {
    const [fields, permissions, builtIn] = await Promise.all([
      this.redis.hgetall(this.keys.role(name)),
      this.redis.smembers(this.keys.rolePermissions(name)),
      this.defaultRole(),
    ]);
    if (!Object.keys(fields).length && !permissions.length) {
      if (builtIn?.role !== name) return undefined;
      return { name, description: 'default role of the gateway', permissions: [...builtIn.permissions].sort(), configured: false, applies: 'built-in default' };
    }
    return {
      name,
      description: fields.description ?? '',
      ...(Number(fields.created_at) ? { createdAt: Number(fields.created_at) } : {}),
      permissions: permissions.sort(),
      configured: true,
      applies: 'configured',
    };
  }

  /** The default role the gateway published at its start, if any. */
  private async defaultRole(): Promise<DefaultRole | undefined> {
    try {
      const parsed = JSON.parse((await this.redis.get(this.keys.gatewayDefaultRole)) ?? 'null') as DefaultRole | null;
      return parsed && typeof parsed.role === 'string' && Array.isArray(parsed.permissions) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  /** The role `name`. @throws NotFoundError */
  async get(name: string): Promise<RoleView> {
    const role = await this.find(name);
    if (!role) throw new NotFoundError(`no role "${name}" (create it with: mas roles create ${name} <permissions...>)`);
    return role;
  }

  /** Creates or updates a role: description (when given) and extra permissions. */
  async upsert(name: string, permissions: string[], description?: string): Promise<RoleView> {
    const multi = this.redis.multi();
    multi.hset(this.keys.role(name), 'name', name);
    multi.hsetnx(this.keys.role(name), 'created_at', (Date.now() / 1000).toFixed(3));
    if (description !== undefined) multi.hset(this.keys.role(name), 'description', description);
    else multi.hsetnx(this.keys.role(name), 'description', '');
    if (permissions.length) multi.sadd(this.keys.rolePermissions(name), ...permissions);
    await multi.exec();
    return this.get(name);
  }

  /**
   * Removes permissions from an existing role, which stays configured (with no permissions, it grants
   * none). From a never-configured default role: its built-in permissions minus these. @throws NotFoundError
   */
  async removePermissions(name: string, permissions: string[]): Promise<RoleView> {
    const role = await this.get(name);
    const multi = this.redis.multi();
    multi.hset(this.keys.role(name), 'name', name);
    multi.hsetnx(this.keys.role(name), 'created_at', (Date.now() / 1000).toFixed(3));
    multi.hsetnx(this.keys.role(name), 'description', role.description);
    if (!role.configured && role.permissions.length) multi.sadd(this.keys.rolePermissions(name), ...role.permissions);
    multi.srem(this.keys.rolePermissions(name), ...permissions);
    await multi.exec();
    return this.get(name);
  }

  /** Deletes a role and takes it away from every agent holding it; returns those agents. */
  async delete(name: string): Promise<string[]> {
    await this.get(name);
    const holders: string[] = [];
    for (const key of await scanKeys(this.redis, this.agentRoles.pattern, 'set')) {
      const agent = this.agentRoles.nameOf(key);
      if (agent && (await this.redis.srem(key, name)) > 0) holders.push(agent);
    }
    await this.redis.del(this.keys.role(name), this.keys.rolePermissions(name));
    return holders.sort();
  }

  /** Gives roles to an agent; each must exist unless `force`. @throws NotFoundError */
  async assign(agent: string, roles: string[], force = false): Promise<AgentRolesView> {
    if (!force) for (const role of roles) await this.get(role);
    await this.redis.sadd(this.keys.agentRoles(agent), ...roles);
    return this.of(agent);
  }

  /** Takes roles away from an agent. */
  async unassign(agent: string, roles: string[]): Promise<AgentRolesView> {
    await this.redis.srem(this.keys.agentRoles(agent), ...roles);
    return this.of(agent);
  }

  /** The roles of `agent` with their permissions (a role that no longer exists shows none). */
  async of(agent: string): Promise<AgentRolesView> {
    const names = (await this.redis.smembers(this.keys.agentRoles(agent))).sort();
    const roles = await Promise.all(
      names.map(async (name) => (await this.find(name)) ?? { name, description: '', permissions: [], configured: false, applies: 'configured' as const }),
    );
    return { agent, roles };
  }
}
