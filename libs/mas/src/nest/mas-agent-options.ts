import type { AgentOptions } from '../agent/agent-options.interfaces';
import { InvalidCredentialsError } from '../errors/provisioning.errors';
import { decodeCredentials } from '../provisioning/agent-credentials';
import type { MasAgentOptions } from './decorators/mas-agent.decorator';
import type { MasModuleOptions } from './mas-options.interfaces';

type GatewayOption = AgentOptions['gateway'];

/** Later layers win; two object layers merge (module `decisionTimeoutMs` + per-agent `credentials`). */
function mergeGateway(...layers: GatewayOption[]): GatewayOption {
  let merged: GatewayOption;
  for (const layer of layers) {
    if (layer === undefined) continue;
    merged = typeof layer === 'object' && typeof merged === 'object' ? { ...merged, ...layer } : layer;
  }
  return merged;
}

/**
 * The options one `@MasAgent` provider runs with: the module options, then the module's
 * `agents[id]` entry, then the decorator's own. Zero-trust credentials are checked here, at init,
 * against the agent's id.
 * @throws InvalidCredentialsError (naming the provider) when they are malformed or were provisioned for another id.
 */
export function resolveMasAgentOptions(
  moduleOptions: MasModuleOptions,
  agentOptions: MasAgentOptions,
  providerName: string,
): AgentOptions<object> & { id: string } {
  const { agents = {}, metrics: _metrics, ...shared } = moduleOptions; // metrics: one MasMetrics, given by the explorer
  const { id, ...own } = agentOptions;
  const identity = agents[id] ?? {};
  const gateway = mergeGateway(shared.gateway, identity.gateway, own.gateway);
  const credentials = typeof gateway === 'object' ? gateway.credentials : undefined;
  if (credentials !== undefined) {
    try {
      decodeCredentials(credentials, id);
    } catch (error) {
      if (!(error instanceof InvalidCredentialsError)) throw error;
      throw new InvalidCredentialsError(`@MasAgent ${providerName} ("${id}"): ${error.reason}`);
    }
  }
  return {
    ...shared,
    ...own,
    id,
    redisUrl: own.redisUrl ?? identity.redisUrl ?? shared.redisUrl,
    ...(gateway === undefined ? {} : { gateway }),
  };
}
