import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RunResult, TaskSpec } from '../shared/bench.interfaces';
import type { WorkerRole } from '../worker/worker';
import type { Task } from './plan';
import { LoadProbe } from './machine-load';
import { WorkerHandle } from './worker-handle';

/** How to run tasks. */
export interface TaskRunnerOptions {
  /** Directory for V8 CPU profiles, when profiling. */
  profileDir?: string;
  onProgress(fraction: number, info: string): void;
}

const READY_TIMEOUT_MS = 30_000;

/**
 * Runs one task in fresh worker processes: a receiver then a sender (the orchestrator relays the
 * one-way credit between them), or one solo worker. Always stops the workers, even on failure.
 */
export async function runTask(task: Task, spec: TaskSpec, options: TaskRunnerOptions): Promise<RunResult[]> {
  const budgetMs = spec.settings.warmupMs + spec.settings.durationMs + 60_000 + (task.scenario.kind === 'solo' ? 120_000 : 0);
  const profileFile = (role: WorkerRole): string | undefined =>
    options.profileDir && join(options.profileDir, `${task.scenario.name}-${task.system}-${role}-r${task.round + 1}.cpuprofile`);
  const execArgv = (role: WorkerRole): string[] => {
    const file = profileFile(role);
    if (!file) return [];
    mkdirSync(dirname(file), { recursive: true });
    return ['--cpu-prof', '--cpu-prof-dir', dirname(file), '--cpu-prof-name', basename(file)];
  };
  const workers: WorkerHandle[] = [];
  const start = (role: WorkerRole): WorkerHandle => {
    const worker = new WorkerHandle(role, spec, execArgv(role), profileFile(role));
    workers.push(worker);
    worker.onMessage((message) => {
      if (message.t === 'progress') options.onProgress(message.fraction, message.info);
    });
    return worker;
  };
  try {
    if (task.scenario.kind === 'solo') {
      const solo = start('solo');
      await solo.ready(READY_TIMEOUT_MS);
      const load = new LoadProbe(() => solo.cpuSeconds());
      solo.send({ t: 'go' });
      const measured = await solo.results(budgetMs);
      const busy = load.read();
      return measured.map((result) => ({ ...result, ...busy }));
    }
    const receiver = start('receiver');
    await receiver.ready(READY_TIMEOUT_MS);
    const sender = start('sender');
    receiver.onMessage((message) => {
      if (message.t === 'delivered') sender.send({ t: 'credit', delivered: message.count });
    });
    sender.onMessage((message) => {
      if (message.t === 'sent') receiver.send({ t: 'expect', total: message.total });
    });
    await sender.ready(READY_TIMEOUT_MS);
    const reporter = task.scenario.name === 'oneway' ? receiver : sender;
    const other = reporter === receiver ? sender : receiver;
    // A failure of either side ends the task; only the reporter's results count.
    const results = reporter.results(budgetMs);
    const otherFailure = other.results(budgetMs).then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => Promise.reject(error),
    );
    const cpuAtGo = [sender.cpuSeconds(), receiver.cpuSeconds()];
    const load = new LoadProbe(() => sender.cpuSeconds() + receiver.cpuSeconds());
    sender.send({ t: 'go' });
    const measured = await Promise.race([results, otherFailure]);
    const [senderCpu, receiverCpu] = [sender.cpuSeconds() - cpuAtGo[0], receiver.cpuSeconds() - cpuAtGo[1]];
    const busy = load.read();
    return measured.map((result) => ({
      ...result,
      ...busy,
      ...(result.ops && Number.isFinite(senderCpu + receiverCpu)
        ? { cpu_us_per_op: { sender: (senderCpu * 1e6) / result.ops, receiver: (receiverCpu * 1e6) / result.ops } }
        : {}),
    }));
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}
