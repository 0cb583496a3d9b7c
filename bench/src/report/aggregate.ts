import type { RunResult, SystemName } from '../shared/bench.interfaces';
import { median, round } from '../shared/stats';

/** Figures of one scenario × system: medians over the rounds. */
export type Summary = RunResult & { rounds: number };

/** One entry per scenario × system, each figure the median over the rounds (errors summed). */
export function summarise(samples: RunResult[]): Summary[] {
  const groups = new Map<string, RunResult[]>();
  for (const sample of samples) {
    const key = `${sample.scenario}\u0000${sample.system}`;
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  return [...groups.values()].map((group) => {
    const pick = (field: 'throughput' | 'p50_ms' | 'p95_ms' | 'p99_ms' | 'rss_mb' | 'start_s') =>
      median(group.map((sample) => sample[field]));
    const summary: Summary = {
      scenario: group[0].scenario,
      system: group[0].system,
      throughput: roundOrNull(pick('throughput'), 1),
      p50_ms: roundOrNull(pick('p50_ms'), 3),
      p95_ms: roundOrNull(pick('p95_ms'), 3),
      p99_ms: roundOrNull(pick('p99_ms'), 3),
      rounds: group.length,
    };
    const rss = pick('rss_mb');
    const startS = pick('start_s');
    if (rss !== null) summary.rss_mb = round(rss, 1);
    if (startS !== null) summary.start_s = round(startS, 3);
    const errors = group.reduce((sum, sample) => sum + (sample.errors ?? 0), 0);
    if (errors) summary.errors = errors;
    const senderCpu = median(group.map((sample) => sample.cpu_us_per_op?.sender));
    const receiverCpu = median(group.map((sample) => sample.cpu_us_per_op?.receiver));
    if (senderCpu !== null && receiverCpu !== null) {
      summary.cpu_us_per_op = { sender: round(senderCpu, 1), receiver: round(receiverCpu, 1) };
      const gatewayCpu = median(group.map((sample) => sample.cpu_us_per_op?.gateway));
      if (gatewayCpu !== null) summary.cpu_us_per_op.gateway = round(gatewayCpu, 1);
      const redisCpu = median(group.map((sample) => sample.cpu_us_per_op?.redis));
      if (redisCpu !== null) summary.cpu_us_per_op.redis = round(redisCpu, 1);
    }
    const commands = group.map((sample) => sample.redis_commands_per_op).filter((c) => c !== undefined);
    if (commands.length) summary.redis_commands_per_op = commands.sort((a, b) => a.total - b.total)[Math.floor(commands.length / 2)];
    const machineBusy = median(group.map((sample) => sample.machine_busy_pct));
    const workers = median(group.map((sample) => sample.workers_pct));
    if (machineBusy !== null && workers !== null) Object.assign(summary, { machine_busy_pct: machineBusy, workers_pct: workers });
    return summary;
  });
}

function roundOrNull(value: number | null, digits: number): number | null {
  return value === null ? null : round(value, digits);
}

/** Looks summaries up by scenario and system. */
export class SummaryIndex {
  private readonly byKey = new Map<string, Summary>();

  constructor(readonly summaries: Summary[]) {
    for (const summary of summaries) this.byKey.set(`${summary.scenario}/${summary.system}`, summary);
  }

  get(scenario: string, system: SystemName): Summary | undefined {
    return this.byKey.get(`${scenario}/${system}`);
  }
}
