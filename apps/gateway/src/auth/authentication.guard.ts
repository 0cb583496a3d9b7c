import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { execAll, MasConnection, MasKeys } from '@mas/core';
import { AuthenticationFailedError } from '../message/gateway-denial.errors';
import { ingressMessageOf } from '../message/ingress-message';

/**
 * Guard 1: the envelope is well formed, its sender is registered and ACTIVE, and the entry's token is
 * the one in the sender's registry hash `agent:{id}` and not in `revoked_tokens:{id}`.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(private readonly redis: MasConnection) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const ingress = ingressMessageOf(context);
    if (!ingress.message) throw new AuthenticationFailedError(`malformed envelope: ${ingress.parseError}`, 'auth:malformed');
    const sender = ingress.message.senderId;
    if (!ingress.token && !ingress.replay) throw new AuthenticationFailedError('no token', 'auth:missing_token');
    const [[token, status], revokedGiven] = (await execAll(
      this.redis.command.pipeline().hmget(MasKeys.agent(sender), 'token', 'status').sismember(MasKeys.revokedTokens(sender), ingress.token),
    )) as [[string | null, string | null], number];
    if (!token) throw new AuthenticationFailedError(`sender "${sender}" is not registered`, 'auth:unknown_agent');
    // A DLQ replay runs as the original sender: the token it authenticated with (kept as a hash) must still be its token.
    const revoked = ingress.replay ? await this.redis.command.sismember(MasKeys.revokedTokens(sender), token) : revokedGiven;
    if (revoked === 1) throw new AuthenticationFailedError('token revoked', 'auth:revoked_token');
    const matches = ingress.replay ? sameSecret(createHash('sha256').update(token).digest('hex'), ingress.replay.tokenHash) : sameSecret(token, ingress.token);
    if (!matches) throw new AuthenticationFailedError('token does not match the registry', 'auth:invalid_token');
    if (status !== 'ACTIVE') throw new AuthenticationFailedError(`sender "${sender}" is ${status ?? 'not ACTIVE'}`, 'auth:inactive');
    return true;
  }
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
