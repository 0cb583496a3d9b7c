import { hash } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { MasConnection } from '@mas/core';
import { AuthenticationFailedError } from '../message/gateway-denial.errors';
import { IngressMessage, ingressMessageOf } from '../message/ingress-message';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { TracedCheck } from '../observability/gateway-tracing';
import { sameSecret } from './same-secret';
import { authenticate, readSenderCredentials, senderKeyHashOf } from './sender-credentials';

/**
 * Guard 1: the envelope is well formed, its sender is registered and ACTIVE, and the entry's token is
 * the one the sender registered with (kept in `mas:secret:token:{id}`, out of the record agents may
 * read) and not in `revoked_tokens:{id}`. A provisioned sender (zero-trust mode) has no token; it
 * must be registered, and its signature authenticates it.
 * The ingress consumer reads the credentials of a whole batch at once ({@link IngressMessage.credentials});
 * otherwise (a DLQ replay) the guard reads them itself.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly redis: MasConnection,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  /** Decides at once (no promise) from credentials read with the batch. */
  @TracedCheck('authentication')
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const ingress = ingressMessageOf(context);
    if (ingress.replay) return this.authenticateReplay(ingress, ingress.replay.tokenHash);
    if (!ingress.credentials) return this.authenticateAlone(ingress);
    authenticate(ingress, ingress.credentials, this.settings);
    return true;
  }

  /** An entry whose batch read failed: its credentials are read now. */
  private async authenticateAlone(ingress: IngressMessage): Promise<boolean> {
    authenticate(ingress, (await readSenderCredentials(this.redis, [ingress]))[0], this.settings);
    return true;
  }

  /**
   * A DLQ replay runs as the original sender: the token it authenticated with (kept as a hash) must
   * still be its token; a provisioned sender's envelope must still carry its valid signature, or, for
   * a message dead-lettered after it was admitted (the letter holds the envelope as delivered, which
   * that signature does not cover), the key that verified it then must still be the sender's.
   */
  private async authenticateReplay(ingress: IngressMessage, tokenHash: string): Promise<boolean> {
    if (!ingress.message) throw new AuthenticationFailedError(`malformed envelope: ${ingress.parseError}`, 'auth:malformed');
    const sender = ingress.message.senderId;
    const [credentials] = await readSenderCredentials(this.redis, [ingress]);
    const { token, status, provisioned } = credentials!;
    if (provisioned && ingress.replay?.senderKeyHash && ingress.entrySignatureField === undefined) {
      // The gateway signed the letter of a message it had admitted as this sender's, naming the key
      // that verified it: the sender must still be ACTIVE and hold that key (not re-keyed or deprovisioned since).
      const { publicKeyPem } = credentials!;
      if (!publicKeyPem || !sameSecret(senderKeyHashOf(publicKeyPem), ingress.replay.senderKeyHash)) {
        throw new AuthenticationFailedError(`the key that authenticated this message is no longer "${sender}"'s`, 'auth:bad_signature');
      }
      if (status !== 'ACTIVE') throw new AuthenticationFailedError(`sender "${sender}" is ${status ?? 'not registered'}`, 'auth:inactive');
      return true;
    }
    if (provisioned) {
      // The letter's own gateway signature says the gateway wrote it, not that the sender did (an
      // unauthenticated entry dead-lettered as unprocessable is a letter too): the envelope must carry
      // the sender's signature, as at ingress.
      authenticate(ingress, credentials, this.settings);
      return true;
    }
    if (this.settings.zeroTrust.requireProvisioned) throw new AuthenticationFailedError(`sender "${sender}" is not provisioned`, 'auth:not_provisioned');
    if (!token || status === null) throw new AuthenticationFailedError(`sender "${sender}" is not registered`, 'auth:unknown_agent');
    if ((await this.redis.command.sismember(this.redis.keys.revokedTokens(sender), token)) === 1) throw new AuthenticationFailedError('token revoked', 'auth:revoked_token');
    if (!sameSecret(hash('sha256', token, 'hex'), tokenHash)) throw new AuthenticationFailedError('token does not match the registry', 'auth:invalid_token');
    if (status !== 'ACTIVE') throw new AuthenticationFailedError(`sender "${sender}" is ${status ?? 'not ACTIVE'}`, 'auth:inactive');
    return true;
  }
}
