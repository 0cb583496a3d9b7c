import { Injectable } from '@nestjs/common';
import {
  CapabilityNotGrantedError,
  DEREGISTER_REQUEST_TYPE,
  GATEWAY_SENDER_ID,
  MasConnection,
  ProvisionedRegistrar,
  REGISTER_REQUEST_TYPE,
  RegistrationRequestData,
} from '@mas/core';
import { DecisionRecorder } from '../audit/decision-recorder';
import { AuthenticationFailedError, AuthorizationDeniedError, GatewayDenialError, SignatureInvalidError } from '../message/gateway-denial.errors';
import type { IngressMessage } from '../message/ingress-message';
import { DlpCheck } from '../dlp/dlp.interceptor';
import { SenderRateLimit } from '../ratelimit/rate-limit.guard';
import { SignatureVerifier } from '../signature/signature-verifier';

/**
 * Registers provisioned (zero-trust) agents: their own Redis users may not write their records, so
 * they send a signed `mas.register` / `mas.deregister` request to the gateway. The request must come
 * from a provisioned id, carry a valid Ed25519 signature by its provisioned key (fresh nonce, clock
 * drift), and ask only for capabilities granted at provisioning; each counts against the sender's
 * rate limit, and its metadata passes DLP (redacted, or refused) before it lands in a record every
 * agent can read. Every decision is audited and told to the requester like any other.
 */
@Injectable()
export class RegistrationHandler {
  private readonly registrar: ProvisionedRegistrar;

  constructor(
    redis: MasConnection,
    private readonly verifier: SignatureVerifier,
    private readonly recorder: DecisionRecorder,
    private readonly limit: SenderRateLimit,
    private readonly dlp: DlpCheck,
  ) {
    this.registrar = new ProvisionedRegistrar(redis);
  }

  /**
   * True when `ingress` is a registration request addressed to the gateway, told from its route and
   * message type without decoding it ({@link IngressMessage.claimed}).
   */
  static matches(ingress: IngressMessage): boolean {
    if (ingress.route?.targetId !== GATEWAY_SENDER_ID) return false;
    const type = ingress.claimed.messageType;
    return RegistrationHandler.isRequestType(type);
  }

  private static isRequestType(type: string | undefined): boolean {
    return type === REGISTER_REQUEST_TYPE || type === DEREGISTER_REQUEST_TYPE;
  }

  /**
   * Checks and carries out one registration request; resolves once its decision is recorded. The
   * requester's entry signature is checked before the envelope is decoded; a request without a valid
   * one is refused SIGNATURE_INVALID (told to the requester it names, as before the signature moved).
   */
  async handle(ingress: IngressMessage): Promise<void> {
    const sender = ingress.route!.senderId; // matches() read the route
    // The sender the signature names must be the one the envelope names: else nobody is
    // authenticated, and the request is audited as such (under no one's name, nothing told to either).
    const written = ingress.entrySignatureField === undefined ? undefined : ingress.writtenRoute;
    if (written !== undefined && (written.senderId !== sender || written.targetId !== GATEWAY_SENDER_ID)) {
      const reason = `malformed registration request: its envelope names "${written.senderId}", its entry signature "${sender}"`;
      await this.recorder.recordUnauthenticated([{ ingress, error: { reason, violation: 'auth:malformed' } }]);
      return;
    }
    try {
      const grant = await this.registrar.grantOf(sender);
      if (!grant) throw new AuthenticationFailedError(`"${sender}" is not provisioned`, 'auth:not_provisioned');
      if (!ingress.entrySignature) throw new SignatureInvalidError(`"${sender}" signs its registration request as written (entry field "signature"); the entry has no valid one`, 'signature:missing');
      ingress.signedWith = await this.verifier.verify(ingress); // the entry signature (before decoding), freshness, the nonce
      const message = ingress.checked; // verify decoded it, naming the sender
      if (message.targetId !== GATEWAY_SENDER_ID || !RegistrationHandler.isRequestType(message.messageType)) {
        throw new AuthenticationFailedError('malformed registration request: its envelope is not the request its entry names', 'auth:malformed');
      }
      await this.limit.hit(sender); // a registration counts against the sender's limit like any message
      if (message.messageType === DEREGISTER_REQUEST_TYPE) {
        await this.registrar.deregister(sender, String((message.data as { replica_id?: unknown }).replica_id ?? ''));
        await this.recorder.record(ingress, 'ALLOWED', 'deregistered');
        return;
      }
      this.dlp.check(ingress); // the metadata goes into a record every agent can read
      const data = (ingress.redactedData ?? message.data) as unknown as RegistrationRequestData;
      const outcome = await this.registrar.register(sender, grant, data).catch((error: unknown) => {
        if (error instanceof CapabilityNotGrantedError) throw new AuthorizationDeniedError(error.message, 'authz:capability_not_granted');
        throw error;
      });
      await this.recorder.record(ingress, 'ALLOWED', outcome === 'replica' ? 'joined as a replica' : 'registered');
    } catch (error) {
      if (!(error instanceof GatewayDenialError)) throw error;
      await this.recorder.record(ingress, error.decision, error.reason, error.violation);
    }
  }
}
