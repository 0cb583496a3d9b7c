import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { execAll, MasConnection } from '@mas/core';
import { AuthenticationFailedError } from '../message/gateway-denial.errors';
import { ingressMessageOf } from '../message/ingress-message';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';

/**
 * Guard 1: the envelope is well formed, its sender is registered and ACTIVE, and the entry's token is
 * the one in the sender's registry hash `agent:{id}` and not in `revoked_tokens:{id}`. A provisioned
 * sender (zero-trust mode) has no token; it must be registered, and its signature authenticates it.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly redis: MasConnection,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const ingress = ingressMessageOf(context);
    if (!ingress.message) throw new AuthenticationFailedError(`malformed envelope: ${ingress.parseError}`, 'auth:malformed');
    const sender = ingress.message.senderId;
    const [[token, status], revokedGiven, provisioned] = (await execAll(
      this.redis.command
        .pipeline()
        .hmget(this.redis.keys.agent(sender), 'token', 'status')
        .sismember(this.redis.keys.revokedTokens(sender), ingress.token)
        .exists(this.redis.keys.provisionGrant(sender)),
    ).then(([record, isRevoked, grant]) => [record, isRevoked, grant === 1])) as [[string | null, string | null], number, boolean];
    if (provisioned) return assertProvisionedActive(sender, status);
    if (this.settings.zeroTrust.requireProvisioned) throw new AuthenticationFailedError(`sender "${sender}" is not provisioned`, 'auth:not_provisioned');
    if (!ingress.token && !ingress.replay) throw new AuthenticationFailedError('no token', 'auth:missing_token');
    if (!token) throw new AuthenticationFailedError(`sender "${sender}" is not registered`, 'auth:unknown_agent');
    // A DLQ replay runs as the original sender: the token it authenticated with (kept as a hash) must still be its token.
    const revoked = ingress.replay ? await this.redis.command.sismember(this.redis.keys.revokedTokens(sender), token) : revokedGiven;
    if (revoked === 1) throw new AuthenticationFailedError('token revoked', 'auth:revoked_token');
    const matches = ingress.replay ? sameSecret(createHash('sha256').update(token).digest('hex'), ingress.replay.tokenHash) : sameSecret(token, ingress.token);
    if (!matches) throw new AuthenticationFailedError('token does not match the registry', 'auth:invalid_token');
    if (status !== 'ACTIVE') throw new AuthenticationFailedError(`sender "${sender}" is ${status ?? 'not ACTIVE'}`, 'auth:inactive');
    return true;
  }
}

/**
 * A provisioned (zero-trust) sender holds no token: its Ed25519 signature, checked by the signature
 * interceptor against the key only the provisioner wrote, authenticates it. It must be registered.
 */
function assertProvisionedActive(sender: string, status: string | null): boolean {
  if (status !== 'ACTIVE') throw new AuthenticationFailedError(`sender "${sender}" is ${status ?? 'not registered'}`, 'auth:inactive');
  return true;
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
