import { Injectable } from '@nestjs/common';
import {
  createMessage,
  GATEWAY_DECISIONS_TYPE,
  GATEWAY_SENDER_ID,
  GatewayDecision,
  GatewayDecisionNotice,
  MasConnection,
  publishPayload,
} from '@mas/core';
import { GatewaySecrets } from '../identity/gateway-secrets';

/** Most decisions in one envelope. */
const MAX_DECISIONS = 512;
/** About the most bytes of decisions in one envelope (well under an agent's 1 MiB default limit). */
const MAX_DECISION_BYTES = 256 * 1024;

interface Waiting {
  notice: GatewayDecisionNotice;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Tells waiting senders the decisions about their messages: the decisions about one sender's
 * messages taken in one event-loop turn go out together, as one envelope on `agent.{sender}` of type
 * `mas.gateway.decisions` (`data.decisions`: `{ message_id, decision, reason }` each), so that a
 * batch costs one PUBLISH and one signature check per sender rather than one per message. The
 * sender settles each waiting `send` with its decision (a refusal rejects it with
 * `GatewayRejectedError`). The envelopes of one turn are signed together by the gateway's identity
 * (`gateway_signature`, `ed25519-merkle`), so an agent can tell them from forged decisions.
 */
@Injectable()
export class DecisionNotifier {
  private waiting = new Map<string, Waiting[]>();
  private scheduled = false;

  constructor(
    private readonly redis: MasConnection,
    private readonly secrets: GatewaySecrets,
  ) {}

  /** Sends `decision` about `messageId` to `senderId` with the others of this turn; resolves once published. */
  notify(senderId: string, messageId: string, decision: GatewayDecision, reason: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let mine = this.waiting.get(senderId);
      if (!mine) this.waiting.set(senderId, (mine = []));
      mine.push({ notice: { message_id: messageId, decision, reason }, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batches: Array<{ senderId: string; waiting: Waiting[] }> = [];
    for (const [senderId, waiting] of this.waiting) for (const chunk of chunked(waiting)) batches.push({ senderId, waiting: chunk });
    this.waiting = new Map();
    let signed: string[];
    try {
      signed = this.secrets.identity.encodeSignedTogether(
        batches.map(({ senderId, waiting }) =>
          createMessage({
            senderId: GATEWAY_SENDER_ID,
            targetId: senderId,
            messageType: GATEWAY_DECISIONS_TYPE,
            data: { decisions: waiting.map(({ notice }) => notice) },
          }).toWire() as unknown as Record<string, unknown>,
        ),
      );
    } catch (error) {
      for (const batch of batches) for (const w of batch.waiting) w.reject(error);
      return;
    }
    batches.forEach(({ senderId, waiting }, i) =>
      publishPayload(this.redis.command, this.redis.keys, senderId, signed[i]).then(
        () => waiting.forEach((w) => w.resolve()),
        (error: unknown) => waiting.forEach((w) => w.reject(error)),
      ),
    );
  }
}

/** `waiting` cut into envelopes of at most {@link MAX_DECISIONS} decisions and about {@link MAX_DECISION_BYTES}. */
function chunked(waiting: Waiting[]): Waiting[][] {
  const chunks: Waiting[][] = [];
  let chunk: Waiting[] = [];
  let bytes = 0;
  for (const w of waiting) {
    const size = w.notice.message_id.length + w.notice.reason.length + 64;
    if (chunk.length && (chunk.length >= MAX_DECISIONS || bytes + size > MAX_DECISION_BYTES)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(w);
    bytes += size;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}
