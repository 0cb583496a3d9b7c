/** Handler runs still going, so that `stop()` can wait for them (bounded). */
export class InFlightTasks {
  private readonly tasks = new Set<Promise<unknown>>();

  /** Number of runs still going. */
  get size(): number {
    return this.tasks.size;
  }

  /** Tracks `task` until it settles. */
  track(task: Promise<unknown>): void {
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
  }

  /** Resolves when every tracked run settled, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.tasks.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.tasks]),
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }
}
