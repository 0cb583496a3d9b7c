/**
 * One entry of the dead-letter stream `dlq:messages` as every reader sees it (the gateway's
 * `GET /dlq`, the registry dashboard, `mas dlq`). Strings are `''` when the entry does not say.
 */
export interface DeadLetterView {
  /** Stream entry id. */
  id: string;
  /** The agent the message was for: the entry's `agent_id`, else the envelope's `target_id`. */
  agentId: string;
  /** The sender: the entry's `sender_id`, else the envelope's. */
  senderId: string;
  /** The message id: the entry's `message_id`, else the envelope's. */
  messageId: string;
  /** The envelope's `message_type`. */
  messageType: string;
  reason: string;
  /** Deliveries tried (1 when the entry does not say). */
  attempts: number;
  /** Epoch seconds; 0 when the entry does not say. */
  failedAt: number;
  /** `mas.gateway`, or the inbox stream it came from. */
  source: string;
  /** Id of the entry it was in that stream. */
  entryId: string;
  /** The envelope JSON as stored (`''` when the entry has none). */
  envelope: string;
  /** Every field of the entry except the envelope, as stored (foreign writers may add their own). */
  fields: Record<string, string>;
}

/** What is written for one dead letter (see `DEAD_LETTER_FIELDS`). */
export interface DeadLetterInput {
  /** The envelope JSON as it would have been delivered (`''` when unreadable or missing). */
  envelope: string;
  /** The agent the message was for. */
  agentId: string;
  reason: string;
  attempts: number;
  /** Epoch seconds; now when omitted. */
  failedAt?: number;
  /** `mas.gateway`, or the inbox stream it came from. */
  source: string;
  /** Id of the entry in that stream (`''` when none). */
  entryId: string;
  senderId?: string;
  messageId?: string;
  /** More fields, written after the standard ones (e.g. the gateway's signature of the letter). */
  extra?: Record<string, string>;
}

/** Filters and paging of {@link DeadLetterStream.list}. */
export interface DeadLetterQuery {
  /** Only entries for this agent ({@link DeadLetterView.agentId}: the agent the message was for). */
  agentId?: string;
  /** Start after this entry id (exclusive): the last id of the previous page. */
  after?: string;
  /** At most this many entries (default 100). */
  limit?: number;
}
