import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { ChainableCommander } from 'ioredis';
import { execAll, isClusterClient, MasConnection, slotPipeline } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { TAKE_ROUND_SCRIPT } from './priority-queue.scripts';
import { PRIORITIES, QueuedMessage } from './queued-message';

/** One round taken from a target's queues. */
export interface QueueRound {
  /** The target's registry status ('' when it is not registered). */
  targetStatus: string;
  /** The messages, highest priority first, each with its queue member (to settle it). */
  messages: Array<{ message: QueuedMessage; member: string }>;
  /** Messages still queued besides these. */
  left: number;
}

/**
 * Per-target priority queues `priority_queue:{target}:{PRIORITY}` and the set of targets with
 * messages waiting, shared by every gateway instance. A queue holds references, in the order they
 * were queued; the messages themselves are in the target's `priority_queue:{target}:bodies` hash,
 * written once (a sorted set holding the whole message would carry it to Redis again to remove it, and
 * compare whole messages to order those queued in the same millisecond). Taking a message leases it;
 * {@link settle} removes it for good.
 */
@Injectable()
export class PriorityQueues {
  private readonly weights: number[];
  private pending: QueuedMessage[] = [];
  private flushing?: Promise<void>;
  private readonly logger = new Logger('PriorityQueues');
  /** This instance's part of every reference it makes, and how many it made. */
  private readonly instanceTag = randomBytes(6).toString('base64url');
  private made = 0;

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
   * Queues messages behind those already waiting at their level: each message under a new reference
   * in its target's bodies hash, then the reference in its queue (score: when it becomes visible;
   * references of one millisecond sort in the order they were made, so a level is first in, first
   * out), then names their targets in the targets set. In that order: a taker never finds a
   * reference without its message, and a dispatcher that forgets a drained target looks at its
   * queues again afterwards ({@link forgetIfDrained}), so a message is never queued under a target
   * nobody will look at. On one server all go in one transaction: a batch Redis refuses part way
   * (out of memory) leaves nothing behind — not a body without its reference, which nothing would
   * ever remove, nor messages queued that the batch, retried, queues again. On a cluster, where the
   * targets set has a slot of its own, one transaction per target (its keys share a slot), and the
   * SADD waits for them.
   */
  async enqueue(...messages: QueuedMessage[]): Promise<void> {
    if (!messages.length) return;
    const now = Date.now();
    const command = this.redis.command;
    const items = messages.map((message) => ({ message, ref: this.reference() }));
    const targets = [...new Set(messages.map((m) => m.target))];
    if (!isClusterClient(command)) {
      await execAll(this.queueing(command.multi(), items, now).sadd(this.redis.keys.priorityQueueTargets, ...targets));
      return;
    }
    const byTarget = grouped(items, ({ message }) => message.target, (item) => item);
    await Promise.all([...byTarget.values()].map((ofTarget) => execAll(this.queueing(command.multi(), ofTarget, now))));
    await command.sadd(this.redis.keys.priorityQueueTargets, ...targets);
  }

  /** Queues on `transaction` the writes of {@link enqueue} for `items`: their bodies, then their references. */
  private queueing(transaction: ChainableCommander, items: ReadonlyArray<{ message: QueuedMessage; ref: string }>, now: number): ChainableCommander {
    for (const [bodies, fields] of grouped(items, ({ message }) => this.redis.keys.priorityQueueBodies(message.target), ({ message, ref }) => [ref, bodyOf(message)])) {
      transaction.hset(bodies, ...fields.flat());
    }
    for (const [queue, members] of grouped(items, ({ message }) => this.redis.keys.priorityQueue(message.target, message.priority), ({ ref }) => ref)) {
      transaction.zadd(queue, ...members.flatMap((member) => [now, member]));
    }
    return transaction;
  }

  /**
   * Takes (leases) up to `rounds` weighted-round-robin rounds of `target`'s visible messages, in order
   * (one script over the target's own keys), and forgets the target when its queues are empty.
   */
  async takeRound(target: string, rounds = 1): Promise<QueueRound> {
    const keys = [...PRIORITIES.map((priority) => this.redis.keys.priorityQueue(target, priority)), this.redis.keys.agent(target), this.redis.keys.priorityQueueBodies(target)];
    const [status, left, ...pairs] = await TAKE_ROUND_SCRIPT.run<[string, number, ...Array<string | null>]>(this.redis.command, keys, [
      ...this.weights,
      this.settings.ingress.claimIdleMs,
      rounds,
    ]);
    if (!pairs.length && !left) await this.forgetIfDrained(target);
    const messages: QueueRound['messages'] = [];
    const lost: string[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const member = pairs[i]!;
      const body = pairs[i + 1];
      // A member queued whole (by a gateway of an earlier version) is its own body.
      const message = readQueued(body ?? (member.startsWith('{') ? member : undefined));
      if (message) messages.push({ member, message });
      else lost.push(member);
    }
    if (lost.length) await this.dropLost(target, lost);
    return { targetStatus: status, left, messages };
  }

  /**
   * References whose message is missing from the bodies hash or unreadable there (only a hand on
   * Redis does that: a message and its reference are written in one transaction and removed in
   * another): logged as lost and removed with what is left of them, so that the queue moves on
   * rather than taking them again on every round.
   */
  private async dropLost(target: string, refs: string[]): Promise<void> {
    const bodies = this.redis.keys.priorityQueueBodies(target);
    this.logger.error(`Lost ${refs.length} queued message(s) for "${target}": no readable message in ${bodies} (removed from the queues; nothing to deliver): ${refs.slice(0, 5).join(', ')}`);
    const transaction = this.redis.command.multi();
    for (const priority of PRIORITIES) transaction.zrem(this.redis.keys.priorityQueue(target, priority), ...refs);
    transaction.hdel(bodies, ...refs);
    await execAll(transaction);
  }

  /** A new reference: this instance's count in a fixed width (so that they sort as made), then its tag. */
  private reference(): string {
    this.made += 1;
    return `${this.made.toString(36).padStart(10, '0')}${this.instanceTag}`;
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

  /** Removes taken messages for good (delivered or dead-lettered): their references and bodies at once. */
  async settle(target: string, taken: QueueRound['messages']): Promise<void> {
    if (!taken.length) return;
    const transaction = this.redis.command.multi();
    for (const [queue, members] of grouped(taken, ({ message }) => this.redis.keys.priorityQueue(target, message.priority), ({ member }) => member)) {
      transaction.zrem(queue, ...members);
    }
    transaction.hdel(this.redis.keys.priorityQueueBodies(target), ...taken.map(({ member }) => member));
    await execAll(transaction);
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

/**
 * A queued message as the bodies hash holds it: its other fields as JSON, a line break, then the
 * envelope as it is (JSON has no raw line break: the first one ends the fields; the envelope is not
 * escaped into a JSON string a second time).
 */
function bodyOf(message: QueuedMessage): string {
  const { envelope, ...fields } = message;
  return `${JSON.stringify(fields)}\n${envelope}`;
}

function parseBody(body: string): QueuedMessage {
  const end = body.indexOf('\n');
  return { ...(JSON.parse(body.slice(0, end)) as Omit<QueuedMessage, 'envelope'>), envelope: body.slice(end + 1) };
}

/** The queued message `stored` holds (a body, or a member queued whole by an earlier version), or undefined when it holds none readable. */
function readQueued(stored: string | undefined): QueuedMessage | undefined {
  if (stored === undefined) return undefined;
  try {
    const message = stored.startsWith('{') && !stored.includes('\n') ? (JSON.parse(stored) as QueuedMessage) : parseBody(stored);
    return typeof message.envelope === 'string' && typeof message.target === 'string' && typeof message.messageId === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

/** The members of `items` by the queue each goes to, in order (one command per queue, not per message). */
function grouped<T, M>(items: readonly T[], queueOf: (item: T) => string, memberOf: (item: T) => M): Map<string, M[]> {
  const byQueue = new Map<string, M[]>();
  for (const item of items) {
    const queue = queueOf(item);
    let members = byQueue.get(queue);
    if (!members) byQueue.set(queue, (members = []));
    members.push(memberOf(item));
  }
  return byQueue;
}
