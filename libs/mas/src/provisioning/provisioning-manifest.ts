import { load } from 'js-yaml';
import { InvalidManifestError } from '../errors/provisioning.errors';
import { MAS_SERVICES, MasService } from './acl-rules';
import { assertProvisionableId } from './agent-id';
import { derivedKeyMaterial, randomKeyMaterial } from './key-material';
import type { ManifestResult, ProvisioningManifest } from './provisioning.interfaces';
import type { Provisioner } from './provisioner';

function list(value: unknown, what: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new InvalidManifestError(`${what} must be a list of strings`);
  return value as string[];
}

/**
 * Parses a manifest:
 * ```yaml
 * services: [gateway, registry]
 * agents:
 *   - id: alice
 *     capabilities: [chat]
 *     roles: [support]
 * ```
 * @throws InvalidManifestError naming the problem; InvalidAgentIdError for an id that cannot be provisioned.
 */
export function parseManifest(text: string): ProvisioningManifest {
  let raw: unknown;
  try {
    raw = load(text);
  } catch (error) {
    throw new InvalidManifestError(`not YAML: ${(error as Error).message}`);
  }
  if (!raw || typeof raw !== 'object') throw new InvalidManifestError('expected a mapping with `agents` and/or `services`');
  const { agents = [], services } = raw as { agents?: unknown; services?: unknown };
  if (!Array.isArray(agents)) throw new InvalidManifestError('`agents` must be a list');
  const parsed = agents.map((entry: unknown, index) => {
    const item = (typeof entry === 'string' ? { id: entry } : entry) as Record<string, unknown> | null;
    if (!item || typeof item.id !== 'string') throw new InvalidManifestError(`agents[${index}] has no id`);
    assertProvisionableId(item.id);
    return { id: item.id, capabilities: list(item.capabilities, `agents[${index}].capabilities`), roles: list(item.roles, `agents[${index}].roles`) };
  });
  const ids = parsed.map((agent) => agent.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new InvalidManifestError(`agent "${duplicate}" is listed twice`);
  const serviceList = list(services, '`services`');
  const unknown = serviceList.find((service) => !MAS_SERVICES.includes(service as MasService));
  if (unknown) throw new InvalidManifestError(`unknown service "${unknown}" (known: ${MAS_SERVICES.join(', ')})`);
  return { agents: parsed, services: serviceList };
}

/**
 * Provisions every entry of `manifest`, idempotently. With `secret`, each identity's password and
 * key pair are derived from it: running the manifest again (e.g. on a Redis restarted without its ACL
 * file) re-creates exactly the same credentials. Without it, identities that already have a user
 * keep their credentials (only their grant is rewritten) and missing ones get fresh random ones.
 */
export async function provisionManifest(provisioner: Provisioner, manifest: ProvisioningManifest, secret?: string): Promise<ManifestResult> {
  const result: ManifestResult = { agents: [], services: [] };
  // Agents that keep their identity (a Redis restarted with its ACL file but without its data) need the library too.
  if (manifest.agents.length) await provisioner.loadFunctions();
  for (const service of manifest.services as MasService[]) {
    const existed = await provisioner.hasUser(provisioner.keys.aclServiceUser(service));
    if (existed && !secret) {
      result.services.push({ service, redisUrl: '', outcome: 'unchanged' });
      continue;
    }
    const provisioned = await provisioner.provisionService(service, secret ? derivedKeyMaterial(secret, `service:${service}`) : randomKeyMaterial());
    result.services.push({ ...provisioned, outcome: existed ? 'unchanged' : 'created' });
  }
  for (const agent of manifest.agents) {
    const existed = await provisioner.hasAgentUser(agent.id);
    if (existed && !secret) {
      await provisioner.writeGrant(agent.id, agent);
      result.agents.push({ id: agent.id, redisUrl: '', credentials: '', outcome: 'updated' });
      continue;
    }
    const provisioned = await provisioner.provisionAgent(agent.id, agent, secret ? derivedKeyMaterial(secret, `agent:${agent.id}`) : randomKeyMaterial(), !existed);
    result.agents.push({ ...provisioned, outcome: existed ? 'unchanged' : 'created' });
  }
  return result;
}
