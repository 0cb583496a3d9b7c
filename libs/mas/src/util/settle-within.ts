/**
 * Resolves once `task` settled (its outcome ignored) or `ms` passed, whichever comes first: for
 * shutdown steps that must not hang while Redis is unreachable. The task keeps running.
 */
export async function settleWithin(task: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([task.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
