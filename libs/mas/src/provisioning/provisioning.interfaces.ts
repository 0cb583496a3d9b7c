/** What `mas provision <id>` prints (with `--json`) and the admin HTTP API returns. */
export interface ProvisionedAgent {
  id: string;
  /** `redis://<user>:<password>@host:port[/db]`: the agent's own Redis user. */
  redisUrl: string;
  /** Opaque string holding the agent's Ed25519 private key (`gateway: { credentials }`). */
  credentials: string;
}

/** What `mas provision --service <name>` prints. */
export interface ProvisionedService {
  service: string;
  redisUrl: string;
}

/** What an agent is granted at provisioning. */
export interface AgentGrant {
  /** Capabilities it may register with (a registration asking for more is refused). */
  capabilities: string[];
  /** Gateway roles it holds (`agent:{id}:roles`). */
  roles: string[];
}

/** One agent of a manifest (`mas provision --from agents.yaml`). */
export interface ManifestAgent extends Partial<AgentGrant> {
  id: string;
}

/** A provisioning manifest. */
export interface ProvisioningManifest {
  agents: ManifestAgent[];
  /** Services to provision users for (`gateway`, `registry`). */
  services: string[];
}

/** What provisioning a manifest did to each entry. */
export interface ManifestResult {
  /** Agents created (or re-created with the same credentials from the manifest secret). */
  agents: Array<ProvisionedAgent & { outcome: 'created' | 'unchanged' | 'updated' }>;
  services: Array<ProvisionedService & { outcome: 'created' | 'unchanged' }>;
}
