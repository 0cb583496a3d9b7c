import type { SummaryIndex } from './aggregate';

/** A target of the issue, checked on one run's figures. */
export interface Target {
  /** Row of the table the target belongs to. */
  row: string;
  text: string;
  /** true met, false missed, null when a figure is missing. */
  check(index: SummaryIndex): boolean | null;
}

function ratioAtLeast(scenario: string, factor: number): (index: SummaryIndex) => boolean | null {
  return (index) => {
    const mas = index.get(scenario, 'mas')?.throughput;
    const raw = index.get(scenario, 'raw')?.throughput;
    return mas == null || raw == null ? null : mas >= factor * raw;
  };
}

function atLeast(scenario: string, minimum: number): (index: SummaryIndex) => boolean | null {
  return (index) => {
    const mas = index.get(scenario, 'mas')?.throughput;
    return mas == null ? null : mas >= minimum;
  };
}

/** The targets of the issue ("ratios in the same run on this 2-core machine"). */
export const TARGETS: readonly Target[] = [
  { row: 'oneway', text: '≥ 0.70 × raw', check: ratioAtLeast('oneway', 0.7) },
  { row: 'reqrep-c100', text: '≥ 0.85 × raw', check: ratioAtLeast('reqrep-c100', 0.85) },
  {
    row: 'reqrep-10k p99',
    text: 'p99 ≤ 1.5 × raw, < nest, < moleculer',
    check: (index) => {
      const p99 = (system: 'mas' | 'raw' | 'nest' | 'moleculer') => index.get('reqrep-10k', system)?.p99_ms;
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
];
