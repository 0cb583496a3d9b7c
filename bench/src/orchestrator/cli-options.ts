import { Command, InvalidArgumentError } from 'commander';
import { SCENARIOS, ScenarioPlan } from './plan';
import { ScenarioName, SystemName, SYSTEMS } from '../shared/bench.interfaces';

/** What `--cluster` runs (the other systems have no cluster mode to compare with). */
const CLUSTER_SCENARIOS: readonly ScenarioName[] = ['oneway', 'reqrep-c100', 'reliable-oneway'];

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
  /** Run on a throw-away local Redis Cluster (mas only: oneway, reqrep-c100, reliable-oneway) and report per master. */
  cluster: boolean;
}

/** What commander hands back, before defaults and the partial flag are applied. */
interface ParsedFlags {
  quick?: boolean;
  rounds?: number;
  duration?: number;
  scenarios?: ScenarioName[];
  systems?: SystemName[];
  redis?: string;
  profile?: boolean;
  cluster?: boolean;
}

/** commander parser of a comma-separated subset of `allowed`. */
function list<T extends string>(allowed: readonly T[], what: string): (value: string) => T[] {
  return (value: string) => {
    const items = value.split(',').map((item) => item.trim()) as T[];
    const unknown = items.filter((item) => !allowed.includes(item));
    if (unknown.length) throw new InvalidArgumentError(`unknown ${what}: ${unknown.join(', ')} (known: ${allowed.join(', ')})`);
    return items;
  };
}

/** commander parser of a positive number. */
function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number');
  return n;
}

/** The `npm run bench` command line: flags, their parsers and the help text. */
function benchCommand(): Command {
  const scenarioNames = SCENARIOS.map((s) => s.name);
  return new Command()
    .name('npm run bench --')
    .description('MAS side by side with raw ioredis, NestJS\'s Redis transport and Moleculer')
    .option('--quick', 'one short round (under 3 minutes)')
    .option('--rounds <n>', 'rounds (default 3, quick 1)', (value) => Math.round(positive(value)))
    .option('--duration <seconds>', 'measured seconds per scenario (default 6, quick 3; gateway-* 4, quick 3)', positive)
    .option(
      '--scenarios <a,b>',
      `subset of: ${scenarioNames.join(', ')} (the -zt ones, zero-trust gateway runs, only when named)`,
      list<ScenarioName>(scenarioNames, 'scenario'),
    )
    .option('--systems <a,b>', `subset of: ${SYSTEMS.join(', ')}`, list<SystemName>(SYSTEMS, 'system'))
    .option('--redis <url>', 'Redis to use (default $BENCH_REDIS_URL or redis://127.0.0.1:6379/15)')
    .option('--profile', 'write CPU profiles of the workers to bench/results/profiles/')
    .option('--cluster', 'mas on a throw-away local Redis Cluster (3 masters + 3 replicas): oneway, reqrep-c100, reliable-oneway, with what each master served')
    .addHelpText('after', '\nA run of the whole matrix writes bench/results/latest.json and latest.md.')
    .showHelpAfterError();
}

/**
 * Parses argv (without node and the script). `--help` prints the usage and exits; a bad option
 * prints the error and the usage and exits with 1 (commander's way).
 */
export function parseCli(argv: string[]): CliOptions {
  const flags = benchCommand().parse(argv, { from: 'user' }).opts<ParsedFlags>();
  const names = flags.scenarios;
  return {
    quick: flags.quick ?? false,
    rounds: flags.rounds,
    durationMs: flags.duration === undefined ? undefined : flags.duration * 1000,
    scenarios: names
      ? SCENARIOS.filter((s) => names.includes(s.name))
      : SCENARIOS.filter((s) => (flags.cluster ? CLUSTER_SCENARIOS.includes(s.name) : !s.optIn)),
    systems: flags.cluster ? ['mas'] : (flags.systems ?? [...SYSTEMS]),
    redisUrl: flags.redis ?? process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/15',
    profile: flags.profile ?? false,
    partial: names !== undefined || flags.systems !== undefined || flags.cluster === true,
    cluster: flags.cluster ?? false,
  };
}
