import { AgentStatus, AgentView } from '@mas/core';
import type { CliContext } from '../cli-context';
import { NotFoundError } from '../cli.errors';
import { formatDuration, formatEpochSeconds } from '../output/table';
import { AclStore } from '../services/acl-store';
import { AgentCatalog, AgentSource, listedAgent, registryAgents } from '../services/agent-catalog';
import { RoleStore } from '../services/role-store';

function heartbeatAge(view: AgentView): string {
  if (!view.alive) return 'none';
  return view.secondsSinceHeartbeat !== null ? `${formatDuration(view.secondsSinceHeartbeat * 1000)} ago` : 'yes';
}

/** The registry's HTTP API when one is configured, else Redis (then every agent hash, indexed or not). */
async function agentSource(context: CliContext): Promise<AgentSource> {
  const registry = context.registry();
  return registry ? registryAgents(registry) : new AgentCatalog(await context.redis());
}

/** `mas agents`: a table (or JSON) of the agents matching the filters. */
export async function listAgents(context: CliContext, options: { capability?: string[]; status?: AgentStatus }): Promise<void> {
  const source = await agentSource(context);
  const agents = await source.list({ capability: options.capability, status: options.status });
  const out = context.output;
  out.result(agents.map(listedAgent), () => {
    if (!agents.length) return out.style('dim', 'No agents match.');
    const rows = agents.map((a) => [
      a.id,
      out.status(a.status),
      heartbeatAge(a),
      a.capabilities.join(', ') || '-',
      formatEpochSeconds(a.registeredAt),
    ]);
    const table = out.table(
      [{ header: 'ID' }, { header: 'STATUS' }, { header: 'HEARTBEAT' }, { header: 'CAPABILITIES' }, { header: 'REGISTERED (UTC)' }],
      rows,
    );
    return `${table}\n${out.style('dim', `${agents.length} agent(s)`)}`;
  });
}

/**
 * `mas agent <id>`: one agent (from the registry's HTTP API when one is configured) with its
 * heartbeat, state size and gateway policy (from Redis).
 */
export async function showAgent(context: CliContext, id: string): Promise<void> {
  const connection = await context.redis();
  const catalog = new AgentCatalog(connection);
  const registry = context.registry();
  const agent = await (registry ? registryAgents(registry) : catalog).get(id);
  if (!agent) throw new NotFoundError(`no agent "${id}" is registered`);
  const { command: redis, keys } = connection;
  const [ttlMs, stateFields, acl, roles, signing, publicKey, revoked] = await Promise.all([
    catalog.heartbeatTtlMs(id),
    redis.hlen(keys.state(id)),
    new AclStore(redis, keys).show(id),
    new RoleStore(redis, keys).of(id),
    redis.exists(keys.signingKey(id)),
    redis.exists(keys.publicKey(id)),
    redis.scard(keys.revokedTokens(id)),
  ]);
  const view = {
    ...listedAgent(agent),
    heartbeatTtlMs: ttlMs ?? null,
    stateFields,
    gateway: {
      signing: signing ? 'hmac-sha256' : publicKey ? 'ed25519' : null,
      revokedTokens: revoked,
      roles: roles.roles.map((r) => r.name),
      allowedTargets: acl.allowed,
      blockedTargets: acl.blocked,
    },
  };
  const out = context.output;
  out.result(view, () => {
    const list = (items: string[]) => (items.length ? items.join(', ') : '-');
    const rows: Array<[string, string]> = [
      ['id', out.style('bold', agent.id)],
      ['status', out.status(agent.status)],
      ['heartbeat', `${heartbeatAge(agent)}${ttlMs !== undefined ? ` (expires in ${formatDuration(ttlMs)})` : ''}`],
      ['capabilities', list(agent.capabilities)],
      ['delivery', agent.delivery ?? '-'],
      ['registered', `${formatEpochSeconds(agent.registeredAt)} UTC`],
      ['metadata', JSON.stringify(agent.metadata)],
      ['state fields', String(stateFields)],
      ['signing key', view.gateway.signing ?? 'none'],
      ['revoked tokens', String(revoked)],
      ['roles', list(view.gateway.roles)],
      ['allowed targets', list(acl.allowed)],
      ['blocked targets', list(acl.blocked)],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    return rows.map(([k, v]) => `${out.style('dim', k.padEnd(width))}  ${v}`).join('\n');
  });
}
