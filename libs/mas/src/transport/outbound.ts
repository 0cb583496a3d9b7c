import type Redis from 'ioredis';
import { AgentMessage, encodeMessage } from '../protocol';
import { MasKeys } from '../redis/keys';

/**
 * Puts one message on the wire: PUBLISH to `agent.{target}` (direct; resolves with the number
 * of subscribers reached), or XADD to the target's inbox stream `agent.stream:{target}` when
 * `inbox` is given (reliable; resolves with 1 once Redis stored it).
 */
export async function publishEnvelope(
  redis: Redis,
  message: AgentMessage,
  inbox?: { maxLength: number },
): Promise<number> {
  const payload = encodeMessage(message);
  if (!inbox) return redis.publish(MasKeys.agentChannel(message.targetId), payload);
  await redis.xadd(MasKeys.inbox(message.targetId), 'MAXLEN', '~', inbox.maxLength, '*', MasKeys.envelopeField, payload);
  return 1;
}
