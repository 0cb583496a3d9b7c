/** The systems compared side by side. */
export type SystemName = 'mas' | 'raw' | 'raw-pipelined' | 'nest' | 'moleculer';

/** Every system, in the order of the table's columns. */
export const SYSTEMS: readonly SystemName[] = ['mas', 'raw', 'raw-pipelined', 'nest', 'moleculer'];

/** What a worker process runs. */
export type ScenarioName =
  | 'oneway'
  | 'reliable-oneway'
  | 'reliable-reqrep-c100'
  | 'reqrep-c100'
  | 'reqrep-10k'
  | 'state'
  | 'discovery'
  | 'agents-10k'
  | 'gateway-basic'
  | 'gateway-full'
  | 'gateway-5k'
  | 'gateway-full-x2'
  | 'gateway-basic-zt'
  | 'gateway-full-zt';

/**
 * Scenarios measured through the gateway (one gateway process started by the orchestrator). The
 * `-zt` ones run in zero-trust mode: both agents provisioned (ACL users of their own, Ed25519
 * credentials), the gateway as its service user, accepting provisioned agents only.
 */
export type GatewayScenario = 'gateway-basic' | 'gateway-full' | 'gateway-5k' | 'gateway-full-x2' | 'gateway-basic-zt' | 'gateway-full-zt';

const GATEWAY_SCENARIOS: readonly string[] = ['gateway-basic', 'gateway-full', 'gateway-5k', 'gateway-full-x2', 'gateway-basic-zt', 'gateway-full-zt'];

/** True for the scenarios measured through a gateway process. */
export function isGatewayScenario(scenario: string): scenario is GatewayScenario {
  return GATEWAY_SCENARIOS.includes(scenario);
}

/** True for the gateway scenarios run with provisioned (zero-trust) agents. */
export function isZeroTrustScenario(scenario: string): scenario is 'gateway-basic-zt' | 'gateway-full-zt' {
  return isGatewayScenario(scenario) && scenario.endsWith('-zt');
}

/** Gateway processes a gateway scenario runs (instances of one deployment sharing the ingress group). */
export function gatewayInstances(scenario: GatewayScenario): number {
  return scenario === 'gateway-full-x2' ? 2 : 1;
}

/** True for the scenarios whose receiver reads a reliable inbox (stream) rather than pub/sub. */
export function isReliableScenario(scenario: string): boolean {
  return scenario.startsWith('reliable-');
}

/** `basic` (every optional gateway feature off) or `full` (all on) for a gateway scenario. */
export function gatewayFeatures(scenario: GatewayScenario): 'basic' | 'full' {
  return scenario.startsWith('gateway-basic') ? 'basic' : 'full';
}

/** What a zero-trust worker's agent starts with (`mas provision --json` prints the same); passed in env, not argv. */
export interface BenchIdentity {
  redisUrl: string;
  credentials: string;
}

/** Environment variable carrying a worker's {@link BenchIdentity} (JSON). */
export const BENCH_IDENTITY_ENV = 'BENCH_IDENTITY';

/** Scenarios named in the issue that need library features not built yet (none left). */
export const NOT_YET_AVAILABLE: readonly string[] = [];

/** One measured figure set: one entry of `latest.json`'s `runs` (medians over rounds once reduced). */
export interface RunResult {
  /** Scenario as reported (`discovery` reports `discovery-1k` and `discovery-10k`). */
  scenario: string;
  system: SystemName;
  /** Messages, requests, operations, queries or agents per second. */
  throughput: number | null;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  rss_mb?: number;
  start_s?: number;
  /** Operations that failed or timed out (absent when none). */
  errors?: number;
  /** Operations completed in the whole run, warm-up included (for CPU per operation). */
  ops?: number;
  /**
   * CPU time per operation in µs of the sender and receiver processes (warm-up included), of the
   * gateway process(es) in gateway scenarios, and of the Redis server (pair scenarios; every client of
   * the server counts).
   */
  cpu_us_per_op?: { sender: number; receiver: number; gateway?: number; redis?: number };
  /** Gateway scenarios: Redis commands per delivered message (INFO commandstats, every client), total and the most frequent. */
  redis_commands_per_op?: { total: number; top: Record<string, number> };
  /** While it ran: how busy the whole machine was (% of all cores), and how much of that was the task's workers. */
  machine_busy_pct?: number;
  workers_pct?: number;
}

/** Sizes and durations of one bench run (quick or full). */
export interface BenchSettings {
  /** Rounds; each runs every system once per scenario. */
  rounds: number;
  /** Unmeasured time at the start of each timed scenario. */
  warmupMs: number;
  /** Measured time of each timed scenario. */
  durationMs: number;
  /** oneway: most messages sent and not yet handled by the receiver. */
  onewayWindow: number;
  /** reliable-oneway: the receiver's inbox `maxInFlight`. */
  reliableMaxInFlight: number;
  /** gateway-*: sends awaiting the gateway's decision at once. */
  gatewayConcurrency: number;
  /** gateway-5k: decisions per second offered (open loop). */
  gatewayOpenLoopRate: number;
  /** gateway-*: measured time (shorter than `durationMs`: the gateway is slow and starts its own process). */
  gatewayDurationMs: number;
  /** reqrep-c100: requests in flight. */
  reqrepConcurrency: number;
  /** reqrep-10k: requests per second offered. */
  openLoopRate: number;
  /** state: updates in flight. */
  stateConcurrency: number;
  /** discovery: queries in flight. */
  discoveryConcurrency: number;
  /** discovery: registered agents, measured one after the other. */
  discoverySizes: number[];
  /** discovery: agents having the queried capability. */
  discoveryMatches: number;
  /** agents-10k: agents started in one process. */
  agentCount: number;
  /** Timeout of one request. */
  requestTimeoutMs: number;
}

/** Everything a worker process needs to know (passed as JSON in argv). */
export interface TaskSpec {
  scenario: ScenarioName;
  system: SystemName;
  /** Unique per bench run: prefixes agent ids, channels, namespaces and keys. */
  runId: string;
  redisUrl: string;
  settings: BenchSettings;
}

/** Messages from the orchestrator to a worker. */
export type ToWorker =
  | { t: 'go' }
  | { t: 'credit'; delivered: number }
  | { t: 'expect'; total: number }
  | { t: 'stop' };

/** Messages from a worker to the orchestrator. */
export type FromWorker =
  | { t: 'ready' }
  | { t: 'progress'; fraction: number; info: string }
  | { t: 'delivered'; count: number }
  | { t: 'sent'; total: number }
  | { t: 'result'; results: RunResult[] }
  | { t: 'failed'; message: string };
