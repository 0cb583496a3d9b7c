import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { MasKeys, MasKeySpace } from './keys';
import { LuaScript } from './lua-script';
import { RedisPermissionError } from '../errors/provisioning.errors';
import { isPermissionReply } from './permission-errors';

/** KEYS: epoch key. ARGV: a fresh epoch. Returns the epoch held (planting the fresh one when none). */
const EPOCH_SCRIPT = new LuaScript(`
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
 */
export class RedisEpoch {
  private seen?: string;

  constructor(
    private readonly redis: Redis,
    private readonly keys: MasKeySpace = MasKeys,
  ) {}

  /** Reads (or plants) the marker; the first check only remembers it. */
  async check(): Promise<EpochCheck> {
    const epoch = await EPOCH_SCRIPT.run<string>(this.redis, [this.keys.epoch], [randomUUID()]).catch(async (error: unknown) => {
      // A user that may only read it (a provisioned agent): the services plant it.
      if (!(error instanceof RedisPermissionError) && !isPermissionReply(error)) throw error;
      return (await this.redis.get(this.keys.epoch)) ?? 'none';
    });
    const previous = this.seen;
    this.seen = String(epoch);
    return { reset: previous !== undefined && previous !== this.seen, epoch: this.seen, previous };
  }
}
