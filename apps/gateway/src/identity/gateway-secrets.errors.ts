import { MasError } from '@mas/core';

/** The gateway cannot start without a secret it needs (chain key, identity, admin key). */
export class GatewaySecretsError extends MasError {
  override readonly code: string = 'GATEWAY_SECRETS';
}

/** No audit chain key could be had (and `audit.allowUnkeyed` is off). */
export class AuditKeyMissingError extends GatewaySecretsError {
  override readonly code = 'GATEWAY_AUDIT_KEY_MISSING';
}

/** The chain in Redis was written with another key than this instance's. */
export class AuditKeyMismatchError extends GatewaySecretsError {
  override readonly code = 'GATEWAY_AUDIT_KEY_MISMATCH';
}
