import { Injectable } from '@nestjs/common';
import { execAll, MasConnection, slotPipeline } from '@mas/core';
import { AuthenticationRefusal, authenticateBatch, queueSenderCredentials } from '../auth/sender-credentials';
import { AccessPolicy, PolicyFacts } from '../authz/access-policy';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import type { IngressMessage } from '../message/ingress-message';
import { CircuitBreaker } from '../routing/circuit-breaker';
import { SignatureVerifier } from '../signature/signature-verifier';

/** The reads queued for one (sender, target) of a batch, shared by its entries. */
interface PairReads {
  sender: string;
  target: string;
  /** Authorization facts, queued once an entry of the pair is not a reply. */
  facts?: (results: unknown[]) => PolicyFacts;
  prefetched?: IngressMessage['prefetched'];
}

/**
 * Reads what the checks of a whole ingress batch need in one pipeline (two with RBAC: the role
 * permissions once the roles are known), each fact once per distinct sender, target or role: the
 * credentials (authentication), the authorization facts (target status, block and allow lists,
 * roles and their permissions), the signing keys and the targets' circuits; and authenticates the
 * batch from them. The guards and interceptors then decide from them without a round trip of their
 * own; they read for themselves what is absent (a DLQ replay, a batch whose read failed). The facts
 * are as fresh as the batch: read after the entries were. Per entry only map lookups: the entries of
 * one (sender, target) share their reads, so a flood of junk costs little beyond its parsing.
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

  /**
   * Fills `credentials` of each message, and `prefetched` of each authenticated one, and returns each
   * one's authentication refusal ({@link authenticateBatch}; undefined when authenticated), in the
   * order of `batch`. Entries are grouped by their {@link IngressMessage.route}, so those refused are
   * never decoded; role permissions are read only for the pairs with an authenticated entry: a batch
   * of junk costs one round trip. Rejects (leaving them unset) when Redis does.
   */
  async read(batch: readonly IngressMessage[]): Promise<Array<AuthenticationRefusal | undefined>> {
    const pipeline = slotPipeline(this.redis.command);
    const credentials = queueSenderCredentials(pipeline, this.redis.keys, batch);
    const pairs = new Map<string, Map<string, PairReads>>();
    const keys = new Map<string, ReturnType<SignatureVerifier['queueKeys']>>();
    const circuits = new Map<string, ReturnType<CircuitBreaker['queuePeek']>>();
    const pairOf = batch.map((ingress) => {
      const route = ingress.route;
      if (!route) return undefined;
      const { senderId, targetId } = route;
      let targets = pairs.get(senderId);
      if (!targets) pairs.set(senderId, (targets = new Map()));
      let pair = targets.get(targetId);
      if (!pair) {
        targets.set(targetId, (pair = { sender: senderId, target: targetId }));
        if (this.settings.features.messageSigning && !keys.has(senderId)) keys.set(senderId, this.signatures.queueKeys(pipeline, senderId));
        if (!circuits.has(targetId)) circuits.set(targetId, this.breaker.queuePeek(pipeline, targetId));
      }
      if (!route.replyHint) pair.facts ??= this.policy.queueFacts(pipeline, senderId, targetId);
      return pair;
    });
    if (!pipeline.length) return authenticateBatch(batch, this.settings);
    const results = await execAll(pipeline);
    const read = credentials(results);
    batch.forEach((ingress, i) => (ingress.credentials = read[i]));
    const refusals = authenticateBatch(batch, this.settings);
    const admitted = new Set<PairReads>();
    pairOf.forEach((pair, i) => pair && !refusals[i] && admitted.add(pair));
    for (const pair of admitted) {
      pair.prefetched = { policy: pair.facts?.(results), signingKeys: keys.get(pair.sender)?.(results), circuit: circuits.get(pair.target)?.(results) };
    }
    if (this.settings.features.rbac) await this.readRolePermissions([...admitted].flatMap((pair) => pair.prefetched?.policy ?? []));
    batch.forEach((ingress, i) => {
      const pair = pairOf[i];
      if (!pair || refusals[i]) return;
      const message = ingress.checked; // authenticated, so decoded, and the route is its own: checked all the same
      if (message.senderId === pair.sender && message.targetId === pair.target) ingress.prefetched = pair.prefetched;
    });
    return refusals;
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
