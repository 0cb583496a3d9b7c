import type { MessagePriority } from '@mas/core';

/** Priority levels, highest first: the order of a weighted-round-robin round. */
export const PRIORITIES: readonly MessagePriority[] = ['CRITICAL', 'HIGH', 'NORMAL', 'LOW', 'BULK'];

/** A message admitted by the pipeline, on its way to a target's inbox (queued as JSON). */
export interface QueuedMessage {
  /** Wire JSON of the envelope to deliver (DLP-redacted, signature block removed). */
  envelope: string;
  target: string;
  sender: string;
  messageId: string;
  priority: MessagePriority;
  /** Epoch ms after which the message is dead-lettered instead of delivered. */
  expiresAt: number;
  /** SHA-256 (hex) of the token the sender authenticated with (kept in its dead letter, for a replay). */
  tokenHash?: string;
  /**
   * SHA-256 (hex) of the public key that verified a provisioned sender's entry signature (kept in its
   * dead letter: the envelope queued is the one to deliver, which that signature does not cover, so a
   * replay is authenticated by this key being still the sender's).
   */
  senderKeyHash?: string;
}

/**
 * When a message expires: its timestamp (seconds) plus its `meta.ttl_ms` when it asks for one
 * (capped at `maxTtlMs`), else `defaultTtlMs`.
 */
export function expiryOf(envelope: Record<string, unknown> | undefined, timestampSeconds: number, defaultTtlMs: number, maxTtlMs: number): number {
  const meta = envelope?.meta as { ttl_ms?: unknown } | undefined;
  const asked = typeof meta?.ttl_ms === 'number' && meta.ttl_ms > 0 ? meta.ttl_ms : undefined;
  return Math.round(timestampSeconds * 1000) + Math.min(asked ?? defaultTtlMs, maxTtlMs);
}
