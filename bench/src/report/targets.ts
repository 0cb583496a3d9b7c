import type { SystemName } from '../shared/bench.interfaces';
import type { SummaryIndex } from './aggregate';

/** A target of the issues, checked on one run's figures. */
export interface Target {
  /** Row of the table the target belongs to. */
  row: string;
  text: string;
  /** true met, false missed, null when a figure is missing. */
  check(index: SummaryIndex): boolean | null;
}

/** mas's throughput in `scenario` is at least `factor` × that of `other` in `otherScenario`. */
function ratioAtLeast(scenario: string, factor: number, other: SystemName = 'raw', otherScenario = scenario, otherSystemIsMas = false): (index: SummaryIndex) => boolean | null {
  return (index) => {
    const mas = index.get(scenario, 'mas')?.throughput;
    const base = index.get(otherScenario, otherSystemIsMas ? 'mas' : other)?.throughput;
    return mas == null || base == null ? null : mas >= factor * base;
  };
}

function atLeast(scenario: string, minimum: number): (index: SummaryIndex) => boolean | null {
  return (index) => {
    const mas = index.get(scenario, 'mas')?.throughput;
    return mas == null ? null : mas >= minimum;
  };
}

function p99AtMost(scenario: string, maximumMs: number): (index: SummaryIndex) => boolean | null {
  return (index) => {
    const p99 = index.get(scenario, 'mas')?.p99_ms;
    return p99 == null ? null : p99 <= maximumMs;
  };
}

/** The targets of the issues ("ratios in the same run on this 2-core machine"). */
export const TARGETS: readonly Target[] = [
  { row: 'oneway', text: '≥ 0.90 × raw-pipelined', check: ratioAtLeast('oneway', 0.9, 'raw-pipelined') },
  { row: 'reliable-oneway', text: '≥ 0.50 × mas oneway', check: ratioAtLeast('reliable-oneway', 0.5, 'mas', 'oneway', true) },
  { row: 'reliable-oneway', text: '≥ 0.90 × raw-pipelined', check: ratioAtLeast('reliable-oneway', 0.9, 'raw-pipelined') },
  { row: 'reqrep-c100', text: '≥ 0.90 × raw-pipelined', check: ratioAtLeast('reqrep-c100', 0.9, 'raw-pipelined') },
  {
    row: 'reqrep-10k p99',
    text: 'p99 ≤ 1.5 × raw, < nest, < moleculer',
    check: (index) => {
      const p99 = (system: SystemName) => index.get('reqrep-10k', system)?.p99_ms;
      const [mas, raw, nest, moleculer] = [p99('mas'), p99('raw'), p99('nest'), p99('moleculer')];
      if (mas == null || raw == null) return null;
      return mas <= 1.5 * raw && (nest == null || mas < nest) && (moleculer == null || mas < moleculer);
    },
  },
  { row: 'state', text: '≥ 0.80 × raw HSET', check: ratioAtLeast('state', 0.8) },
  { row: 'discovery-1k', text: '≥ 2,000 q/s', check: atLeast('discovery-1k', 2000) },
  { row: 'discovery-10k', text: '≥ 2,000 q/s', check: atLeast('discovery-10k', 2000) },
  {
    row: 'agents-10k start',
    text: '< 10 s',
    check: (index) => {
      const startS = index.get('agents-10k', 'mas')?.start_s;
      return startS == null ? null : startS < 10;
    },
  },
  {
    row: 'agents-10k RSS',
    text: '< 1,024 MB',
    check: (index) => {
      const rss = index.get('agents-10k', 'mas')?.rss_mb;
      return rss == null ? null : rss < 1024;
    },
  },
  { row: 'gateway-basic', text: '≥ 20,000 msg/s', check: atLeast('gateway-basic', 20_000) },
  { row: 'gateway-full', text: '≥ 10,000 msg/s', check: atLeast('gateway-full', 10_000) },
  // The issue names gateway-full with provisioned (zero-trust) agents once that mode exists: it does.
  { row: 'gateway-full-zt', text: '≥ 10,000 msg/s', check: atLeast('gateway-full-zt', 10_000) },
  { row: 'gateway-5k latency', text: 'p99 ≤ 20 ms', check: p99AtMost('gateway-5k', 20) },
  { row: 'gateway-full-x2', text: '≥ 1.7 × one gateway', check: ratioAtLeast('gateway-full-x2', 1.7, 'mas', 'gateway-full', true) },
];
