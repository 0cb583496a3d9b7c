/**
 * Lets at most `limit` tasks run at once, the others wait their turn in order (a counting
 * semaphore): the ingress consumer reads ahead of what it runs, so a flood of junk is screened in
 * large batches while no more than `ingress.maxInFlight` messages are in the pipeline.
 */
export class IngressGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Runs `task` once fewer than `limit` run; settles as it does. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // its turn takes this one's place
      else this.running -= 1;
    }
  }
}
