import { MasConnection, MasKeys, Provisioner } from '@mas/core';
import type { BenchIdentity } from '../shared/bench.interfaces';

/** What a zero-trust gateway task runs with: the gateway's service user and the two agents' identities. */
export interface ZeroTrustSetup {
  /** URL of the gateway's least-privilege service user. */
  gatewayUrl: string;
  /** Identity per agent id. */
  identities: Map<string, BenchIdentity>;
  /** Deprovisions the agents, and deletes the gateway's service user when this setup created it. */
  tearDown(): Promise<void>;
}

/**
 * Provisions, with the administrative `adminUrl`, the gateway's service user (`mas provision
 * --service gateway`) and each of `agentIds` (its own ACL user and Ed25519 key pair), as an
 * operator would before starting a zero-trust deployment. ACL users are server-wide: a `mas-gateway`
 * user that existed before is rotated (and kept afterwards), so do not point a zero-trust bench run
 * at a Redis whose real gateway runs as that user.
 */
export async function provisionZeroTrust(adminUrl: string, agentIds: string[]): Promise<ZeroTrustSetup> {
  const admin = new MasConnection({ redisUrl: adminUrl, clientName: 'bench-provisioner' });
  const provisioner = new Provisioner(admin);
  const gatewayUser = MasKeys.aclServiceUser('gateway');
  try {
    const hadGatewayUser = await provisioner.hasUser(gatewayUser);
    const { redisUrl: gatewayUrl } = await provisioner.provisionService('gateway');
    const identities = new Map<string, BenchIdentity>();
    for (const id of agentIds) {
      const { redisUrl, credentials } = await provisioner.provisionAgent(id);
      identities.set(id, { redisUrl, credentials });
    }
    return {
      gatewayUrl,
      identities,
      async tearDown() {
        try {
          for (const id of agentIds) await provisioner.deprovisionAgent(id);
          if (!hadGatewayUser) await admin.command.call('ACL', 'DELUSER', gatewayUser);
        } finally {
          await admin.close();
        }
      },
    };
  } catch (error) {
    await admin.close();
    throw error;
  }
}
