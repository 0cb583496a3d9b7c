import { randomUUID } from 'node:crypto';
import calculateSlot from 'cluster-key-slot';
import type Redis from 'ioredis';
import type { Cluster } from 'ioredis';
import { MasKeys, MasKeySpace } from './keys';
import { LuaScript, scriptFunctionsOf } from './lua-script';
import { RedisPermissionError } from '../errors/provisioning.errors';
import { isPermissionReply } from './permission-errors';
import { isClusterClient } from './pubsub';

/** KEYS: epoch key. ARGV: a fresh epoch. Returns the epoch held (planting the fresh one when none). */
export const EPOCH_SCRIPT = new LuaScript(`
local held = redis.call('GET', KEYS[1])
if held then return held end
redis.call('SET', KEYS[1], ARGV[1])
return ARGV[1]
`);

/** What {@link RedisEpoch.check} found. */
export interface EpochCheck {
  /** True when the marker is not the one seen before: Redis came back without its data (or was flushed). */
  reset: boolean;
  /** The marker Redis holds now. */
  epoch: string;
  /** The marker seen before, when there was one. */
  previous?: string;
}

/**
 * A boot marker in Redis (`mas:epoch`) that tells a restart with its data from one without: the first
 * client to find it missing plants a fresh random value; a client that later finds another value
 * than the one it saw knows Redis lost its data (restart without persistence, failover to an empty
 * replica, FLUSHALL/FLUSHDB) — and with it inbox entries, registrations, state and locks.
 *
 * On a cluster each master can lose its data alone, so there is a marker per master
 * (`mas:epoch:{e<n>}`, the first `n` whose slot that master serves: every client picks the same
 * one), and a check reads them all; a marker moved by a resharding keeps its value.
 */
export class RedisEpoch {
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: MasKeySpace = MasKeys,
  ) {}

  /** Reads (or plants) the marker(s); the first check of each only remembers it. */
  async check(): Promise<EpochCheck> {
    const markers = isClusterClient(this.redis) ? this.clusterMarkers() : [this.keys.epoch];
    const epochs = await Promise.all(markers.map((marker) => this.read(marker)));
    let reset = false;
    let previous: string | undefined;
    markers.forEach((marker, i) => {
      const before = this.seen.get(marker);
      if (before !== undefined && before !== epochs[i]) {
        reset = true;
        previous = before;
      }
      this.seen.set(marker, epochs[i]);
    });
    return { reset, epoch: epochs.join(','), previous };
  }

  private async read(marker: string): Promise<string> {
    // A client running functions is most likely a provisioned agent's, which may only read the
    // marker: read first, so that planting (refused to it) is tried only when there is none.
    const held = scriptFunctionsOf(this.redis) ? await this.redis.get(marker) : null;
    if (held !== null) return held;
    const epoch = await EPOCH_SCRIPT.run<string>(this.redis, [marker], [randomUUID()]).catch(async (error: unknown) => {
      // A user that may only read it (a provisioned agent): the services plant it.
      if (!(error instanceof RedisPermissionError) && !isPermissionReply(error)) throw error;
      return (await this.redis.get(marker)) ?? 'none';
    });
    return String(epoch);
  }

  /** One marker per master the cluster client knows, in a slot that master serves. */
  private clusterMarkers(): string[] {
    const cluster = this.redis as unknown as Cluster;
    const owners = new Set(cluster.nodes('master').map((node) => `${node.options.host}:${node.options.port}`));
    const markers: string[] = [];
    const found = new Set<string>();
    for (const [slot, tag] of markerTags()) {
      const owner = cluster.slots[slot]?.[0];
      if (owner && owners.has(owner) && !found.has(owner)) {
        found.add(owner);
        markers.push(this.keys.epochMarker(tag));
        if (found.size === owners.size) break;
      }
    }
    return markers;
  }
}

let tags: Array<[slot: number, tag: string]> | undefined;

/**
 * For every hash slot, the first tag `e<n>` that hashes to it, in the order of `n` (computed once:
 * about 160,000 CRC16s): a master's marker is the first of these whose slot it serves.
 */
function markerTags(): Array<[slot: number, tag: string]> {
  if (tags) return tags;
  const seen = new Set<number>();
  const list: Array<[number, string]> = [];
  for (let n = 0; seen.size < 16_384 && n < 1_000_000; n++) {
    const slot = calculateSlot(`e${n}`);
    if (!seen.has(slot)) {
      seen.add(slot);
      list.push([slot, `e${n}`]);
    }
  }
  return (tags = list);
}
