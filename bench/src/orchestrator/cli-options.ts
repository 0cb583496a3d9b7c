import { SCENARIOS, ScenarioPlan } from './plan';
import { ScenarioName, SystemName, SYSTEMS } from '../shared/bench.interfaces';

/** Command-line options of `npm run bench -- [options]`. */
export interface CliOptions {
  quick: boolean;
  rounds?: number;
  durationMs?: number;
  scenarios: ScenarioPlan[];
  systems: SystemName[];
  redisUrl: string;
  /** Write V8 CPU profiles of the worker processes to bench/results/profiles/. */
  profile: boolean;
  /** True when only part of the matrix runs (results are not written to latest.*). */
  partial: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]
  --quick                one short round (under 3 minutes)
  --rounds N             rounds (default 3, quick 1)
  --duration SECONDS     measured seconds per scenario (default 6, quick 3; gateway-* 4, quick 3)
  --scenarios a,b        subset of: ${SCENARIOS.map((s) => s.name).join(', ')}
  --systems a,b          subset of: ${SYSTEMS.join(', ')}
  --redis URL            Redis to use (default $BENCH_REDIS_URL or redis://127.0.0.1:6379/15)
  --profile              write CPU profiles of the workers to bench/results/profiles/
A run of the whole matrix writes bench/results/latest.json and latest.md.`;

function list<T extends string>(value: string | undefined, allowed: readonly T[], what: string): T[] {
  if (!value) throw new Error(`${what} needs a value`);
  const items = value.split(',').map((item) => item.trim()) as T[];
  const unknown = items.filter((item) => !allowed.includes(item));
  if (unknown.length) throw new Error(`unknown ${what}: ${unknown.join(', ')} (known: ${allowed.join(', ')})`);
  return items;
}

function positive(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${what} must be a positive number`);
  return n;
}

/** Parses argv (without node and the script). */
export function parseCli(argv: string[]): CliOptions | 'help' {
  const options: CliOptions = {
    quick: false,
    scenarios: [...SCENARIOS],
    systems: [...SYSTEMS],
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/15',
    profile: false,
    partial: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--quick':
        options.quick = true;
        break;
      case '--rounds':
        options.rounds = Math.round(positive(argv[++i], '--rounds'));
        break;
      case '--duration':
        options.durationMs = positive(argv[++i], '--duration') * 1000;
        break;
      case '--scenarios': {
        const names = list<ScenarioName>(argv[++i], SCENARIOS.map((s) => s.name), 'scenario');
        options.scenarios = SCENARIOS.filter((s) => names.includes(s.name));
        options.partial = true;
        break;
      }
      case '--systems':
        options.systems = list<SystemName>(argv[++i], SYSTEMS, 'system');
        options.partial = true;
        break;
      case '--redis':
        options.redisUrl = argv[++i] ?? options.redisUrl;
        break;
      case '--profile':
        options.profile = true;
        break;
      case '--help':
      case '-h':
        return 'help';
      default:
        throw new Error(`unknown option "${arg}"\n${USAGE}`);
    }
  }
  return options;
}
