import { AgentStateStore } from '@mas/core';
import type { CliContext } from '../cli-context';
import { NotFoundError } from '../cli.errors';

/** `mas state <id> [--reset]`: prints or deletes `agent.state:{id}`. */
export async function state(context: CliContext, id: string, options: { reset?: boolean }): Promise<void> {
  const connection = await context.redis();
  const store = new AgentStateStore(connection);
  const { command: redis, keys } = connection;
  const [fields, registered, alive] = await Promise.all([
    redis.hlen(keys.state(id)),
    redis.exists(keys.agent(id)),
    redis.exists(keys.heartbeat(id)),
  ]);
  if (!fields && !registered) throw new NotFoundError(`agent "${id}" has no state and is not registered`);
  const out = context.output;
  if (options.reset) {
    await store.reset(id);
    if (alive) out.warn(`"${id}" is running: it keeps its in-memory state until it restarts or writes again`);
    out.result({ agent: id, reset: true, removedFields: fields }, () => `state of ${id} reset (${fields} field(s) removed)`);
    return;
  }
  const values = await store.load(id);
  out.result(values, () => {
    const keys = Object.keys(values).sort();
    if (!keys.length) return out.style('dim', `${id} has no state`);
    return out.table(
      [{ header: 'KEY' }, { header: 'VALUE' }],
      keys.map((key) => [key, JSON.stringify(values[key])]),
    );
  });
}
