import calculateSlot from 'cluster-key-slot';
import type Redis from 'ioredis';
import type { ChainableCommander } from 'ioredis';
import { isClusterClient } from './pubsub';

type Queued = [name: string, ...args: unknown[]];

/**
 * A pipeline whose commands may name keys of several hash slots: on one server (or a Sentinel
 * master) the client's own pipeline; on a cluster, where ioredis refuses a pipeline whose keys live
 * on more than one node, {@link SlotGroupedPipeline}. Queue commands on it as on any pipeline; read
 * the replies with `exec()` (or `execAll`), in the order queued.
 *
 * Commands of one slot keep their order; commands of different slots run concurrently, so a caller
 * that needs B to land after A of another slot awaits A first. Not a transaction (use MULTI within
 * one slot for that).
 */
export function slotPipeline(redis: Redis): ChainableCommander {
  return isClusterClient(redis) ? SlotGroupedPipeline.on(redis) : redis.pipeline();
}

/**
 * The cluster side of {@link slotPipeline}: records the commands queued on it, then runs one ioredis
 * pipeline per hash slot (each goes to the node serving that slot, follows MOVED / ASK, and is
 * retried there by ioredis) and puts the replies back in the order queued. A command is routed by its
 * first key (EVAL / EVALSHA: the first of KEYS; PUBSUB SHARDNUMSUB: the channel).
 */
export class SlotGroupedPipeline {
  private readonly queued: Queued[] = [];

  private constructor(private readonly cluster: Redis) {}

  /** A recording pipeline on `cluster`, typed as ioredis' pipeline (every command method queues). */
  static on(cluster: Redis): ChainableCommander {
    const pipeline = new SlotGroupedPipeline(cluster);
    const proxy: ChainableCommander = new Proxy(pipeline, {
      get(target, property, receiver) {
        if (typeof property !== 'string' || property in target) return Reflect.get(target, property, receiver) as unknown;
        return (...args: unknown[]) => {
          target.queued.push([property, ...args]);
          return proxy;
        };
      },
    }) as unknown as ChainableCommander;
    return proxy;
  }

  /** Commands queued so far. */
  get length(): number {
    return this.queued.length;
  }

  /** Runs the commands, a pipeline per slot; resolves with `[error, reply]` per command in the order queued. */
  async exec(): Promise<Array<[Error | null, unknown]>> {
    const bySlot = new Map<number, number[]>();
    this.queued.forEach((command, i) => {
      const slot = calculateSlot(routingKey(command));
      const indexes = bySlot.get(slot);
      if (indexes) indexes.push(i);
      else bySlot.set(slot, [i]);
    });
    const results = new Array<[Error | null, unknown]>(this.queued.length);
    await Promise.all(
      [...bySlot.values()].map(async (indexes) => {
        const replies = (await this.cluster.pipeline(indexes.map((i) => this.queued[i]) as unknown as string[][]).exec()) ?? [];
        indexes.forEach((at, j) => (results[at] = replies[j] as [Error | null, unknown]));
      }),
    );
    return results;
  }
}

/** The name a command is routed by. */
function routingKey([name, ...args]: Queued): string {
  const flat = args.flat();
  const lower = name.toLowerCase();
  if ((lower === 'eval' || lower === 'evalsha') && Number(flat[1]) > 0) return String(flat[2]);
  if (lower === 'pubsub') return String(flat[1] ?? '');
  return String(flat[0] ?? '');
}
