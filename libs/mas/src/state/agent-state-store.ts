import { MasConnection } from '../redis/mas-connection';
import { decodeStateFields, encodeStateFields } from './state-codec';

/**
 * Reads and writes the persisted state of agents (`agent.state:{id}` hashes), field by field,
 * in the encoding shared with the Python implementation.
 */
export class AgentStateStore {
  constructor(private readonly connection: MasConnection) {}

  /** The decoded state of `agentId` (empty object when none was saved). */
  async load(agentId: string): Promise<Record<string, unknown>> {
    return decodeStateFields(await this.connection.command.hgetall(this.connection.keys.state(agentId)));
  }

  /** The decoded values of some fields (missing fields are absent from the result). */
  async loadFields(agentId: string, fields: string[]): Promise<Record<string, unknown>> {
    const values = await this.connection.command.hmget(this.connection.keys.state(agentId), ...fields);
    const out: Record<string, string> = {};
    fields.forEach((field, i) => {
      if (values[i] !== null) out[field] = values[i]!;
    });
    return decodeStateFields(out);
  }

  /** Writes `changes`; keys whose value is `undefined` are removed. One round trip. */
  async save(agentId: string, changes: Record<string, unknown>): Promise<void> {
    const key = this.connection.keys.state(agentId);
    const removed = Object.keys(changes).filter((field) => changes[field] === undefined);
    const kept = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (removed.length === 0) {
      if (Object.keys(kept).length) await this.connection.command.hset(key, encodeStateFields(kept));
      return;
    }
    const multi = this.connection.command.multi();
    if (Object.keys(kept).length) multi.hset(key, encodeStateFields(kept));
    multi.hdel(key, ...removed);
    await multi.exec();
  }

  /** Deletes the whole state of `agentId`. */
  async reset(agentId: string): Promise<void> {
    await this.connection.command.del(this.connection.keys.state(agentId));
  }
}
