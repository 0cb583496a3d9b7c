import type Redis from 'ioredis';
import type { MasKeySpace } from '../redis/keys';
import type { StreamEntry } from '../redis/stream-fields';
import { deadLetterFields, deadLetterViewOf } from './dead-letter.codec';
import type { DeadLetterInput, DeadLetterQuery, DeadLetterView } from './dead-letter.interfaces';

/** Entries read per XRANGE while filtering a listing. */
const SCAN_PAGE = 500;

/** Options of a {@link DeadLetterStream}. */
export interface DeadLetterStreamOptions {
  /** Approximate cap on the stream's length applied by {@link DeadLetterStream.add} (XADD MAXLEN ~). Default 100 000. */
  maxLength?: number;
}

/**
 * The dead-letter stream `dlq:messages`, shared by the agents' reliable inboxes (a handler kept
 * failing: they move the entry with an atomic script that writes {@link deadLetterFields}) and the
 * gateway (a message it could not deliver). Lists, gets and removes entries as
 * {@link DeadLetterView}s for the gateway, the registry dashboard and the CLI.
 */
export class DeadLetterStream {
  private readonly maxLength: number;

  constructor(
    private readonly redis: Redis,
    private readonly keys: MasKeySpace,
    options: DeadLetterStreamOptions = {},
  ) {
    this.maxLength = options.maxLength ?? 100_000;
  }

  /** Appends a dead letter; resolves with its entry id. */
  async add(letter: DeadLetterInput): Promise<string> {
    const id = await this.redis.xadd(this.keys.deadLetters, 'MAXLEN', '~', this.maxLength, '*', ...deadLetterFields(letter));
    return id!;
  }

  /** Number of entries. */
  count(): Promise<number> {
    return this.redis.xlen(this.keys.deadLetters);
  }

  /** Up to `limit` entries (default 100) after `after` (exclusive), oldest first; only those for `agentId` when given. */
  async list(query: DeadLetterQuery = {}): Promise<DeadLetterView[]> {
    const limit = Math.max(1, query.limit ?? 100);
    const count = query.agentId ? SCAN_PAGE : Math.min(limit, SCAN_PAGE);
    let start = query.after ? `(${query.after}` : '-';
    const out: DeadLetterView[] = [];
    for (;;) {
      const page = (await this.redis.xrange(this.keys.deadLetters, start, '+', 'COUNT', count)) as StreamEntry[];
      for (const [id, flat] of page) {
        const letter = deadLetterViewOf(id, flat);
        if (!query.agentId || letter.agentId === query.agentId) out.push(letter);
        if (out.length >= limit) return out;
      }
      if (page.length < count) return out;
      start = `(${page[page.length - 1][0]}`;
    }
  }

  /** One entry, or undefined. */
  async get(id: string): Promise<DeadLetterView | undefined> {
    const [entry] = await this.getMany([id]);
    return entry;
  }

  /** The entries with these ids, in the same order (undefined for an id not in the stream). */
  async getMany(ids: readonly string[]): Promise<Array<DeadLetterView | undefined>> {
    if (!ids.length) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.xrange(this.keys.deadLetters, id, id);
    const replies = (await pipeline.exec()) ?? [];
    return ids.map((_, i) => {
      const [error, page] = replies[i] ?? [new Error('no reply')];
      const [entry] = (error ? [] : page) as StreamEntry[];
      return entry ? deadLetterViewOf(entry[0], entry[1]) : undefined;
    });
  }

  /** Removes an entry (after a successful replay); resolves true when it was there. */
  async remove(id: string): Promise<boolean> {
    return (await this.redis.xdel(this.keys.deadLetters, id)) > 0;
  }
}
