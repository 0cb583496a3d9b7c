import { performance } from 'node:perf_hooks';
import { Agent } from '@mas/core';
import type { RunResult, TaskSpec } from '../shared/bench.interfaces';
import { silentLogger } from '../systems/silent-logger';
import { atShutdown, formatCount, ProgressTicker } from '../worker/worker-io';

/**
 * `agents-10k`: starts `agentCount` standalone Agents in this process at once (they share one
 * connection pair), and reports the wall time of `start()` for all of them and the process RSS
 * once they run. Stops them all afterwards (which deregisters them).
 */
export async function runAgents(spec: TaskSpec): Promise<RunResult[]> {
  const count = spec.settings.agentCount;
  const capabilities = [`bench-${spec.runId}-swarm`];
  const agents = Array.from(
    { length: count },
    (_, i) => new Agent(`bench-${spec.runId}-a${i}`, { redisUrl: spec.redisUrl, capabilities, logger: silentLogger }),
  );
  let started = 0;
  let stopped = 0;
  const ticker = new ProgressTicker(() => ({
    fraction: (started + stopped) / (2 * count),
    info: stopped ? `${formatCount(stopped)} stopped` : `${formatCount(started)} started`,
  })).start();
  const unregister = atShutdown(async () => void (await Promise.allSettled(agents.map((agent) => agent.stop()))));
  const t0 = performance.now();
  await Promise.all(agents.map((agent) => agent.start().then(() => void (started += 1))));
  const startSeconds = (performance.now() - t0) / 1000;
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const stopStart = performance.now();
  await Promise.all(agents.map((agent) => agent.stop().then(() => void (stopped += 1))));
  const stopSeconds = (performance.now() - stopStart) / 1000;
  unregister();
  ticker.stop();
  process.stderr.write(`[agents] ${count} started in ${startSeconds.toFixed(2)} s, stopped in ${stopSeconds.toFixed(2)} s\n`);
  return [
    {
      scenario: 'agents-10k',
      system: 'mas',
      throughput: count / startSeconds,
      p50_ms: null,
      p95_ms: null,
      p99_ms: null,
      rss_mb: rssMb,
      start_s: startSeconds,
    },
  ];
}
