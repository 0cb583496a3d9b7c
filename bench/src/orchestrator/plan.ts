import { BenchSettings, ScenarioName, SystemName, SYSTEMS } from '../shared/bench.interfaces';

/** How a scenario runs: a receiver and a sender process, or one process alone. */
export interface ScenarioPlan {
  name: ScenarioName;
  kind: 'pair' | 'solo';
  systems: readonly SystemName[];
  /** Runs only when named in `--scenarios` (not part of the default matrix). */
  optIn?: boolean;
}

/** Every scenario, in run order, with the systems that have something to compare. */
export const SCENARIOS: readonly ScenarioPlan[] = [
  { name: 'oneway', kind: 'pair', systems: SYSTEMS },
  { name: 'reliable-oneway', kind: 'pair', systems: ['mas', 'raw-pipelined'] },
  { name: 'reqrep-c100', kind: 'pair', systems: SYSTEMS },
  { name: 'reliable-reqrep-c100', kind: 'pair', systems: ['mas', 'raw-pipelined'] },
  { name: 'reqrep-10k', kind: 'pair', systems: SYSTEMS },
  { name: 'state', kind: 'solo', systems: ['mas', 'raw'] },
  { name: 'discovery', kind: 'solo', systems: ['mas'] },
  { name: 'agents-10k', kind: 'solo', systems: ['mas'] },
  { name: 'gateway-basic', kind: 'pair', systems: ['mas'] },
  { name: 'gateway-full', kind: 'pair', systems: ['mas'] },
  { name: 'gateway-5k', kind: 'pair', systems: ['mas'] },
  { name: 'gateway-full-x2', kind: 'pair', systems: ['mas'] },
  { name: 'gateway-basic-zt', kind: 'pair', systems: ['mas'], optIn: true },
  { name: 'gateway-full-zt', kind: 'pair', systems: ['mas'] },
];

const COMMON = {
  onewayWindow: 5_000,
  reliableMaxInFlight: 256,
  gatewayConcurrency: 200,
  gatewayOpenLoopRate: 5_000,
  reqrepConcurrency: 100,
  openLoopRate: 10_000,
  stateConcurrency: 50,
  discoveryConcurrency: 10,
  discoverySizes: [1_000, 10_000],
  discoveryMatches: 10,
  agentCount: 10_000,
  requestTimeoutMs: 10_000,
};

/** `--quick`: one round, short measurements (the whole run stays under 3 minutes). */
export const QUICK: BenchSettings = { ...COMMON, rounds: 1, warmupMs: 500, durationMs: 3_000, gatewayDurationMs: 3_000 };

/** Default: three interleaved rounds, medians reported (under 15 minutes). */
export const FULL: BenchSettings = { ...COMMON, rounds: 3, warmupMs: 1_000, durationMs: 6_000, gatewayDurationMs: 4_000 };

/** One process set to run: a system in a scenario, in a round. */
export interface Task {
  round: number;
  scenario: ScenarioPlan;
  system: SystemName;
}

/**
 * Interleaved rounds: each round runs every selected system once per scenario; the order of the
 * systems rotates from round to round so that none always runs first.
 */
export function planTasks(rounds: number, scenarios: readonly ScenarioPlan[], systems: readonly SystemName[]): Task[] {
  const tasks: Task[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const scenario of scenarios) {
      const chosen = scenario.systems.filter((system) => systems.includes(system));
      const shift = round % Math.max(1, chosen.length);
      for (const system of [...chosen.slice(shift), ...chosen.slice(0, shift)]) tasks.push({ round, scenario, system });
    }
  }
  return tasks;
}
