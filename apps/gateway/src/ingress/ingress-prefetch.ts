import { Injectable } from '@nestjs/common';
import { execAll, MasConnection, slotPipeline } from '@mas/core';
import { queueSenderCredentials } from '../auth/sender-credentials';
import { AccessPolicy, PolicyFacts } from '../authz/access-policy';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import type { IngressMessage } from '../message/ingress-message';
import { CircuitBreaker } from '../routing/circuit-breaker';
import { SignatureVerifier } from '../signature/signature-verifier';

/**
 * Reads what the checks of a whole ingress batch need in one pipeline (two with RBAC: the role
 * permissions once the roles are known), each fact once per distinct sender, target or role: the
 * credentials (authentication), the authorization facts (target status, block and allow lists,
 * roles and their permissions), the signing keys and the targets' circuits. The guards and interceptors then decide from
 * them without a round trip of their own; they read for themselves what is absent (a DLQ replay, a
 * batch whose read failed). The facts are as fresh as the batch: read after the entries were.
 */
@Injectable()
export class IngressPrefetch {
  constructor(
    private readonly redis: MasConnection,
    private readonly policy: AccessPolicy,
    private readonly signatures: SignatureVerifier,
    private readonly breaker: CircuitBreaker,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  /** Fills `credentials` and `prefetched` of each message; rejects (leaving them unset) when Redis does. */
  async read(batch: readonly IngressMessage[]): Promise<void> {
    const pipeline = slotPipeline(this.redis.command);
    const credentials = queueSenderCredentials(pipeline, this.redis.keys, batch);
    const facts = new Map<string, (results: unknown[]) => PolicyFacts>();
    const keys = new Map<string, ReturnType<SignatureVerifier['queueKeys']>>();
    const circuits = new Map<string, ReturnType<CircuitBreaker['queuePeek']>>();
    for (const ingress of batch) {
      const message = ingress.message;
      if (!message) continue;
      const pair = `${message.senderId}\u0000${message.targetId}`;
      if (!message.meta.isReply && !facts.has(pair)) facts.set(pair, this.policy.queueFacts(pipeline, message.senderId, message.targetId));
      if (this.settings.features.messageSigning && !keys.has(message.senderId)) keys.set(message.senderId, this.signatures.queueKeys(pipeline, message.senderId));
      if (!circuits.has(message.targetId)) circuits.set(message.targetId, this.breaker.queuePeek(pipeline, message.targetId));
    }
    if (!pipeline.length) return;
    const results = await execAll(pipeline);
    const read = credentials(results);
    const policies = new Map([...facts].map(([pair, of]) => [pair, of(results)]));
    if (this.settings.features.rbac) await this.readRolePermissions([...policies.values()]);
    batch.forEach((ingress, i) => {
      ingress.credentials = read[i];
      const message = ingress.message;
      if (!message) return;
      const signingKeys = keys.get(message.senderId)?.(results);
      const circuit = circuits.get(message.targetId)?.(results);
      ingress.prefetched = { policy: policies.get(`${message.senderId}\u0000${message.targetId}`), signingKeys, circuit };
    });
  }

  private async readRolePermissions(facts: PolicyFacts[]): Promise<void> {
    const roles = [...new Set(facts.flatMap((f) => this.policy.effectiveRoles(f.roles)))];
    if (!roles.length) return;
    const pipeline = slotPipeline(this.redis.command);
    const read = this.policy.queueRolePermissions(pipeline, roles);
    const permissions = read(await execAll(pipeline));
    for (const f of facts) f.permissions = permissions;
  }
}
