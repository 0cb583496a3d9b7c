import { readFileSync } from 'node:fs';
import type { ManifestResult, MasService, ProvisionedAgent } from '@mas/core';
import type { CliContext } from '../cli-context';
import { CliError, ExitCode } from '../cli.errors';

/** Options of `mas provision`. */
interface ProvisionOptions {
  capabilities?: string[];
  roles?: string[];
  from?: string;
  service?: MasService;
}

async function provisioner(context: CliContext) {
  return new context.core.Provisioner(await context.redis());
}

function printAgent(context: CliContext, agent: ProvisionedAgent): void {
  context.output.result(agent, () =>
    [
      `Provisioned ${agent.id}`,
      `  redisUrl:    ${agent.redisUrl}`,
      `  credentials: ${agent.credentials}`,
      '  (shown once: give both to the agent, e.g. MAS_REDIS__URL and MAS_AGENT_CREDENTIALS)',
    ].join('\n'),
  );
}

function printManifest(context: CliContext, result: ManifestResult): void {
  context.output.result(result, () =>
    [
      ...result.services.map((s) => `service ${s.service}: ${s.outcome}${s.redisUrl ? `  ${s.redisUrl}` : ''}`),
      ...result.agents.map((a) => `agent ${a.id}: ${a.outcome}${a.credentials ? `\n  redisUrl:    ${a.redisUrl}\n  credentials: ${a.credentials}` : ''}`),
    ].join('\n'),
  );
}

/** `mas provision <id> | --service <name> | --from <file>`. */
export async function provision(context: CliContext, id: string | undefined, options: ProvisionOptions): Promise<void> {
  const chosen = [id !== undefined, !!options.service, !!options.from].filter(Boolean).length;
  if (chosen !== 1) throw new CliError('give exactly one of: an agent id, --service <name>, --from <file>', ExitCode.USAGE, 'USAGE');
  if (options.from) {
    const manifest = context.core.parseManifest(readFileSync(options.from, 'utf8'));
    const secret = process.env.MAS_PROVISIONING_SECRET || undefined;
    printManifest(context, await context.core.provisionManifest(await provisioner(context), manifest, secret));
    return;
  }
  if (options.service) {
    const service = await (await provisioner(context)).provisionService(options.service);
    context.output.result(service, () => `Provisioned service ${service.service}\n  redisUrl: ${service.redisUrl}`);
    return;
  }
  context.core.assertProvisionableId(id!);
  printAgent(context, await (await provisioner(context)).provisionAgent(id!, { capabilities: options.capabilities, roles: options.roles }));
}

/** `mas deprovision <id>`. */
export async function deprovision(context: CliContext, id: string): Promise<void> {
  const removed = await (await provisioner(context)).deprovisionAgent(id);
  if (!removed) throw new CliError(`agent "${id}" is not provisioned`, ExitCode.NOT_FOUND, 'NOT_FOUND');
  context.output.result({ id, deprovisioned: true }, () => `Deprovisioned ${id}: its user, keys and registration are gone`);
}
