import { availableParallelism } from 'node:os';
import { SystemName, SYSTEMS } from '../shared/bench.interfaces';
import type { Summary, SummaryIndex } from './aggregate';
import { TARGETS } from './targets';

type Metric = 'throughput' | 'latency' | 'start_s' | 'rss_mb';

interface Row {
  key: string;
  label: string;
  scenario: string;
  metric: Metric;
  /** mas's throughput on this row relative to another scenario's (shown in the target column). */
  relativeTo?: { scenario: string; text: string };
}

/** The table's rows: one per figure. Latency rows compare p99. */
const ROWS: readonly Row[] = [
  { key: 'oneway', label: 'oneway msg/s', scenario: 'oneway', metric: 'throughput' },
  {
    key: 'reliable-oneway',
    label: 'reliable-oneway msg/s',
    scenario: 'reliable-oneway',
    metric: 'throughput',
    relativeTo: { scenario: 'oneway', text: 'reliable/direct (mas oneway)' },
  },
  { key: 'reqrep-c100', label: 'reqrep-c100 req/s', scenario: 'reqrep-c100', metric: 'throughput' },
  { key: 'reqrep-c100 latency', label: 'reqrep-c100 p50/p95/p99 ms', scenario: 'reqrep-c100', metric: 'latency' },
  {
    key: 'reliable-reqrep-c100',
    label: 'reliable-reqrep-c100 req/s',
    scenario: 'reliable-reqrep-c100',
    metric: 'throughput',
    relativeTo: { scenario: 'reqrep-c100', text: 'reliable/direct (mas reqrep-c100)' },
  },
  { key: 'reliable-reqrep-c100 latency', label: 'reliable-reqrep-c100 p50/p95/p99 ms', scenario: 'reliable-reqrep-c100', metric: 'latency' },
  { key: 'reqrep-10k', label: 'reqrep-10k achieved req/s', scenario: 'reqrep-10k', metric: 'throughput' },
  { key: 'reqrep-10k p99', label: 'reqrep-10k p50/p95/p99 ms', scenario: 'reqrep-10k', metric: 'latency' },
  { key: 'state', label: 'state ops/s (50 concurrent)', scenario: 'state', metric: 'throughput' },
  { key: 'discovery-1k', label: 'discovery q/s, 1,000 agents', scenario: 'discovery-1k', metric: 'throughput' },
  { key: 'discovery-10k', label: 'discovery q/s, 10,000 agents', scenario: 'discovery-10k', metric: 'throughput' },
  { key: 'agents-10k start', label: 'agents-10k start s', scenario: 'agents-10k', metric: 'start_s' },
  { key: 'agents-10k RSS', label: 'agents-10k RSS MB', scenario: 'agents-10k', metric: 'rss_mb' },
  {
    key: 'gateway-basic',
    label: 'gateway-basic msg/s',
    scenario: 'gateway-basic',
    metric: 'throughput',
    relativeTo: { scenario: 'oneway', text: 'gateway/direct (mas oneway)' },
  },
  { key: 'gateway-basic latency', label: 'gateway-basic send→decision p50/p95/p99 ms', scenario: 'gateway-basic', metric: 'latency' },
  {
    key: 'gateway-full',
    label: 'gateway-full msg/s',
    scenario: 'gateway-full',
    metric: 'throughput',
    relativeTo: { scenario: 'gateway-basic', text: 'full/basic' },
  },
  { key: 'gateway-full latency', label: 'gateway-full send→decision p50/p95/p99 ms', scenario: 'gateway-full', metric: 'latency' },
  { key: 'gateway-5k', label: 'gateway-5k msg/s (5,000/s offered)', scenario: 'gateway-5k', metric: 'throughput' },
  { key: 'gateway-5k latency', label: 'gateway-5k send→decision p50/p95/p99 ms', scenario: 'gateway-5k', metric: 'latency' },
  {
    key: 'gateway-full-x2',
    label: 'gateway-full-x2 msg/s (two gateways)',
    scenario: 'gateway-full-x2',
    metric: 'throughput',
    relativeTo: { scenario: 'gateway-full', text: 'two/one gateway' },
  },
  { key: 'gateway-full-x2 latency', label: 'gateway-full-x2 send→decision p50/p95/p99 ms', scenario: 'gateway-full-x2', metric: 'latency' },
  // Opt-in (--scenarios gateway-basic-zt,gateway-full-zt): the same through provisioned agents.
  {
    key: 'gateway-basic-zt',
    label: 'gateway-basic-zt msg/s',
    scenario: 'gateway-basic-zt',
    metric: 'throughput',
    relativeTo: { scenario: 'gateway-basic', text: 'zero-trust/shared user' },
  },
  { key: 'gateway-basic-zt latency', label: 'gateway-basic-zt send→decision p50/p95/p99 ms', scenario: 'gateway-basic-zt', metric: 'latency' },
  {
    key: 'gateway-full-zt',
    label: 'gateway-full-zt msg/s',
    scenario: 'gateway-full-zt',
    metric: 'throughput',
    relativeTo: { scenario: 'gateway-full', text: 'zero-trust/shared user' },
  },
  { key: 'gateway-full-zt latency', label: 'gateway-full-zt send→decision p50/p95/p99 ms', scenario: 'gateway-full-zt', metric: 'latency' },
];

const OTHERS: readonly SystemName[] = SYSTEMS.filter((system) => system !== 'mas');

function number(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function latency(ms: number | null): string {
  if (ms === null) return '?';
  return ms < 10 ? number(ms, 2) : number(ms, 1);
}

function cell(summary: Summary | undefined, metric: Metric, failed: boolean): string {
  if (!summary) return failed ? 'failed' : '—';
  const errors = summary.errors ? ` (${number(summary.errors)} err)` : '';
  switch (metric) {
    case 'throughput':
      return summary.throughput === null ? '?' : number(summary.throughput) + errors;
    case 'latency':
      return `${latency(summary.p50_ms)} / ${latency(summary.p95_ms)} / ${latency(summary.p99_ms)}${errors}`;
    case 'start_s':
      return summary.start_s === undefined ? '?' : number(summary.start_s, 2);
    case 'rss_mb':
      return summary.rss_mb === undefined ? '?' : number(summary.rss_mb);
  }
}

/** mas ÷ other for the row's figure (p99 for latency rows). */
function ratio(mas: Summary | undefined, other: Summary | undefined, metric: Metric): string {
  const value = (summary: Summary | undefined): number | null | undefined =>
    metric === 'latency' ? summary?.p99_ms : metric === 'throughput' ? summary?.throughput : undefined;
  const a = value(mas);
  const b = value(other);
  if (a == null || b == null || b === 0) return '—';
  return `${number(a / b, 2)}×`;
}

function verdict(row: Row, index: SummaryIndex): string {
  const notes: string[] = [];
  if (row.relativeTo) {
    const mine = index.get(row.scenario, 'mas')?.throughput;
    const base = index.get(row.relativeTo.scenario, 'mas')?.throughput;
    if (mine != null && base != null && base !== 0) notes.push(`${number(mine / base, 2)}× ${row.relativeTo.text}`);
  }
  for (const target of TARGETS.filter((candidate) => candidate.row === row.key)) {
    const met = target.check(index);
    notes.push(`${target.text} ${met === null ? '(n/a)' : met ? '✅' : '❌'}`);
  }
  return notes.join('; ');
}

/**
 * Gateway scenarios: CPU µs per delivered message of the gateway process(es), the sender, the
 * receiver and Redis, their total, and the rate that total allows on this machine's `cores` when
 * every process shares them (as in the bench): `cores × 10⁶ / total` messages per second.
 */
export function renderGatewayCpuTable(index: SummaryIndex, cores = availableParallelism()): string {
  const scenarios = ['gateway-basic', 'gateway-full', 'gateway-5k', 'gateway-full-x2', 'gateway-basic-zt', 'gateway-full-zt'].filter((scenario) => index.get(scenario, 'mas')?.cpu_us_per_op?.gateway !== undefined);
  if (scenarios.length === 0) return '';
  const header = ['CPU µs per message (mas)', 'gateway', 'sender', 'receiver', 'Redis', 'total', `msg/s ${cores} cores allow`, 'Redis commands per message (most frequent)'];
  const lines = scenarios.map((scenario) => {
    const summary = index.get(scenario, 'mas')!;
    const cpu = summary.cpu_us_per_op!;
    const commands = summary.redis_commands_per_op;
    const top = commands ? `${number(commands.total, 1)}: ${Object.entries(commands.top).slice(0, 6).map(([name, n]) => `${name} ${number(n, 1)}`).join(', ')}` : '—';
    const total = cpu.redis === undefined ? undefined : (cpu.gateway ?? 0) + cpu.sender + cpu.receiver + cpu.redis;
    return [
      scenario,
      number(cpu.gateway ?? 0, 1),
      number(cpu.sender, 1),
      number(cpu.receiver, 1),
      cpu.redis === undefined ? '—' : number(cpu.redis, 1),
      total === undefined ? '—' : number(total, 1),
      total === undefined ? '—' : number((cores * 1e6) / total, 0),
      top,
    ];
  });
  return markdown(header, lines);
}

/** The results as a Markdown table (padded so that it also reads well on a terminal). */
export function renderTable(index: SummaryIndex, failed: ReadonlySet<string>): string {
  const header = ['scenario', ...SYSTEMS, ...OTHERS.map((other) => `mas/${other}`), 'target / note'];
  const lines = ROWS.filter((row) => SYSTEMS.some((system) => index.get(row.scenario, system) || failed.has(`${row.scenario}/${system}`))).map(
    (row) => {
      const mas = index.get(row.scenario, 'mas');
      return [
        row.label,
        ...SYSTEMS.map((system) => cell(index.get(row.scenario, system), row.metric, failed.has(`${row.scenario}/${system}`))),
        ...OTHERS.map((other) => ratio(mas, index.get(row.scenario, other), row.metric)),
        verdict(row, index),
      ];
    },
  );
  return markdown(header, lines);
}

/** Pair scenarios: CPU µs per message of the sender and receiver processes, less sensitive to a busy machine than rates. */
export function renderCpuTable(index: SummaryIndex): string {
  const scenarios = ['oneway', 'reliable-oneway', 'reqrep-c100', 'reliable-reqrep-c100', 'reqrep-10k'].filter((scenario) => SYSTEMS.some((system) => index.get(scenario, system)?.cpu_us_per_op));
  if (scenarios.length === 0) return '';
  const total = (summary: Summary | undefined) => (summary?.cpu_us_per_op ? summary.cpu_us_per_op.sender + summary.cpu_us_per_op.receiver : undefined);
  const header = ['CPU µs per message (sender + receiver)', ...SYSTEMS, ...OTHERS.map((other) => `mas/${other}`)];
  const lines = scenarios.map((scenario) => {
    const mas = total(index.get(scenario, 'mas'));
    return [
      scenario,
      ...SYSTEMS.map((system) => {
        const cpu = index.get(scenario, system)?.cpu_us_per_op;
        return cpu ? `${number(cpu.sender, 1)} + ${number(cpu.receiver, 1)}` : '—';
      }),
      ...OTHERS.map((other) => {
        const theirs = total(index.get(scenario, other));
        return mas === undefined || theirs === undefined ? '—' : `${number(mas / theirs, 2)}×`;
      }),
    ];
  });
  return markdown(header, lines);
}

/** Pair scenarios: the Redis commands per message of each system (`INFO commandstats`, every client counted), the most frequent first. */
export function renderCommandsTable(index: SummaryIndex): string {
  const scenarios = ['oneway', 'reliable-oneway', 'reqrep-c100', 'reliable-reqrep-c100', 'reqrep-10k'];
  const lines: string[][] = [];
  for (const scenario of scenarios) {
    for (const system of SYSTEMS) {
      const commands = index.get(scenario, system)?.redis_commands_per_op;
      if (!commands) continue;
      const top = Object.entries(commands.top).slice(0, 8).map(([name, n]) => `${name} ${number(n, 3)}`).join(', ');
      const redisCpu = index.get(scenario, system)?.cpu_us_per_op?.redis;
      lines.push([scenario, system, number(commands.total, 2), redisCpu === undefined ? '—' : number(redisCpu, 1), top]);
    }
  }
  if (lines.length === 0) return '';
  return markdown(['Redis commands per message', 'system', 'total', 'Redis CPU µs', 'most frequent'], lines);
}

function markdown(header: string[], lines: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => `| ${cells.map((text, column) => text.padEnd(widths[column])).join(' | ')} |`;
  return [format(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}
