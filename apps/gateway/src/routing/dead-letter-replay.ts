import { Injectable } from '@nestjs/common';
import { decodeMessage, MasError } from '@mas/core';
import { AuditTrail } from '../audit/audit-trail';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { DeadLetters } from './dead-letters';
import { Deliverer } from './deliverer';

/** No dead letter has this id. */
export class DeadLetterNotFoundError extends MasError {
  override readonly code = 'DEAD_LETTER_NOT_FOUND';
  constructor(readonly id: string) {
    super(`No entry ${id} in dlq:messages`);
  }
}

/** Outcome of replaying one dead letter. */
export interface ReplayResult {
  id: string;
  messageId: string;
  target: string;
  delivered: boolean;
  /** Why it was not delivered (it stays in the dead-letter stream). */
  reason?: string;
}

/**
 * Replays dead letters (the gateway's and the inboxes'): delivers the envelope to its target again
 * through the circuit breaker, with a fresh time to live, audits the attempt, and removes the entry
 * once delivered. An entry that still cannot be delivered stays where it is.
 */
@Injectable()
export class DeadLetterReplay {
  constructor(
    private readonly deadLetters: DeadLetters,
    private readonly deliverer: Deliverer,
    private readonly audit: AuditTrail,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  /**
   * Replays entry `id`.
   * @throws DeadLetterNotFoundError
   */
  async replay(id: string): Promise<ReplayResult> {
    const letter = await this.deadLetters.get(id);
    if (!letter) throw new DeadLetterNotFoundError(id);
    let message;
    try {
      message = decodeMessage(letter.envelope);
    } catch (error) {
      return { id, messageId: letter.messageId, target: letter.agentId, delivered: false, reason: `unreadable envelope: ${(error as Error).message}` };
    }
    const queued = {
      envelope: letter.envelope,
      target: message.targetId,
      sender: message.senderId,
      messageId: message.messageId,
      priority: message.meta.priority ?? 'NORMAL',
      expiresAt: Date.now() + this.settings.priorityQueue.defaultTtlMs,
    } as const;
    const outcome = await this.deliverer.deliver(queued);
    await this.audit.append({
      stage: 'replay',
      decision: outcome.delivered ? 'ALLOWED' : outcome.reason === 'circuit_open' ? 'CIRCUIT_OPEN' : 'ROUTING_FAILED',
      reason: outcome.delivered ? `replayed from dlq:messages ${id}` : `replay of ${id} failed: ${outcome.detail}`,
      messageId: queued.messageId,
      senderId: queued.sender,
      targetId: queued.target,
      messageType: message.messageType,
      priority: queued.priority,
      violations: outcome.delivered ? [] : [`routing:${outcome.reason}`],
    });
    if (!outcome.delivered) return { id, messageId: queued.messageId, target: queued.target, delivered: false, reason: outcome.detail };
    await this.deadLetters.remove(id);
    return { id, messageId: queued.messageId, target: queued.target, delivered: true };
  }

  /** Replays, oldest first, up to `limit` entries (for `agentId` only when given). */
  async replayAll(options: { agentId?: string; limit?: number } = {}): Promise<ReplayResult[]> {
    const results: ReplayResult[] = [];
    for (const letter of await this.deadLetters.list(options)) results.push(await this.replay(letter.id));
    return results;
  }
}
