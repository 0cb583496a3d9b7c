import { createHmac } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { MasConnection } from '@mas/core';
import { GatewaySecrets } from './gateway-secrets';
import { AuditKeyMismatchError } from './gateway-secrets.errors';

/**
 * At start: publishes the gateway's public key (`mas:gateway:public_keys`, key id → PEM) and checks
 * that the audit chain in Redis is keyed with this instance's key (its fingerprint in `audit:key_id`,
 * set by the first instance), so that two instances never write one chain with two keys.
 */
@Injectable()
export class IdentityPublisher implements OnModuleInit {
  constructor(
    private readonly redis: MasConnection,
    private readonly secrets: GatewaySecrets,
  ) {}

  async onModuleInit(): Promise<void> {
    const { identity, auditKey } = this.secrets;
    const fingerprint = auditKey ? createHmac('sha256', auditKey).update('mas-audit-key-id').digest('hex').slice(0, 16) : 'unkeyed';
    // Two commands, not a MULTI: the public keys and the audit key id live in different hash slots on a cluster.
    await this.redis.command.hset(this.redis.keys.gatewayPublicKeys, identity.keyId, identity.publicKeyPem);
    const stored = ((await this.redis.command.call('SET', this.redis.keys.auditKeyId, fingerprint, 'NX', 'GET')) as string | null) ?? fingerprint;
    if (stored !== fingerprint) {
      throw new AuditKeyMismatchError(
        `the audit chain in Redis is keyed with another key (fingerprint ${stored}, this instance ${fingerprint}): give every instance the same audit.hmac_key`,
      );
    }
  }
}
