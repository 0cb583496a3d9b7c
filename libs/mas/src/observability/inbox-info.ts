import type Redis from 'ioredis';
import { MasKeys, type MasKeySpace } from '../redis/keys';

/** What the consumer group of an agent's inbox reports. */
export interface InboxInfo {
  /** Entries not yet read by the group (Redis ≥ 7; null when the server cannot tell). */
  lag: number | null;
  /** Entries read but not acknowledged. */
  pending: number;
}

/**
 * Reads the inbox group of `agentId` (XINFO GROUPS) in key space `keys` (the connection's; default the
 * flat one); undefined when the inbox or its group does not exist.
 */
export async function readInboxInfo(redis: Redis, agentId: string, keys: MasKeySpace = MasKeys): Promise<InboxInfo | undefined> {
  let groups: unknown[];
  try {
    groups = (await redis.xinfo('GROUPS', keys.inbox(agentId))) as unknown[];
  } catch (error) {
    if (/no such key/i.test((error as Error).message)) return undefined;
    throw error;
  }
  for (const group of groups) {
    const fields = group as unknown[];
    const value = (name: string) => fields[fields.indexOf(name) + 1];
    if (value('name') !== keys.inboxGroup) continue;
    const lag = value('lag');
    return { lag: typeof lag === 'number' ? lag : null, pending: Number(value('pending') ?? 0) };
  }
  return undefined;
}
