import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * State changes a handler made while handling one reliably delivered message. They are not
 * written at once: they are committed to Redis together with the message's XACK and its
 * "completed" record, in one atomic step, so a redelivered message never applies them twice.
 */
export class StateTransaction {
  /** Changed fields and their new values (undefined = removed). */
  readonly changes = new Map<string, unknown>();
  /** Values the changed fields had before the first change (to roll back in memory on failure). */
  readonly previous = new Map<string, unknown>();

  constructor(readonly agentId: string) {}

  /** Records `changes` over `before` (the state before this update). */
  record(changes: Record<string, unknown>, before: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(changes)) {
      if (!this.previous.has(key)) this.previous.set(key, before[key]);
      this.changes.set(key, value);
    }
  }

  /** True when the handler changed nothing. */
  get isEmpty(): boolean {
    return this.changes.size === 0;
  }
}

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
