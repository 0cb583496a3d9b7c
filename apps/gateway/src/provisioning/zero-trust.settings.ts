import { IsBoolean, IsString } from 'class-validator';

/** Zero-trust mode of the gateway (`GATEWAY_ZERO_TRUST__REQUIRE_PROVISIONED=true`). */
export class ZeroTrustSettings {
  /**
   * Accept messages only from provisioned agents (`mas provision`). Without it, unprovisioned
   * agents (token + HMAC or self-published Ed25519 keys, readable or writable with the shared Redis
   * credential) are still accepted next to provisioned ones: a mixed deployment is only as strong as
   * its unprovisioned agents.
   */
  @IsBoolean()
  requireProvisioned = false;

  /**
   * Administrative Redis URL the admin HTTP API (`/provisioning/...`) provisions with; empty (the
   * default) leaves that API off (503). The gateway's own connection stays its least-privilege user.
   */
  @IsString()
  adminRedisUrl = '';
}
