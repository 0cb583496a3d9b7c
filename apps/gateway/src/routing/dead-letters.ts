import { Injectable } from '@nestjs/common';
import { MasConnection, MasKeys } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { GatewayMetrics } from '../observability/gateway-metrics';
import type { QueuedMessage } from './queued-message';

/** Value of the `source` field of the dead letters the gateway writes. */
export const GATEWAY_DLQ_SOURCE = 'mas.gateway';

/** Why the gateway dead-lettered a message. */
export type DeadLetterReason = 'circuit_open' | 'expired' | 'target_gone' | 'delivery_failed' | 'unprocessable';

/** One entry of `dlq:messages` (written by the gateway or by an agent's inbox). */
export interface DeadLetter {
  id: string;
  /** The agent it was for. */
  agentId: string;
  senderId: string;
  messageId: string;
  reason: string;
  attempts: number;
  /** Epoch seconds. */
  failedAt: number;
  /** `mas.gateway`, or the inbox stream it came from. */
  source: string;
  /** The envelope as it would have been delivered (JSON). */
  envelope: string;
}

/**
 * The dead-letter stream `dlq:messages`, shared with the agents' inboxes (same fields: envelope,
 * agent_id, reason, attempts, failed_at, source, entry_id; the gateway adds sender_id, message_id).
 */
@Injectable()
export class DeadLetters {
  constructor(
    private readonly redis: MasConnection,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
    private readonly metrics: GatewayMetrics,
  ) {}

  /** Dead-letters a message (`entryId`: the ingress entry it came from); resolves with the entry id. */
  async add(
    message: Pick<QueuedMessage, 'envelope' | 'target' | 'sender' | 'messageId'>,
    code: DeadLetterReason,
    detail: string,
    entryId = '',
  ): Promise<string> {
    const id = await this.redis.command.xadd(
      MasKeys.deadLetters,
      'MAXLEN',
      '~',
      this.settings.delivery.deadLetterMaxLength,
      '*',
      'envelope', message.envelope,
      'agent_id', message.target,
      'reason', `${code}: ${detail}`,
      'attempts', '1',
      'failed_at', (Date.now() / 1000).toString(),
      'source', GATEWAY_DLQ_SOURCE,
      'entry_id', entryId,
      'sender_id', message.sender,
      'message_id', message.messageId,
    );
    this.metrics.deadLetters.inc({ reason: code });
    return id!;
  }

  /** Entries after `after` (exclusive), oldest first; optionally only those for `agentId`. */
  async list(options: { limit?: number; after?: string; agentId?: string } = {}): Promise<DeadLetter[]> {
    const limit = Math.max(1, options.limit ?? 100);
    let start = options.after ? `(${options.after}` : '-';
    const out: DeadLetter[] = [];
    for (;;) {
      const page = (await this.redis.command.xrange(MasKeys.deadLetters, start, '+', 'COUNT', 500)) as Array<[string, string[]]>;
      for (const [id, flat] of page) {
        const letter = toDeadLetter(id, flat);
        if (!options.agentId || letter.agentId === options.agentId) out.push(letter);
        if (out.length >= limit) return out;
      }
      if (page.length < 500) return out;
      start = `(${page[page.length - 1][0]}`;
    }
  }

  /** One entry, or undefined. */
  async get(id: string): Promise<DeadLetter | undefined> {
    const [entry] = (await this.redis.command.xrange(MasKeys.deadLetters, id, id)) as Array<[string, string[]]>;
    return entry ? toDeadLetter(entry[0], entry[1]) : undefined;
  }

  /** Removes an entry (after a successful replay). */
  async remove(id: string): Promise<void> {
    await this.redis.command.xdel(MasKeys.deadLetters, id);
  }
}

function toDeadLetter(id: string, flat: string[]): DeadLetter {
  const f: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) f[flat[i]] = flat[i + 1];
  let envelope: { sender_id?: unknown; message_id?: unknown } = {};
  try {
    envelope = JSON.parse(f.envelope ?? '{}') as typeof envelope;
  } catch {
    // an unreadable envelope is listed as it is
  }
  return {
    id,
    agentId: f.agent_id ?? '',
    senderId: f.sender_id ?? String(envelope.sender_id ?? ''),
    messageId: f.message_id ?? String(envelope.message_id ?? ''),
    reason: f.reason ?? '',
    attempts: Number(f.attempts ?? 1),
    failedAt: Number(f.failed_at ?? 0),
    source: f.source ?? '',
    envelope: f.envelope ?? '',
  };
}
