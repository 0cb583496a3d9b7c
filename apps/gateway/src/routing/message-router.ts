import { Injectable } from '@nestjs/common';
import { hash } from 'node:crypto';
import { AgentMessage, GATEWAY_SIGNATURE_FIELD, MessageEncodingError } from '@mas/core';
import { GatewaySecrets } from '../identity/gateway-secrets';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { AuthorizationDeniedError, CircuitOpenError, RoutingFailedError } from '../message/gateway-denial.errors';
import type { IngressMessage } from '../message/ingress-message';
import { CircuitBreaker } from './circuit-breaker';
import { DeadLetterReason, DeadLetters } from './dead-letters';
import { Deliverer } from './deliverer';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { PriorityQueues } from './priority-queues';
import { expiryOf, QueuedMessage } from './queued-message';
import { ReplyTracker } from './reply-tracker';
import { TracedCheck, withGatewayTraceContext } from '../observability/gateway-tracing';
import { senderKeyHashOf } from '../auth/sender-credentials';

/**
 * Routing of a message the guards and interceptors let through: refused (and dead-lettered) when the
 * target's circuit is OPEN or the message already expired, otherwise queued by priority and handed to
 * the dispatcher — or, with `features.priorityQueue` off, delivered at once. What goes out is signed by
 * the gateway (`gateway_signature`); a request is noted as awaiting its reply from the target, and a
 * reply settles the request it answers (once).
 */
@Injectable()
export class MessageRouter {
  constructor(
    private readonly queues: PriorityQueues,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly deliverer: Deliverer,
    private readonly breaker: CircuitBreaker,
    private readonly deadLetters: DeadLetters,
    private readonly replies: ReplyTracker,
    private readonly secrets: GatewaySecrets,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  /**
   * Admits the message; resolves with what happened to it (for the ALLOWED decision's reason).
   * @throws CircuitOpenError, RoutingFailedError (the message is in the dead-letter stream then).
   */
  @TracedCheck('routing')
  async admit(ingress: IngressMessage): Promise<string> {
    const queued = await this.toQueued(ingress);
    const { meta, senderId, targetId } = ingress.checked;
    if (meta.isReply && meta.correlationId && !(await this.replies.settle(targetId, meta.correlationId, senderId))) {
      throw new AuthorizationDeniedError('the request this reply answers was already settled', 'authz:unsolicited_reply');
    }
    if (meta.expectsReply && meta.correlationId) await this.replies.expect(senderId, meta.correlationId, targetId);
    const circuit = this.breaker.peekStored(ingress.prefetched?.circuit) ?? (await this.breaker.peek(queued.target));
    if (circuit === 'OPEN') {
      await this.deadLetter(ingress, queued, 'circuit_open', `the circuit of "${queued.target}" is open`);
      throw new CircuitOpenError(`the circuit of "${queued.target}" is open; the message was dead-lettered`, 'routing:circuit_open');
    }
    // What the target declared it accepts, held here: provisioned senders may not read it (the
    // target writes it: a channel past the gateway), and the target would drop a larger envelope.
    const known = this.deliverer.knownMaxBytes(queued.target);
    const maxBytes = known !== undefined ? known : await this.deliverer.declaredMaxBytes(queued.target);
    const bytes = maxBytes === null ? 0 : Buffer.byteLength(queued.envelope);
    if (maxBytes !== null && bytes > maxBytes) {
      throw new RoutingFailedError(`the envelope (${bytes} bytes as delivered) is larger than the ${maxBytes} bytes "${queued.target}" accepts`, 'routing:too_large');
    }
    if (queued.expiresAt <= Date.now()) {
      await this.deadLetter(ingress, queued, 'expired', 'expired before routing');
      throw new RoutingFailedError('the message expired before it could be routed; it was dead-lettered', 'routing:expired');
    }
    if (!this.settings.features.priorityQueue) {
      // What the batch read (the target's status, which authorization found ACTIVE; a CLOSED
      // circuit) serves the delivery too: a CLOSED circuit grants without a change of state.
      const outcome = await this.deliverer.deliver(queued, ingress.prefetched?.policy?.targetStatus ?? undefined, circuit === 'CLOSED' ? circuit : undefined);
      if (outcome.delivered) return 'delivered';
      await this.deadLetter(ingress, queued, outcome.reason, outcome.detail);
      const reason = `${outcome.detail}; the message was dead-lettered`;
      throw outcome.reason === 'circuit_open' ? new CircuitOpenError(reason, 'routing:circuit_open') : new RoutingFailedError(reason, `routing:${outcome.reason}`);
    }
    await this.queues.enqueueSoon(queued);
    this.dispatcher.kick(queued.target);
    return `queued for delivery (${queued.priority})`;
  }

  /**
   * Dead-letters a message refused here. Not a DLQ replay: the letter replayed stays where it is, and
   * a second letter of the same message would be replayed too (delivering it twice).
   */
  private async deadLetter(ingress: IngressMessage, queued: QueuedMessage, code: DeadLetterReason, detail: string): Promise<void> {
    if (!ingress.replay) await this.deadLetters.add(queued, code, detail, ingress.entryId);
  }

  /**
   * What goes to the target: the envelope with DLP redactions applied, the sender's signature block
   * removed, the gateway's added (signed with the other deliveries and decisions of this turn).
   */
  private async toQueued(ingress: IngressMessage): Promise<QueuedMessage> {
    const message = ingress.checked;
    const outgoing = new AgentMessage(
      message.senderId,
      message.targetId,
      message.messageType,
      ingress.redactedData ?? message.data,
      withGatewayTraceContext(message.meta),
      message.timestamp,
      message.messageId,
    );
    const { signature: _signature, [GATEWAY_SIGNATURE_FIELD]: _forged, ...extra } = message.extra ?? {};
    if (Object.keys(extra).length) outgoing.extra = extra;
    const envelope = await encodeSigned(this.secrets, outgoing.toWire() as unknown as Record<string, unknown>, message.messageType);
    const { defaultTtlMs, maxTtlMs } = this.settings.priorityQueue;
    const verifiedWith = ingress.signatureVerifiedWith;
    const senderKeyHash = verifiedWith ? senderKeyHashOf(verifiedWith) : ingress.replay?.senderKeyHash;
    return {
      envelope,
      target: message.targetId,
      sender: message.senderId,
      messageId: message.messageId,
      priority: ingress.priority,
      expiresAt: expiryOf(ingress.envelope, message.timestamp, defaultTtlMs, maxTtlMs),
      tokenHash: ingress.replay?.tokenHash ?? hash('sha256', ingress.token),
      ...(senderKeyHash ? { senderKeyHash } : {}),
    };
  }
}

/** The signed wire form of an outgoing envelope (its canonical JSON, with the gateway's block). */
function encodeSigned(secrets: GatewaySecrets, wire: Record<string, unknown>, messageType: string): Promise<string> {
  try {
    return secrets.identity.encodeSignedInBatch(wire);
  } catch (error) {
    throw new MessageEncodingError(messageType, (error as Error).message, { cause: error });
  }
}
