/**
 * Lets at most `limit` tasks run at once; the others wait their turn (a counting semaphore), in
 * order within their lane and round-robin across lanes: the ingress consumer reads ahead of what
 * it runs, so a flood of junk is screened in large batches while no more than `ingress.maxInFlight`
 * messages are in the pipeline, and the backlog of one ingress stream (an agent's own, in
 * zero-trust mode) does not make another stream's entries wait behind all of it.
 */
export class IngressGate {
  private running = 0;
  /** Waiting tasks per lane, lanes in the order they take turns. */
  private readonly lanes = new Map<string, Array<() => void>>();

  constructor(private readonly limit: number) {}

  /** Runs `task` once fewer than `limit` run and its lane's turn came; settles as it does. */
  async run<T>(task: () => Promise<T>, lane = ''): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve) => {
        const waiting = this.lanes.get(lane);
        if (waiting) waiting.push(resolve);
        else this.lanes.set(lane, [resolve]);
      });
    } else this.running += 1;
    try {
      return await task();
    } finally {
      const next = this.next();
      if (next) next(); // its turn takes this one's place
      else this.running -= 1;
    }
  }

  /** The first waiting task of the lane whose turn it is; that lane goes to the back of the round. */
  private next(): (() => void) | undefined {
    for (const [lane, waiting] of this.lanes) {
      this.lanes.delete(lane);
      const next = waiting.shift();
      if (waiting.length) this.lanes.set(lane, waiting);
      if (next) return next;
    }
    return undefined;
  }
}
