import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * State changes a handler made while handling one reliably delivered message. They are not
 * written at once: they are committed to Redis together with the message's XACK and its
 * "completed" record, in one atomic step, so a redelivered message never applies them twice.
 */
export class StateTransaction {
  private changed?: Map<string, unknown>;
  private before?: Map<string, unknown>;

  constructor(readonly agentId: string) {}

  /** Changed fields and their new values (undefined = removed). */
  get changes(): ReadonlyMap<string, unknown> {
    return this.changed ?? NO_FIELDS;
  }

  /** Values the changed fields had before the first change (to roll back in memory on failure). */
  get previous(): ReadonlyMap<string, unknown> {
    return this.before ?? NO_FIELDS;
  }

  /** Records `changes` over `before` (the state before this update). */
  record(changes: Record<string, unknown>, before: Record<string, unknown>): void {
    // Created on the first change: most handlers change nothing, and two maps per message add up.
    const changed = (this.changed ??= new Map());
    const previous = (this.before ??= new Map());
    for (const [key, value] of Object.entries(changes)) {
      if (!previous.has(key)) previous.set(key, before[key]);
      changed.set(key, value);
    }
  }

  /** True when the handler changed nothing. */
  get isEmpty(): boolean {
    return this.changes.size === 0;
  }
}

/** The changes of a transaction that has none (shared, never written). */
const NO_FIELDS: ReadonlyMap<string, unknown> = new Map();

const storage = new AsyncLocalStorage<StateTransaction>();

/** Runs `fn` with `transaction` collecting the state updates made inside it. */
export function runInStateTransaction<T>(transaction: StateTransaction, fn: () => T): T {
  return storage.run(transaction, fn);
}

/** The transaction of the message being handled by `agentId`, if any. */
export function currentStateTransaction(agentId: string): StateTransaction | undefined {
  const transaction = storage.getStore();
  return transaction?.agentId === agentId ? transaction : undefined;
}
