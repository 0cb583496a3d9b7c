import { hostname } from 'node:os';
import type { MasLogger } from '../util/mas-logger';
import type { AgentMessage } from '../protocol';
import { deadLetterFields } from '../dead-letters/dead-letter.codec';
import { settleWithin } from '../util/settle-within';
import { sleep } from '../util/sleep';
import { MasKeys } from '../redis/keys';
import type { MasConnection } from '../redis/mas-connection';
import { streamEntryField } from '../redis/stream-fields';
import { coalesceWrites } from '../redis/write-coalescing';
import { DEAD_LETTER_SCRIPT } from './inbox.scripts';
import { INGRESS_FIELDS } from '../gateway-client/gateway.constants';
import { InboxCommits } from './inbox-commits';
import type { StateTransaction } from '../state/state-transaction';
import { DEFAULT_INBOX_OPTIONS, InboxOptions, InboxStats } from './inbox-options.interfaces';
import { StreamGroupEntry, StreamGroupReader } from './stream-group-reader';
import { describeMessage } from '../observability/log-context';

/** What handling one delivery produced, as the agent reports it back to the inbox. */
export interface DeliveryResult {
  /** True when the message is done with (handled, or answered with an error reply). */
  completed: boolean;
  /** The handler's error, when it failed. */
  error?: unknown;
  /** State changes to commit with the ack. */
  transaction: StateTransaction;
}

/** A raw envelope read from Redis: the message, or why it was refused. */
export type Decoded = { message: AgentMessage } | { refused: string };

/**
 * Told how handling one delivery went: its `result`, or `error` when handling itself broke (the
 * entry then stays pending). Called once; it must not throw.
 */
export type DeliveryCallback = (result: DeliveryResult | undefined, error?: unknown) => void;

/** The agent's inbound path, as the inbox uses it. */
export interface InboxIntake {
  /** Size check and decoding (what is refused is counted and logged by the intake, naming `source`, or `source` entry `entryId`). */
  decode(raw: string, source: string, entryId?: string): Decoded;
  /** Handles one message; `attempt` counts deliveries (1 = first); `done` is told the result (at once when the handler finished synchronously). */
  deliver(message: AgentMessage, attempt: number, deadlineMs: number | undefined, done: DeliveryCallback): void;
  /** Handler deadline declared for a message type (`@AgentHandler(type, { timeout })`). */
  deadlineFor(messageType: string): number | undefined;
}

/** The agent side of an inbox. */
export interface InboxHost {
  readonly id: string;
  readonly logger: MasLogger;
  /** Where entries go once read. */
  readonly intake: InboxIntake;
  /** Puts state fields back after a failed or duplicate delivery (reloads them from Redis without `values`). */
  restoreState(fields: string[], values?: ReadonlyMap<string, unknown>): Promise<void>;
  /**
   * Zero-trust: the agent's own ingress stream, where its dead letters go (marked
   * `INGRESS_FIELDS.deadLetter`) for the gateway to file in `dlq:messages`, which its user may not
   * write. Unset: they go to `dlq:messages` directly.
   */
  readonly deadLetterVia?: string;
}

/** An inbox entry handed over by the reader (its envelope is read from `fields` where needed). */
type Entry = StreamGroupEntry;

/** Message ids that never block a copy: what `accept` uses for an entry without a message. */
const NO_MESSAGE_ID = '-';

let consumerSequence = 0;

/**
 * Reads an agent's inbox stream (`agent.stream:{id}`) through the shared consumer group with a
 * {@link StreamGroupReader}: new entries with XREADGROUP, entries of dead or stuck consumers with
 * XAUTOCLAIM, running ones kept claimed until their handler's deadline. Each message is
 * acked only once handled, in one atomic step with its state changes; after `maxAttempts` it goes
 * to `dlq:messages` with the reason. Replicas of one agent id share the group, so each message is
 * handled by one of them. A missing group (Redis restarted without persistence) is recreated.
 */
export class InboxConsumer {
  readonly stats: InboxStats = { delivered: 0, acked: 0, redelivered: 0, duplicates: 0, deadLettered: 0, groupRecreated: 0 };
  readonly consumerName = `${hostname()}:${process.pid}:${++consumerSequence}`;
  private readonly options: InboxOptions;
  private readonly stream: string;
  private readonly reader: StreamGroupReader;
  private readonly commits: InboxCommits;
  /**
   * Entry id → message id of the entries being handled in this process (until their slot is freed):
   * another copy of one of these messages (a sender's retry, read in the same or a later batch
   * before the first copy committed) is a duplicate, acked without running its handler again.
   */
  private readonly handling = new Map<string, string>();
  private readonly handlingIds = new Set<string>();

  constructor(
    private readonly host: InboxHost,
    private readonly connection: MasConnection,
    options: Partial<InboxOptions> = {},
  ) {
    this.options = { ...DEFAULT_INBOX_OPTIONS, ...options };
    this.stream = this.connection.keys.inbox(host.id);
    const { keys } = this.connection;
    this.commits = new InboxCommits(
      connection.command,
      { stream: this.stream, group: keys.inboxGroup, completed: keys.completed(host.id), state: keys.state(host.id) },
      this.options.dedupWindowMs,
      this.options.dedupMaxEntries,
      (error) => host.logger.warn?.(`Inbox ${this.stream}: could not cut the dedup record to ${this.options.dedupMaxEntries} ids: ${String(error)}`),
    );
    this.reader = new StreamGroupReader(
      connection,
      {
        stream: this.stream,
        group: this.connection.keys.inboxGroup,
        consumer: this.consumerName,
        startId: '0',
        maxInFlight: this.options.maxInFlight,
        blockMs: this.options.blockMs,
        claimIdleMs: this.options.claimIdleMs,
        label: 'Inbox',
        logger: host.logger,
        connectionRole: 'inbox',
        onGroupRecreated: () => (this.stats.groupRecreated += 1),
        // The dedup lookup of one read runs while the next read waits for entries (their handlers
        // still start in read order: the lookups answer in order on the command connection).
        overlapReads: true,
      },
      (entries) => this.receive(entries),
    );
  }

  /** Creates the group if needed and starts reading. */
  async start(): Promise<void> {
    await this.reader.start();
  }

  /**
   * Stops reading, waits for running handlers (at most `drainMs`), closes the blocking connection and
   * removes this consumer from the group (best effort, at most `cleanupMs`).
   */
  async stop(drainMs: number, cleanupMs = 1_000): Promise<void> {
    if (!this.reader.active) return;
    await this.reader.stop(drainMs);
    await settleWithin(this.forgetConsumer(), cleanupMs);
  }

  /** Removes this process's consumer from the group when it holds nothing, so dead names do not pile up. */
  private async forgetConsumer(): Promise<void> {
    try {
      const summary = (await this.connection.command.xpending(this.stream, this.connection.keys.inboxGroup, '-', '+', 1, this.consumerName)) as unknown[];
      if (summary.length === 0) {
        await this.connection.command.xgroup('DELCONSUMER', this.stream, this.connection.keys.inboxGroup, this.consumerName);
      }
    } catch {
      // best effort: a leftover consumer name costs nothing but a line in XINFO
    }
  }

  /** Dead-letters entries delivered too often, then accepts the others. */
  private async receive(batch: StreamGroupEntry[]): Promise<void> {
    const { maxAttempts } = this.options;
    let accepted = batch;
    if (batch.some((entry) => entry.attempt > maxAttempts)) {
      accepted = batch.filter((entry) => entry.attempt <= maxAttempts);
      for (const entry of batch) {
        if (entry.attempt <= maxAttempts) continue;
        await this.deadLetter(entry, `not completed after ${entry.attempt - 1} deliveries`);
        this.reader.finished(entry.id);
      }
    }
    await this.accept(accepted);
  }

  /** Drops duplicates, then starts handling each entry (one pass, no array per step: this is every reliable message's path). */
  private async accept(entries: StreamGroupEntry[]): Promise<void> {
    const count = entries.length;
    if (!count) return;
    const messages: Array<AgentMessage | string> = new Array(count);
    // The dedup lookup: one message id per entry ('-' for an entry without one).
    const ids: string[] = new Array(count);
    let decoded = 0;
    for (let i = 0; i < count; i++) {
      const message = this.decode(entries[i]);
      messages[i] = message;
      if (typeof message === 'string') ids[i] = NO_MESSAGE_ID;
      else {
        ids[i] = message.messageId;
        decoded += 1;
      }
    }
    let done: Array<string | null> | undefined;
    if (decoded) {
      coalesceWrites(this.connection.command);
      done = (await this.connection.command.zmscore(this.connection.keys.completed(this.host.id), ids)) as Array<string | null>;
    }
    let duplicates: string[] | undefined;
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const entry = entries[i];
      const message = messages[i];
      if (typeof message === 'string') {
        void this.deadLetter(entry, `malformed envelope: ${message}`).finally(() => this.reader.finished(entry.id));
      } else if ((done![i] !== null && done![i] !== undefined) || this.handlingIds.has(message.messageId)) {
        // Completed before, or another copy is being handled here (its commit decides: when it
        // fails, that copy stays pending and comes again, so acking this one loses nothing).
        this.stats.duplicates += 1;
        (duplicates ??= []).push(entry.id);
      } else {
        this.handle(entry, message, now);
      }
    }
    if (duplicates) {
      // Already completed: only acked (one XACK for the read).
      const acked = duplicates;
      void this.connection.command
        .xack(this.stream, this.connection.keys.inboxGroup, ...acked)
        .catch(() => undefined)
        .finally(() => acked.forEach((id) => this.reader.finished(id)));
    }
  }

  /** The entry's message, or why it is none (the intake counts and logs it). */
  private decode(entry: StreamGroupEntry): AgentMessage | string {
    const raw = envelopeOf(entry.fields);
    if (raw === undefined) return 'no envelope field';
    const decoded = this.host.intake.decode(raw, this.stream, entry.id);
    return 'message' in decoded ? decoded.message : decoded.refused;
  }

  private handle(entry: Entry, message: AgentMessage, now: number): void {
    this.handling.set(entry.id, message.messageId);
    this.handlingIds.add(message.messageId);
    const deadline = this.host.intake.deadlineFor(message.messageType);
    this.reader.holdLease(entry.id, now + (deadline ?? this.options.claimIdleMs));
    this.stats.delivered += 1;
    if (entry.attempt > 1) this.stats.redelivered += 1;
    try {
      this.host.intake.deliver(message, entry.attempt, deadline, (result, error) => {
        try {
          if (result) this.settle(entry, message, result);
          else this.settled(entry, error);
        } catch (settleError) {
          this.settled(entry, settleError);
        }
      });
    } catch (error) {
      this.settled(entry, error);
    }
  }

  /** Frees the entry's slot once it is settled; logs what went wrong on the way. */
  private settled(entry: Entry, error?: unknown): void {
    if (error !== undefined) this.host.logger.error(`Inbox entry ${entry.id}: ${String(error)}`);
    const messageId = this.handling.get(entry.id);
    if (messageId !== undefined) {
      this.handling.delete(entry.id);
      this.handlingIds.delete(messageId);
    }
    this.reader.finished(entry.id);
  }

  /**
   * Commits a completed delivery with its ack (in the next batch: no promise of its own, the slot is
   * freed from the batch's answer); leaves a failed one pending, or dead-letters it.
   */
  private settle(entry: Entry, message: AgentMessage, result: DeliveryResult): void {
    const { transaction } = result;
    if (!result.completed) {
      this.settleFailed(entry, message, result).then(
        () => this.settled(entry),
        (error: unknown) => this.settled(entry, error),
      );
      return;
    }
    this.commits.commit(entry.id, message.messageId, transaction, (error, committed) => this.committed(entry, transaction, error, committed));
  }

  /** After the commit of a completed delivery: the slot freed, the state resynced first when it did not apply. */
  private committed(entry: Entry, transaction: StateTransaction, error: unknown, committed: boolean): void {
    if (error === undefined && committed) {
      this.stats.acked += 1;
      this.settled(entry);
      return;
    }
    const fields = [...transaction.changes.keys()];
    const resyncFailed = (resyncError: unknown) => this.settled(entry, resyncError);
    if (error !== undefined) {
      // Left pending and redelivered: memory must not keep changes the redelivery applies again.
      this.resyncState(fields, transaction.previous).then(() => this.settled(entry, error), resyncFailed);
      return;
    }
    this.stats.duplicates += 1;
    this.resyncState(fields, transaction.previous).then(() => {
      this.stats.acked += 1;
      this.settled(entry);
    }, resyncFailed);
  }

  /** A failed delivery: its state changes undone; left pending (retried after claimIdleMs), or dead-lettered after the last attempt. */
  private async settleFailed(entry: Entry, message: AgentMessage, result: DeliveryResult): Promise<void> {
    await this.host.restoreState([...result.transaction.changes.keys()], result.transaction.previous);
    if (entry.attempt >= this.options.maxAttempts) {
      await this.deadLetter(entry, `handler failed: ${describe(result.error)}`, message);
    }
  }

  /**
   * After a commit that failed without telling whether it applied: puts the fields back to their
   * values before the handler, then reloads them from Redis (which holds them either way), retrying
   * while Redis is unreachable. The entry keeps its slot meanwhile, so with maxInFlight 1 no handler
   * reads the state before it is right again.
   */
  private async resyncState(fields: string[], previous: ReadonlyMap<string, unknown>): Promise<void> {
    await this.host.restoreState(fields, previous);
    while (this.reader.active) {
      try {
        await this.host.restoreState(fields);
        return;
      } catch {
        await sleep(200);
      }
    }
  }

  private async deadLetter(entry: Entry, reason: string, message?: AgentMessage): Promise<void> {
    try {
      const fields = deadLetterFields({
        envelope: envelopeOf(entry.fields) ?? '', agentId: this.host.id, reason, attempts: entry.attempt, source: this.stream, entryId: entry.id,
      });
      const { command, keys } = this.connection;
      if (this.host.deadLetterVia) {
        // Appended first, then acked, as on a cluster: a failure in between dead-letters it again.
        await command.xadd(this.host.deadLetterVia, '*', INGRESS_FIELDS.deadLetter, '1', ...fields);
        await command.xack(this.stream, keys.inboxGroup, entry.id);
      } else if (this.connection.isCluster || this.connection.scriptMode === 'functions') {
        // The dead-letter stream is in another slot, or the user may only append to it (a script
        // or function naming it as a key is refused, as scripts need read and write on their keys):
        // appended first, then acked (a failure in between leaves the entry pending, to be
        // dead-lettered again: a duplicate, never a loss).
        await command.xadd(keys.deadLetters, 'MAXLEN', '~', this.options.deadLetterMaxLength, '*', ...fields);
        await command.xack(this.stream, keys.inboxGroup, entry.id);
      } else {
        await DEAD_LETTER_SCRIPT.run(command, [this.stream, keys.deadLetters], [keys.inboxGroup, entry.id, this.options.deadLetterMaxLength, ...fields]);
      }
      this.stats.deadLettered += 1;
      const to = this.host.deadLetterVia ? `${keys.deadLetters} (through ${this.host.deadLetterVia})` : keys.deadLetters;
      this.host.logger.warn?.(`Inbox entry ${entry.id}${message ? ` (${describeMessage(message)})` : ''} moved to ${to} after ${entry.attempt} attempt(s): ${reason}`);
    } catch (error) {
      this.host.logger.error(`Could not dead-letter inbox entry ${entry.id}: ${String(error)}`);
    }
  }
}

function envelopeOf(fields: string[] | null | undefined): string | undefined {
  return streamEntryField(fields, MasKeys.envelopeField);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
