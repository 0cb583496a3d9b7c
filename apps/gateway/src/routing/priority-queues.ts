import { Injectable } from '@nestjs/common';
import { execAll, MasConnection } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { ENQUEUE_SCRIPT, TAKE_ROUND_SCRIPT } from './priority-queue.scripts';
import { PRIORITIES, QueuedMessage } from './queued-message';

/** One round taken from a target's queues. */
export interface QueueRound {
  /** The target's registry status ('' when it is not registered). */
  targetStatus: string;
  /** The messages, highest priority first, each with its raw queue member (to settle it). */
  messages: Array<{ message: QueuedMessage; member: string }>;
  /** Messages still queued besides these. */
  left: number;
}

/**
 * Per-target priority queues `priority_queue:{target}:{PRIORITY}` and the set of targets with
 * messages waiting, shared by every gateway instance. Taking a message leases it; {@link settle}
 * removes it for good.
 */
@Injectable()
export class PriorityQueues {
  private readonly weights: number[];
  private pending: QueuedMessage[] = [];
  private flushing?: Promise<void>;

  constructor(
    private readonly redis: MasConnection,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
  ) {
    const w = settings.priorityQueue.weights;
    this.weights = [w.critical, w.high, w.normal, w.low, w.bulk];
  }

  /**
   * Queues `message` with the others admitted during this event-loop turn, in one script call;
   * resolves once it is queued.
   */
  enqueueSoon(message: QueuedMessage): Promise<void> {
    this.pending.push(message);
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      const batch = this.pending;
      this.pending = [];
      this.flushing = undefined;
      return this.enqueue(...batch);
    });
    return this.flushing;
  }

  /** Queues messages behind those already waiting at their level. */
  async enqueue(...messages: QueuedMessage[]): Promise<void> {
    const keys = [this.redis.keys.priorityQueueTargets, ...messages.map((m) => this.redis.keys.priorityQueue(m.target, m.priority))];
    const args = messages.flatMap((m) => [m.target, JSON.stringify(m)]);
    await ENQUEUE_SCRIPT.run(this.redis.command, keys, [Date.now(), ...args]);
  }

  /** Takes (leases) up to `rounds` weighted-round-robin rounds of `target`'s visible messages, in order. */
  async takeRound(target: string, rounds = 1): Promise<QueueRound> {
    const keys = [
      ...PRIORITIES.map((priority) => this.redis.keys.priorityQueue(target, priority)),
      this.redis.keys.priorityQueueTargets,
      this.redis.keys.agent(target),
    ];
    const [status, left, ...members] = await TAKE_ROUND_SCRIPT.run<[string, number, ...string[]]>(this.redis.command, keys, [
      ...this.weights,
      target,
      this.settings.ingress.claimIdleMs,
      rounds,
    ]);
    return { targetStatus: status, left, messages: members.map((member) => ({ member, message: JSON.parse(member) as QueuedMessage })) };
  }

  /** Removes taken messages for good (delivered or dead-lettered). */
  async settle(target: string, taken: QueueRound['messages']): Promise<void> {
    if (!taken.length) return;
    const pipeline = this.redis.command.pipeline();
    for (const { message, member } of taken) pipeline.zrem(this.redis.keys.priorityQueue(target, message.priority), member);
    await execAll(pipeline);
  }

  /** Targets that may have messages waiting. */
  async targets(): Promise<string[]> {
    return this.redis.command.smembers(this.redis.keys.priorityQueueTargets);
  }

  /** Messages queued (leased ones included), by priority, over every target. */
  async depth(): Promise<Record<string, number>> {
    const targets = await this.targets();
    const pipeline = this.redis.command.pipeline();
    for (const target of targets) for (const priority of PRIORITIES) pipeline.zcard(this.redis.keys.priorityQueue(target, priority));
    const sizes = (await execAll(pipeline)) as number[];
    const depth: Record<string, number> = Object.fromEntries(PRIORITIES.map((p) => [p, 0]));
    sizes.forEach((size, i) => (depth[PRIORITIES[i % PRIORITIES.length]] += size));
    return depth;
  }
}
