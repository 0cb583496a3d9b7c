/** Resolves like `task`, or with a failure once `deadlineMs` passed (the task keeps running). */
export function withDeadline<T>(
  task: Promise<T>,
  deadlineMs: number | undefined,
  onTimeout: () => Error,
): Promise<T | { status: 'failed'; error: Error }> {
  return deadlineMs ? raceDeadline(task, deadlineMs, onTimeout) : task;
}

async function raceDeadline<T>(task: Promise<T>, deadlineMs: number, onTimeout: () => Error): Promise<T | { status: 'failed'; error: Error }> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<{ status: 'failed'; error: Error }>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'failed', error: onTimeout() }), deadlineMs);
  });
  try {
    return await Promise.race([task, expired]);
  } finally {
    clearTimeout(timer);
  }
}
