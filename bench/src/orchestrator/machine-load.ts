import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Linux's USER_HZ: /proc reports CPU times in these ticks. */
export const CLOCK_TICKS = 100;

/** Busy CPU seconds of the whole machine so far (all cores), from /proc/stat; NaN elsewhere. */
export function machineBusySeconds(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    // cpu user nice system idle iowait irq softirq steal ...
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + (steal || 0)) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds (user + system) used by process `pid` so far; NaN where /proc is missing. */
export function processCpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Measures how busy the machine was while a task ran, and how much of it was the task's workers. */
export class LoadProbe {
  private readonly startedAt = process.hrtime.bigint();
  private readonly machineAtStart = machineBusySeconds();
  private readonly workersAtStart: number;

  constructor(private readonly workersCpu: () => number) {
    this.workersAtStart = workersCpu();
  }

  /** Percentages of the whole machine (all cores): busy, and used by the task's workers. */
  read(): { machine_busy_pct: number; workers_pct: number } | undefined {
    const seconds = Number(process.hrtime.bigint() - this.startedAt) / 1e9;
    const capacity = seconds * cpus().length;
    const machine = machineBusySeconds() - this.machineAtStart;
    const workers = this.workersCpu() - this.workersAtStart;
    if (!Number.isFinite(machine + workers) || capacity <= 0) return undefined;
    return { machine_busy_pct: Math.round((100 * machine) / capacity), workers_pct: Math.round((100 * workers) / capacity) };
  }
}
