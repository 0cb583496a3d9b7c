import { createPublicKey } from 'node:crypto';
import Redis from 'ioredis';
import { ProvisioningNotPermittedError } from '../errors/provisioning.errors';
import type { MasKeySpace } from '../redis/keys';
import type { MasConnection } from '../redis/mas-connection';
import { execAll } from '../redis/exec-all';
import { withRedisCredentials } from '../redis/redis-target';
import { slotPipeline } from '../redis/slot-pipeline';
import { isPermissionReply } from '../redis/permission-errors';
import { isBusyGroupError } from '../redis/redis-errors';
import { agentAclRules, MasService, serviceAclRules } from './acl-rules';
import { encodeCredentials } from './agent-credentials';
import { assertProvisionableId } from './agent-id';
import { KeyMaterial, randomKeyMaterial } from './key-material';
import type { AgentGrant, ProvisionedAgent, ProvisionedService } from './provisioning.interfaces';
import { ProvisionedRegistrar } from './provisioned-registrar';
import { FunctionLibraryAdmin, FunctionLibraryStatus } from '../functions/function-admin';

/** `redisUrl` (one server, cluster or Sentinel) with its credentials replaced by `user` / `password`. */
export function urlForUser(redisUrl: string, user: string, password: string): string {
  return withRedisCredentials(redisUrl, user, password);
}

/**
 * Creates, rotates and deletes zero-trust identities, given an administrative connection: for an
 * agent, a Redis ACL user of its own ({@link agentAclRules}) and an Ed25519 key pair whose public
 * key is stored where only the provisioner and the gateway can write; for a service, its
 * least-privilege user. The CLI (`mas provision`) and the gateway's admin HTTP API both use it.
 *
 * Agents' users may not EVAL: their scripts are the MAS function library ({@link loadFunctions}),
 * which provisioning an agent loads on every master (replicas receive it by replication).
 *
 * ACL users belong to a node: neither a cluster nor replication shares them. Users are written on
 * every data node it can see (on a cluster every master and replica; on one server or a Sentinel
 * master, the master and the replicas its `ROLE` lists), so they hold after a failover; a node added
 * later has none until the identities are provisioned again.
 */
export class Provisioner {
  constructor(
    private readonly connection: MasConnection,
    /** URL agents and services reach Redis at (default: the admin connection's, without its credentials). */
    private readonly publicUrl: string = connection.url,
  ) {}

  private get redis(): Redis {
    return this.connection.command;
  }

  /** Names of the keys, channels and ACL users it provisions (the admin connection's key space). */
  get keys(): MasKeySpace {
    return this.connection.keys;
  }

  /**
   * Provisions `id` (again: rotates its password and key pair and, with `rotate`, closes the
   * connections of its user at once, so the old credentials stop working).
   * @throws UnprovisionableAgentIdError for an id with glob characters; ProvisioningNotPermittedError without an administrative user.
   */
  async provisionAgent(id: string, grant: Partial<AgentGrant> = {}, material: KeyMaterial = randomKeyMaterial(), rotate = true): Promise<ProvisionedAgent> {
    assertProvisionableId(id);
    const user = this.keys.aclAgentUser(id);
    const [reset, ...rules] = agentAclRules(id, this.keys);
    await this.loadFunctions();
    await this.onEveryNode((node) => node.call('ACL', 'SETUSER', user, reset, ...rules, `>${material.password}`));
    const publicKeyPem = createPublicKey(material.privateKey).export({ type: 'spki', format: 'pem' }).toString();
    await this.writeGrant(id, grant, publicKeyPem);
    await this.createIngress(id);
    if (rotate) await this.disconnect(user);
    return { id, redisUrl: urlForUser(this.publicUrl, user, material.password), credentials: encodeCredentials(id, material.privateKey) };
  }

  /**
   * Deletes the user of `id` (Redis closes its connections at once), its public key, grant and
   * roles, and removes its registration. Resolves false when it was not provisioned.
   */
  async deprovisionAgent(id: string): Promise<boolean> {
    assertProvisionableId(id);
    const [deleted] = (await this.onEveryNode((node) => node.call('ACL', 'DELUSER', this.keys.aclAgentUser(id)))) as number[];
    // The agent's keys share its slot; the set of provisioned ids has a slot of its own.
    const [, removed] = (await execAll(
      slotPipeline(this.redis)
        .del(this.keys.publicKey(id), this.keys.provisionGrant(id), this.keys.agentRoles(id))
        .srem(this.keys.provisionedAgents, id)
        .del(this.keys.agentIngress(id)),
    )) as [number, number, number];
    await new ProvisionedRegistrar(this.connection).deregister(id);
    return deleted > 0 || removed > 0;
  }

  /** Provisions (or rotates) the least-privilege user of a MAS service. */
  async provisionService(service: MasService, material: KeyMaterial = randomKeyMaterial()): Promise<ProvisionedService> {
    const user = this.keys.aclServiceUser(service);
    const [reset, ...rules] = serviceAclRules(service, this.keys);
    await this.onEveryNode((node) => node.call('ACL', 'SETUSER', user, reset, ...rules, `>${material.password}`));
    await this.disconnect(user);
    return { service, redisUrl: urlForUser(this.publicUrl, user, material.password) };
  }

  /**
   * Writes what `id` is granted (capabilities it may register with, its gateway roles) and, when
   * given, its public key; the user and key pair stay as they are.
   */
  async writeGrant(id: string, grant: Partial<AgentGrant>, publicKeyPem?: string): Promise<void> {
    const capabilities = [...new Set(grant.capabilities ?? [])];
    const roles = [...new Set(grant.roles ?? [])];
    const multi = this.redis.multi();
    if (publicKeyPem) multi.set(this.keys.publicKey(id), publicKeyPem);
    multi
      .del(this.keys.signingKey(id), this.keys.agentToken(id), this.keys.provisionGrant(id), this.keys.agentRoles(id))
      .hset(this.keys.provisionGrant(id), 'capabilities', JSON.stringify(capabilities), 'roles', JSON.stringify(roles), 'provisioned_at', String(Date.now() / 1000))
      // A record written before provisioning may hold a token: zero-trust records hold none.
      .hdel(this.keys.agent(id), 'token');
    if (roles.length) multi.sadd(this.keys.agentRoles(id), ...roles);
    await multi.exec(); // the keys of `id`: one slot on a cluster
    await this.redis.sadd(this.keys.provisionedAgents, id);
  }

  /**
   * Creates the ingress stream of `id` with the gateways' consumer group (from its start), unless it
   * exists: the gateways read it from the moment they see `id` in the provisioned set, and its user
   * may only XADD there.
   */
  private async createIngress(id: string): Promise<void> {
    try {
      await this.redis.xgroup('CREATE', this.keys.agentIngress(id), this.keys.gatewayGroup, '0', 'MKSTREAM');
    } catch (error) {
      if (!isBusyGroupError(error)) throw error;
    }
  }

  /**
   * Loads the MAS function library (the scripts of provisioned agents, FCALL only) on every master,
   * replacing the same version if present; older versions stay for the processes of an older release
   * ({@link pruneFunctions}). Idempotent: run it again after upgrading MAS, after a Redis restart that
   * lost it, and when a master joins a cluster. Resolves with the masters it is on.
   * @throws ProvisioningNotPermittedError without an administrative user
   */
  loadFunctions(): Promise<string[]> {
    return this.admin(() => new FunctionLibraryAdmin(this.connection).load());
  }

  /** What every master holds of the MAS function library (every version), and whether it has this release's. */
  functionStatus(): Promise<FunctionLibraryStatus[]> {
    return this.admin(() => new FunctionLibraryAdmin(this.connection).status());
  }

  /** Deletes the MAS function libraries of other releases from every master (once no process of those runs). */
  pruneFunctions(): Promise<Array<{ node: string; deleted: string[] }>> {
    return this.admin(() => new FunctionLibraryAdmin(this.connection).prune());
  }

  /** True when the ACL user of `id` exists. */
  async hasAgentUser(id: string): Promise<boolean> {
    return this.hasUser(this.keys.aclAgentUser(id));
  }

  /** True when the ACL user `user` exists. */
  async hasUser(user: string): Promise<boolean> {
    const users = (await this.admin(() => this.redis.call('ACL', 'USERS'))) as string[];
    return users.includes(user);
  }

  /** Ids provisioned (as recorded in Redis). */
  async provisionedIds(): Promise<string[]> {
    return (await this.redis.smembers(this.keys.provisionedAgents)).sort();
  }

  private async disconnect(user: string): Promise<void> {
    await this.onEveryNode((node) => node.call('CLIENT', 'KILL', 'USER', user)).catch(() => undefined);
  }

  /**
   * Runs an administrative command on every data node: on a cluster each master and replica; else
   * the server (or Sentinel master) and the replicas its `ROLE` reply lists, reached with the admin
   * connection's credentials. Resolves with the replies, the master's first.
   * @throws ProvisioningNotPermittedError without an administrative user; the node's error when one is unreachable
   */
  private async onEveryNode<T>(run: (node: Redis) => Promise<T>): Promise<T[]> {
    if (this.connection.isCluster) {
      return Promise.all((await this.connection.readyNodes()).map((node) => this.admin(() => run(node))));
    }
    const replies = [await this.admin(() => run(this.redis))];
    for (const replica of await this.replicaClients()) {
      try {
        replies.push(await this.admin(() => run(replica)));
      } finally {
        replica.disconnect();
      }
    }
    return replies;
  }

  /** Clients of the replicas of the master (from ROLE), with the admin connection's credentials. */
  private async replicaClients(): Promise<Redis[]> {
    const role = (await this.redis.call('ROLE')) as [string, unknown, Array<[string, string, string]>?];
    if (role[0] !== 'master' || !role[2]?.length) return [];
    const target = this.connection.target;
    const credentials =
      target.kind === 'single'
        ? (({ username, password }) => ({ username: decodeURIComponent(username) || undefined, password: decodeURIComponent(password) || undefined }))(new URL(target.url))
        : { username: target.username, password: target.password };
    const tls = target.kind === 'single' ? target.url.startsWith('rediss:') : target.tls;
    return role[2].map(
      ([host, port]) =>
        new Redis({ host, port: Number(port), ...credentials, ...(tls ? { tls: {} } : {}), connectTimeout: 2_000, maxRetriesPerRequest: 1, connectionName: 'mas-provisioner' })
          // A failure rejects the command run on it; no 'error' event goes unheard.
          .on('error', () => undefined),
    );
  }

  private async admin<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isPermissionReply(error)) throw new ProvisioningNotPermittedError(error);
      throw error;
    }
  }
}
