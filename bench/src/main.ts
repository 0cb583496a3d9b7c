/**
 * `npm run bench`: MAS side by side with raw ioredis (the ceiling), NestJS's Redis transport and
 * Moleculer. Runs each scenario × system in fresh worker processes, interleaved over rounds, and
 * prints (and writes to bench/results/latest.{json,md}) the medians with mas's ratios.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CliOptions, parseCli } from './orchestrator/cli-options';
import { FULL, planTasks, QUICK, Task } from './orchestrator/plan';
import { BenchProgress } from './orchestrator/progress';
import { BenchCluster, clusterReport, resetClusterStats, startBenchCluster } from './orchestrator/local-cluster';
import { runTask } from './orchestrator/task-runner';
import { SummaryIndex, summarise } from './report/aggregate';
import { describeMachine } from './report/machine';
import { describeRun, FOOTNOTES, RESULTS_DIR, writeResults } from './report/results-file';
import { renderCommandsTable, renderCpuTable, renderGatewayCpuTable, renderTable } from './report/table';
import { discoveryScenario } from './scenarios/discovery';
import { BenchSettings, NOT_YET_AVAILABLE, RunResult, TaskSpec } from './shared/bench.interfaces';

function settingsFor(options: CliOptions): BenchSettings {
  const base = options.quick ? QUICK : FULL;
  return {
    ...base,
    rounds: options.rounds ?? base.rounds,
    durationMs: options.durationMs ?? base.durationMs,
    gatewayDurationMs: options.durationMs ?? base.gatewayDurationMs,
  };
}

/** The scenario names a task reports under (discovery reports one per size). */
function reportedScenarios(task: Task, settings: BenchSettings): string[] {
  return task.scenario.name === 'discovery' ? settings.discoverySizes.map(discoveryScenario) : [task.scenario.name];
}

function describeResult(result: RunResult): string {
  const parts: string[] = [];
  if (result.throughput !== null) parts.push(`${Math.round(result.throughput).toLocaleString('en-US')}/s`);
  if (result.p99_ms !== null) parts.push(`p50 ${result.p50_ms?.toFixed(2)} p99 ${result.p99_ms.toFixed(2)} ms`);
  if (result.start_s !== undefined) parts.push(`start ${result.start_s.toFixed(2)} s`);
  if (result.rss_mb !== undefined) parts.push(`RSS ${Math.round(result.rss_mb)} MB`);
  if (result.errors) parts.push(`${result.errors} errors`);
  if (result.machine_busy_pct !== undefined) parts.push(`[machine ${result.machine_busy_pct}% busy, bench workers ${result.workers_pct}%]`);
  return `${result.scenario} ${result.system}: ${parts.join(', ')}`;
}

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2));
  let cluster: BenchCluster | undefined;
  if (options.cluster) {
    cluster = await startBenchCluster(join(__dirname, '..', '..'));
    options.redisUrl = cluster.url;
    await resetClusterStats(cluster);
  }
  try {
    await run(options, cluster);
  } finally {
    await cluster?.stop();
  }
}

async function run(options: CliOptions, cluster: BenchCluster | undefined): Promise<void> {
  const settings = settingsFor(options);
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const tasks = planTasks(settings.rounds, options.scenarios, options.systems);
  const machine = await describeMachine(options.redisUrl);
  // Other work on the machine skews the figures: the load averages are kept with them.
  const loadAtStart = loadavg().map((load) => Math.round(load * 100) / 100);
  const began = performance.now();
  const elapsed = () => (performance.now() - began) / 1000;
  const progress = new BenchProgress(tasks.length);
  progress.log(
    `${options.quick ? 'Quick' : 'Full'} run ${runId}: ${tasks.length} tasks, ${settings.rounds} round(s), ` +
      `${settings.durationMs / 1000} s measured each, Redis ${options.redisUrl}.` +
      (NOT_YET_AVAILABLE.length ? ` Not yet available: ${NOT_YET_AVAILABLE.join(', ')}.` : ''),
  );
  const samples: RunResult[] = [];
  const failed = new Set<string>();
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) {
      // Second Ctrl-C: leave now; the workers notice, clean up what they created and exit.
      progress.stop();
      process.exit(130);
    }
    interrupted = true;
    progress.log('Interrupted: finishing the current task, then reporting what was measured (Ctrl-C again to leave now).');
  });

  for (const task of tasks) {
    if (interrupted) break;
    const label = `r${task.round + 1} ${task.scenario.name} ${task.system}`;
    progress.begin(label, elapsed());
    const spec: TaskSpec = { scenario: task.scenario.name, system: task.system, runId: `${runId}-${task.round}`, redisUrl: options.redisUrl, settings };
    try {
      const results = await runTask(task, spec, {
        profileDir: options.profile ? join(RESULTS_DIR, 'profiles') : undefined,
        onProgress: (fraction, info) => progress.update(fraction, info, elapsed()),
      });
      samples.push(...results);
      progress.end(results.map((result) => `  r${task.round + 1} ${describeResult(result)}`).join('\n'), elapsed());
    } catch (error) {
      for (const scenario of reportedScenarios(task, settings)) failed.add(`${scenario}/${task.system}`);
      progress.end(`  ${label} FAILED: ${(error as Error).message}`, elapsed());
    }
  }
  progress.stop();

  const summaries = summarise(samples);
  const index = new SummaryIndex(summaries);
  const cpuTable = renderCpuTable(index);
  const gatewayCpuTable = renderGatewayCpuTable(index);
  const commandsTable = renderCommandsTable(index);
  const table = renderTable(index, failed) + (cpuTable ? `\n\n${cpuTable}` : '') + (commandsTable ? `\n\n${commandsTable}` : '') + (gatewayCpuTable ? `\n\n${gatewayCpuTable}` : '');
  const document = {
    machine: { ...machine, load_average: { start: loadAtStart, end: loadavg().map((load) => Math.round(load * 100) / 100) } },
    mode: options.quick ? ('quick' as const) : ('full' as const),
    date: new Date().toISOString(),
    duration_s: Math.round(elapsed()),
    settings,
    runs: summaries,
  };
  console.log(`\n${describeRun(document)}\n\n${table}\n\n${FOOTNOTES}\n`);
  if (cluster) {
    console.log(`${await clusterReport(cluster)}\n`);
    console.log('All masters, replicas and bench processes share this machine\'s cores: the figures show how the work spreads over the masters, not a speed-up.\n');
  }
  if (options.partial || options.profile || interrupted) {
    console.log('Partial, profiled or interrupted run: bench/results/latest.* left as they were.');
  } else {
    const written = writeResults(document, table);
    console.log(`Wrote ${written.json} and ${written.md} (${Math.round(elapsed())} s).`);
  }
  if (failed.size) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
