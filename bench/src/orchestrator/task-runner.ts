import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BENCH_IDENTITY_ENV, gatewayInstances, isGatewayScenario, isReliableScenario, isZeroTrustScenario, RunResult, TaskSpec } from '../shared/bench.interfaces';
import type { WorkerRole } from '../worker/worker';
import type { Task } from './plan';
import { allowTarget, cleanUpModeKeys, GatewayProcess, gatewayRbac, KeySnapshot, snapshotGatewayKeys } from './gateway-process';
import { commandsPerOp, readCommandCalls, readRedisCpuSeconds } from './command-stats';
import { LoadProbe, processCpuSeconds } from './machine-load';
import { WorkerHandle } from './worker-handle';
import { provisionZeroTrust, ZeroTrustSetup } from './zero-trust-setup';

/** How to run tasks. */
export interface TaskRunnerOptions {
  /** Directory for V8 CPU profiles, when profiling. */
  profileDir?: string;
  onProgress(fraction: number, info: string): void;
}

const READY_TIMEOUT_MS = 30_000;

/**
 * Runs one task in fresh worker processes: a receiver then a sender (the orchestrator relays the
 * one-way credit between them), or one solo worker. Always stops the workers, even on failure.
 */
export async function runTask(task: Task, spec: TaskSpec, options: TaskRunnerOptions): Promise<RunResult[]> {
  const budgetMs = spec.settings.warmupMs + spec.settings.durationMs + 60_000 + (task.scenario.kind === 'solo' ? 120_000 : 0);
  const profileFile = (role: WorkerRole | `gateway${number}`): string | undefined =>
    options.profileDir && join(options.profileDir, `${task.scenario.name}-${task.system}-${role}-r${task.round + 1}.cpuprofile`);
  const execArgv = (role: WorkerRole | `gateway${number}`): string[] => {
    const file = profileFile(role);
    if (!file) return [];
    mkdirSync(dirname(file), { recursive: true });
    return ['--cpu-prof', '--cpu-prof-dir', dirname(file), '--cpu-prof-name', basename(file)];
  };
  const workers: WorkerHandle[] = [];
  const scenario = task.scenario.name;
  const viaGateway = isGatewayScenario(scenario);
  /** reliable / gateway tasks leave inbox streams, signing keys, the gateway's trail: removed afterwards. */
  const leavesKeys = (viaGateway || isReliableScenario(scenario)) && !/^rediss?-cluster:/.test(spec.redisUrl); // a --cluster run's cluster is thrown away
  const agentIds = [`bench-${spec.runId}-recv`, `bench-${spec.runId}-send`];
  let gateways: GatewayProcess[] = [];
  let before: KeySnapshot | undefined;
  let zeroTrust: ZeroTrustSetup | undefined;
  const start = (role: WorkerRole): WorkerHandle => {
    const identity = zeroTrust?.identities.get(role === 'receiver' ? agentIds[0] : agentIds[1]);
    const env: Record<string, string> = identity ? { [BENCH_IDENTITY_ENV]: JSON.stringify(identity) } : {};
    const worker = new WorkerHandle(role, spec, execArgv(role), profileFile(role), env);
    workers.push(worker);
    worker.onMessage((message) => {
      if (message.t === 'progress') options.onProgress(message.fraction, message.info);
    });
    return worker;
  };
  try {
    if (task.scenario.kind === 'solo') {
      const solo = start('solo');
      await solo.ready(READY_TIMEOUT_MS);
      const load = new LoadProbe(() => solo.cpuSeconds());
      solo.send({ t: 'go' });
      const measured = await solo.results(budgetMs);
      const busy = load.read();
      return measured.map((result) => ({ ...result, ...busy }));
    }
    if (isGatewayScenario(scenario)) {
      before = await snapshotGatewayKeys(spec.redisUrl);
      // RBAC off: the allow list decides (the sender may send to the receiver).
      if (!gatewayRbac(scenario)) await allowTarget(spec.redisUrl, agentIds[1], agentIds[0]);
      // Zero-trust: the operator provisions the gateway's service user and both agents first.
      if (isZeroTrustScenario(scenario)) zeroTrust = await provisionZeroTrust(spec.redisUrl, agentIds);
      const url = zeroTrust?.gatewayUrl ?? spec.redisUrl;
      // One after the other: the first generates the deployment's secrets (identity, audit key) the others share.
      for (let i = 0; i < gatewayInstances(scenario); i += 1) {
        gateways.push(await GatewayProcess.start(scenario, url, agentIds[1], READY_TIMEOUT_MS, execArgv(`gateway${i + 1}`)));
      }
    }
    const receiver = start('receiver');
    await receiver.ready(READY_TIMEOUT_MS);
    const sender = start('sender');
    receiver.onMessage((message) => {
      if (message.t === 'delivered') sender.send({ t: 'credit', delivered: message.count });
    });
    sender.onMessage((message) => {
      if (message.t === 'sent') receiver.send({ t: 'expect', total: message.total });
    });
    await sender.ready(READY_TIMEOUT_MS);
    const reporter = scenario === 'oneway' || scenario === 'reliable-oneway' ? receiver : sender;
    const gatewayCpu = () => gateways.reduce((sum, gateway) => sum + processCpuSeconds(gateway.pid), 0);
    const other = reporter === receiver ? sender : receiver;
    // A failure of either side ends the task; only the reporter's results count (gateway: both,
    // the rate delivered to the receiver and the sender's send → decision latencies).
    const results = viaGateway ? Promise.all([receiver.results(budgetMs), sender.results(budgetMs)]).then(([delivered, decided]) => mergeGateway(delivered, decided)) : reporter.results(budgetMs);
    const otherFailure = (viaGateway ? new Promise<never>(() => undefined) : other.results(budgetMs)).then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => Promise.reject(error),
    );
    const cpuAtGo = [sender.cpuSeconds(), receiver.cpuSeconds()];
    const load = new LoadProbe(() => sender.cpuSeconds() + receiver.cpuSeconds() + gatewayCpu());
    const gatewayCpuAtGo = gatewayCpu();
    // Every pair scenario: the Redis commands per message (every client of the server counts).
    const callsAtGo = await readCommandCalls(spec.redisUrl).catch(() => undefined);
    const redisCpuAtGo = await readRedisCpuSeconds(spec.redisUrl);
    sender.send({ t: 'go' });
    const measured = await Promise.race([results, otherFailure]);
    const [senderCpu, receiverCpu] = [sender.cpuSeconds() - cpuAtGo[0], receiver.cpuSeconds() - cpuAtGo[1]];
    const gatewaySeconds = gatewayCpu() - gatewayCpuAtGo;
    const callsAfter = callsAtGo ? await readCommandCalls(spec.redisUrl).catch(() => undefined) : undefined;
    const redisCpuAfter = redisCpuAtGo === undefined ? undefined : await readRedisCpuSeconds(spec.redisUrl);
    const redisSeconds = redisCpuAtGo !== undefined && redisCpuAfter !== undefined ? redisCpuAfter - redisCpuAtGo : undefined;
    const busy = load.read();
    return measured.map((result) => ({
      ...result,
      ...busy,
      ...(result.ops && Number.isFinite(senderCpu + receiverCpu)
        ? {
            cpu_us_per_op: {
              sender: (senderCpu * 1e6) / result.ops,
              receiver: (receiverCpu * 1e6) / result.ops,
              ...(gateways.length ? { gateway: (gatewaySeconds * 1e6) / result.ops } : {}),
              ...(redisSeconds !== undefined ? { redis: (redisSeconds * 1e6) / result.ops } : {}),
            },
          }
        : {}),
      ...(callsAtGo && callsAfter && result.ops ? { redis_commands_per_op: commandsPerOp(callsAtGo, callsAfter, result.ops) } : {}),
    }));
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await zeroTrust?.tearDown().catch((error: unknown) => process.stderr.write(`deprovisioning failed: ${String(error)}\n`));
    if (leavesKeys) await cleanUpModeKeys(spec.redisUrl, agentIds, before).catch((error: unknown) => process.stderr.write(`clean-up failed: ${String(error)}\n`));
  }
}

/** gateway-*: the receiver's delivered rate with the sender's decision latencies; errors of both (lost, refused). */
function mergeGateway(delivered: RunResult[], decided: RunResult[]): RunResult[] {
  const [received, sent] = [delivered[0], decided[0]];
  const errors = (received.errors ?? 0) + (sent.errors ?? 0);
  const merged: RunResult = { ...received, p50_ms: sent.p50_ms, p95_ms: sent.p95_ms, p99_ms: sent.p99_ms };
  delete merged.errors;
  if (errors) merged.errors = errors;
  return [merged];
}
