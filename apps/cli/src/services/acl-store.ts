import type { MasKeySpace } from '@mas/core';
import type Redis from 'ioredis';

/** The gateway ACL of one agent: targets (ids or `*` patterns) it may or may not send to. */
export interface AclView {
  agent: string;
  allowed: string[];
  blocked: string[];
}

/** Which list an ACL change touches. */
export type AclList = 'allowed' | 'blocked';

/** Reads and edits the gateway's ACL sets `agent:{id}:allowed_targets` / `agent:{id}:blocked_targets`. */
export class AclStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: MasKeySpace,
  ) {}

  /** Both lists of `agent`, sorted (empty when none were set). */
  async show(agent: string): Promise<AclView> {
    const [allowed, blocked] = await Promise.all([
      this.redis.smembers(this.keys.allowedTargets(agent)),
      this.redis.smembers(this.keys.blockedTargets(agent)),
    ]);
    return { agent, allowed: allowed.sort(), blocked: blocked.sort() };
  }

  /** Adds (or with `remove`, removes) `targets` to one list; returns the ACL afterwards. */
  async change(agent: string, list: AclList, targets: string[], remove = false): Promise<AclView> {
    const key = list === 'allowed' ? this.keys.allowedTargets(agent) : this.keys.blockedTargets(agent);
    if (remove) await this.redis.srem(key, ...targets);
    else await this.redis.sadd(key, ...targets);
    return this.show(agent);
  }
}
