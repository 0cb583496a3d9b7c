import type Redis from 'ioredis';
import { MasKeys } from '../redis/keys';

/** What the consumer group of an agent's inbox reports. */
export interface InboxInfo {
  /** Entries not yet read by the group (Redis ≥ 7; null when the server cannot tell). */
  lag: number | null;
  /** Entries read but not acknowledged. */
  pending: number;
}

/** Reads the inbox group of `agentId` (XINFO GROUPS); undefined when the inbox or its group does not exist. */
export async function readInboxInfo(redis: Redis, agentId: string): Promise<InboxInfo | undefined> {
  let groups: unknown[];
  try {
    groups = (await redis.xinfo('GROUPS', MasKeys.inbox(agentId))) as unknown[];
  } catch (error) {
    if (/no such key/i.test((error as Error).message)) return undefined;
    throw error;
  }
  for (const group of groups) {
    const fields = group as unknown[];
    const value = (name: string) => fields[fields.indexOf(name) + 1];
    if (value('name') !== MasKeys.inboxGroup) continue;
    const lag = value('lag');
    return { lag: typeof lag === 'number' ? lag : null, pending: Number(value('pending') ?? 0) };
  }
  return undefined;
}
