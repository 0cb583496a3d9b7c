/**
 * A worker process: one system in one role (receiver, sender, or solo) for one scenario.
 * Driven by the orchestrator over IPC: `ready` when set up, runs on `go`, exits on `stop`.
 * Usage (by the orchestrator only): node worker.js <role> <TaskSpec JSON>
 */
import 'reflect-metadata';
import './otel-setup';
import { writeFileSync } from 'node:fs';
import { OnewayCounter, OnewaySender } from '../scenarios/oneway';
import { runGatewaySends } from '../scenarios/gateway';
import { runReqrep } from '../scenarios/reqrep';
import { BENCH_IDENTITY_ENV, BenchIdentity, isGatewayScenario, isReliableScenario, RunResult, ScenarioName, TaskSpec } from '../shared/bench.interfaces';
import { loadSystem } from '../systems';
import type { SystemContext } from '../systems/system.interfaces';
import { listen, runCleanups, tell } from './worker-io';

export type WorkerRole = 'receiver' | 'sender' | 'solo';

type SoloScenario = (spec: TaskSpec) => Promise<RunResult[]>;

/** Scenarios run by one process alone (loaded on demand: other workers do not load @mas/core). */
const SOLO_SCENARIOS: Partial<Record<ScenarioName, () => SoloScenario>> = {
  state: () => (require('../scenarios/state') as typeof import('../scenarios/state')).runState,
  discovery: () => (require('../scenarios/discovery') as typeof import('../scenarios/discovery')).runDiscovery,
  'agents-10k': () => (require('../scenarios/agents') as typeof import('../scenarios/agents')).runAgents,
};

/**
 * With `--profile` the worker runs under `--cpu-prof`; it notes when the measured phase began and
 * ended (same monotonic clock as the profile) so that the summary can leave start-up out.
 */
function markProfileWindow(from: bigint): void {
  const profile = process.env.BENCH_PROFILE_FILE;
  if (!profile || windowMarked) return;
  windowMarked = true;
  const to = process.hrtime.bigint();
  writeFileSync(`${profile}.window.json`, JSON.stringify({ fromMicros: Number(from / 1000n), toMicros: Number(to / 1000n) }));
}

const role = process.argv[2] as WorkerRole;
const spec = JSON.parse(process.argv[3]) as TaskSpec;
let stopSystem: () => Promise<void> = async () => undefined;
/** When the measured phase began (a receiver: when it got ready). */
let wentAt = process.hrtime.bigint();
let windowMarked = false;

function fail(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  tell({ t: 'failed', message });
}

async function shutdown(): Promise<void> {
  markProfileWindow(wentAt);
  await runCleanups();
  try {
    await stopSystem();
  } catch (error) {
    process.stderr.write(`stop failed: ${String(error)}\n`);
  }
  process.exit(0);
}

async function main(): Promise<void> {
  const mode = isReliableScenario(spec.scenario) ? 'reliable' : isGatewayScenario(spec.scenario) ? 'gateway' : 'direct';
  const context: SystemContext = {
    runId: spec.runId,
    redisUrl: spec.redisUrl,
    requestTimeoutMs: spec.settings.requestTimeoutMs,
    mode,
    inboxMaxInFlight: mode === 'direct' ? undefined : spec.settings.reliableMaxInFlight,
    identity: process.env[BENCH_IDENTITY_ENV] ? (JSON.parse(process.env[BENCH_IDENTITY_ENV]!) as BenchIdentity) : undefined,
  };
  let onGo: () => Promise<RunResult[] | undefined> = async () => undefined;
  let oneway: OnewaySender | undefined;
  let counter: OnewayCounter | undefined;

  if (role === 'receiver') {
    counter = new OnewayCounter(spec.system, spec.settings.warmupMs, spec.scenario);
    const receiver = await loadSystem(spec.system).startReceiver(context, { onEvent: counter.onEvent });
    stopSystem = () => receiver.stop();
  } else if (role === 'sender') {
    const sender = await loadSystem(spec.system).startSender(context);
    stopSystem = () => sender.stop();
    if (spec.scenario === 'oneway' || spec.scenario === 'reliable-oneway') {
      oneway = new OnewaySender(sender, spec.settings);
      onGo = async () => void (await oneway!.run());
    } else if (isGatewayScenario(spec.scenario)) {
      const scenario = spec.scenario;
      onGo = async () => [await runGatewaySends(scenario, spec.system, sender, spec.settings)];
    } else if (spec.scenario === 'reqrep-c100' || spec.scenario === 'reqrep-10k' || spec.scenario === 'reliable-reqrep-c100') {
      const scenario = spec.scenario;
      onGo = async () => [await runReqrep(scenario, spec.system, sender, spec.settings)];
    }
  } else {
    const solo = SOLO_SCENARIOS[spec.scenario]?.();
    if (!solo) throw new Error(`no solo scenario "${spec.scenario}"`);
    onGo = () => solo(spec);
  }

  wentAt = process.hrtime.bigint();
  if (counter) counter.onFinish = () => markProfileWindow(wentAt);
  listen((message) => {
    switch (message.t) {
      case 'go':
        wentAt = process.hrtime.bigint();
        onGo().then((results) => {
          markProfileWindow(wentAt);
          if (results) tell({ t: 'result', results });
        }, fail);
        break;
      case 'credit':
        oneway?.credit(message.delivered);
        break;
      case 'expect':
        counter?.expect(message.total);
        break;
      case 'stop':
        void shutdown();
        break;
    }
  });
  tell({ t: 'ready' });
}

// The orchestrator went away (crash, second Ctrl-C): clean up what can be cleaned up and leave.
process.on('disconnect', () => void shutdown());
// Ctrl-C reaches the whole process group: the orchestrator decides (finish the task, or stop us).
process.on('SIGINT', () => undefined);
main().catch((error: unknown) => {
  fail(error);
  setTimeout(() => process.exit(1), 100);
});
