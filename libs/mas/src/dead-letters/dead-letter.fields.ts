import { MasKeys } from '../redis/keys';

/**
 * Field names of a `dlq:messages` entry, written by the reliable inboxes and the gateway and read by
 * the gateway, the registry dashboard and the CLI. `senderId` and `messageId` are written by the
 * gateway only (readers fall back to the envelope).
 */
export const DEAD_LETTER_FIELDS = {
  /** The envelope JSON as it would have been delivered. */
  envelope: MasKeys.envelopeField,
  /** The agent the message was for. */
  agentId: 'agent_id',
  /** Why it was dead-lettered (`<code>: <detail>` from the gateway). */
  reason: 'reason',
  /** Deliveries tried. */
  attempts: 'attempts',
  /** Epoch seconds, as a decimal string. */
  failedAt: 'failed_at',
  /** `mas.gateway`, or the inbox stream the entry came from. */
  source: 'source',
  /** Id of the entry in that stream (inbox or ingress). */
  entryId: 'entry_id',
  senderId: 'sender_id',
  messageId: 'message_id',
} as const;

/**
 * Older or foreign names of the agent a dead letter was for, read when {@link DEAD_LETTER_FIELDS.agentId}
 * is absent (before falling back to the envelope's `target_id`).
 */
export const DEAD_LETTER_TARGET_ALIASES = ['target_id', 'target'] as const;
