import { Injectable } from '@nestjs/common';
import { execAll, isClusterClient, MasConnection, slotPipeline } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { TAKE_ROUND_SCRIPT } from './priority-queue.scripts';
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
   * Queues `message` with the others admitted during this event-loop turn (one pipeline, a pipeline
   * per slot on a cluster); resolves once it is queued.
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

  /**
   * Queues messages behind those already waiting at their level (member: the message JSON; score:
   * when it becomes visible; ZADD NX, so an ingress entry read again after a crash is queued once),
   * then names their targets in the targets set. In that order: a dispatcher that forgets a drained
   * target looks at its queues again afterwards ({@link forgetIfDrained}), so a message is never
   * queued under a target nobody will look at. On one server both go in one pipeline (one connection
   * runs them in order); on a cluster, where the targets set has a slot of its own, the SADD waits.
   */
  async enqueue(...messages: QueuedMessage[]): Promise<void> {
    if (!messages.length) return;
    const now = Date.now();
    const command = this.redis.command;
    const queued = slotPipeline(command);
    for (const [queue, members] of grouped(messages, (m) => this.redis.keys.priorityQueue(m.target, m.priority), (m) => JSON.stringify(m))) {
      queued.zadd(queue, 'NX', ...members.flatMap((member) => [now, member]));
    }
    const targets = [...new Set(messages.map((m) => m.target))];
    if (!isClusterClient(command)) {
      await execAll(queued.sadd(this.redis.keys.priorityQueueTargets, ...targets));
      return;
    }
    await execAll(queued);
    await command.sadd(this.redis.keys.priorityQueueTargets, ...targets);
  }

  /**
   * Takes (leases) up to `rounds` weighted-round-robin rounds of `target`'s visible messages, in order
   * (one script over the target's own keys), and forgets the target when its queues are empty.
   */
  async takeRound(target: string, rounds = 1): Promise<QueueRound> {
    const keys = [...PRIORITIES.map((priority) => this.redis.keys.priorityQueue(target, priority)), this.redis.keys.agent(target)];
    const [status, left, ...members] = await TAKE_ROUND_SCRIPT.run<[string, number, ...string[]]>(this.redis.command, keys, [
      ...this.weights,
      this.settings.ingress.claimIdleMs,
      rounds,
    ]);
    if (!members.length && !left) await this.forgetIfDrained(target);
    return { targetStatus: status, left, messages: members.map((member) => ({ member, message: JSON.parse(member) as QueuedMessage })) };
  }

  /**
   * Removes `target` from the targets set, then counts its queues again and puts it back when a
   * message arrived meanwhile ({@link enqueue} queues before it names the target).
   */
  private async forgetIfDrained(target: string): Promise<void> {
    await this.redis.command.srem(this.redis.keys.priorityQueueTargets, target);
    const sizes = (await execAll(
      PRIORITIES.reduce((pipeline, priority) => pipeline.zcard(this.redis.keys.priorityQueue(target, priority)), this.redis.command.pipeline()),
    )) as number[];
    if (sizes.some((size) => size > 0)) await this.redis.command.sadd(this.redis.keys.priorityQueueTargets, target);
  }

  /** Removes taken messages for good (delivered or dead-lettered). */
  async settle(target: string, taken: QueueRound['messages']): Promise<void> {
    if (!taken.length) return;
    const pipeline = this.redis.command.pipeline();
    for (const [queue, members] of grouped(taken, ({ message }) => this.redis.keys.priorityQueue(target, message.priority), ({ member }) => member)) {
      pipeline.zrem(queue, ...members);
    }
    await execAll(pipeline);
  }

  /** Targets that may have messages waiting. */
  async targets(): Promise<string[]> {
    return this.redis.command.smembers(this.redis.keys.priorityQueueTargets);
  }

  /** Messages queued (leased ones included), by priority, over every target. */
  async depth(): Promise<Record<string, number>> {
    const targets = await this.targets();
    const pipeline = slotPipeline(this.redis.command);
    for (const target of targets) for (const priority of PRIORITIES) pipeline.zcard(this.redis.keys.priorityQueue(target, priority));
    const sizes = (await execAll(pipeline)) as number[];
    const depth: Record<string, number> = Object.fromEntries(PRIORITIES.map((p) => [p, 0]));
    sizes.forEach((size, i) => (depth[PRIORITIES[i % PRIORITIES.length]] += size));
    return depth;
  }
}

/** The members of `items` by the queue each goes to, in order (one command per queue, not per message). */
function grouped<T>(items: readonly T[], queueOf: (item: T) => string, memberOf: (item: T) => string): Map<string, string[]> {
  const byQueue = new Map<string, string[]>();
  for (const item of items) {
    const queue = queueOf(item);
    let members = byQueue.get(queue);
    if (!members) byQueue.set(queue, (members = []));
    members.push(memberOf(item));
  }
  return byQueue;
}
