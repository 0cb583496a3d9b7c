import { Injectable } from '@nestjs/common';
import { MasError } from '@mas/core';
import { IngressMessage } from '../message/ingress-message';
import { GatewayPipeline } from '../pipeline/gateway-pipeline';
import { DeadLetters } from './dead-letters';
import { traceIngress } from '../observability/gateway-tracing';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { expiryOf } from './queued-message';

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
  /** True when the pipeline admitted it again (it is queued for delivery and left the dead-letter stream). */
  delivered: boolean;
  /** The pipeline's decision (absent when the letter could not be replayed at all). */
  decision?: string;
  /** Why it was not admitted (it stays in the dead-letter stream). */
  reason?: string;
}

/**
 * Replays dead letters the gateway itself wrote and signed: the envelope runs through the whole
 * pipeline again as its original sender — authentication (the token it came with, kept as a hash,
 * must still be the sender's and not revoked; a provisioned sender's entry signature, kept with the
 * envelope as written, is checked again, or for a message dead-lettered after it was admitted the key
 * that verified it then must still be the sender's), authorization, rate limit, DLP, audit, routing — and
 * leaves the stream once admitted. A letter the gateway did not sign (an inbox's, a planted or an
 * altered one) is refused and stays where it is.
 */
@Injectable()
export class DeadLetterReplay {
  constructor(
    private readonly deadLetters: DeadLetters,
    private readonly pipeline: GatewayPipeline,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {}

  /**
   * Replays entry `id`.
   * @throws DeadLetterNotFoundError
   */
  async replay(id: string): Promise<ReplayResult> {
    const letter = await this.deadLetters.get(id);
    if (!letter) throw new DeadLetterNotFoundError(id);
    const refused = (reason: string): ReplayResult => ({ id, messageId: letter.messageId, target: letter.agentId, delivered: false, reason });
    const signed = this.deadLetters.signedContent(letter);
    if (!signed) return refused('not a dead letter the gateway wrote and signed: it cannot be replayed');
    const ingress = new IngressMessage(`replay:${id}`, '', false, 1);
    ingress.replay = { letterId: id, tokenHash: signed.tokenHash, ...(signed.entrySignature === undefined && signed.senderKeyHash ? { senderKeyHash: signed.senderKeyHash } : {}) };
    ingress.holdWritten(signed.envelope, signed.entrySignature); // the sender's entry signature, if it came with one, is checked again
    if (!ingress.message) return refused(`unreadable envelope: ${ingress.parseError}`);
    if (ingress.message.senderId !== signed.senderId || ingress.message.targetId !== signed.agentId) return refused('the envelope does not match its letter');
    // One replay at a time of a letter, and once: two at once (two operators, two instances) or of a
    // copy of the letter would each queue the message.
    const claim = await this.deadLetters.claimReplay(id, signed);
    if (!claim) return refused('this letter (or a copy of it) is being replayed or was replayed already');
    const outcome = await traceIngress(ingress, () => this.pipeline.process(ingress)).catch(async (error: unknown) => {
      await claim.release();
      throw error;
    });
    if (outcome.decision !== 'ALLOWED') {
      await claim.release();
      return { ...refused(outcome.reason), decision: outcome.decision };
    }
    const { defaultTtlMs, maxTtlMs } = this.settings.priorityQueue;
    await claim.keep(expiryOf(ingress.envelope, ingress.message.timestamp, defaultTtlMs, maxTtlMs));
    await this.deadLetters.remove(id);
    return { id, messageId: ingress.message.messageId, target: ingress.message.targetId, delivered: true, decision: outcome.decision };
  }

  /** Replays, oldest first, up to `limit` entries (for `agentId` only when given). */
  async replayAll(options: { agentId?: string; limit?: number } = {}): Promise<ReplayResult[]> {
    const results: ReplayResult[] = [];
    for (const letter of await this.deadLetters.list(options)) results.push(await this.replay(letter.id));
    return results;
  }
}
