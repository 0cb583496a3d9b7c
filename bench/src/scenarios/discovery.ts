import { AgentDirectory, AgentRegistry, MasConnection } from '@mas/core';
import type { RunResult, TaskSpec } from '../shared/bench.interfaces';
import { atShutdown, formatCount, ProgressTicker, tell } from '../worker/worker-io';
import { closedLoop } from './load-loops';
import { toResult } from './reqrep';

/** Registrations written at once. */
const REGISTER_BATCH = 500;
/** Capabilities the agents that do not match spread over (two each). */
const OTHER_CAPABILITIES = 50;

/** `discovery-1k`, `discovery-10k`, ... from the number of registered agents. */
export function discoveryScenario(size: number): string {
  return size % 1000 === 0 ? `discovery-${size / 1000}k` : `discovery-${size}`;
}

/**
 * `discovery`: registers agents through the library's `AgentRegistry` (registry hash + capability
 * index, as `Agent.start()` does), `discoveryMatches` of them with the queried capability, and
 * measures `AgentDirectory.discover([capability])` at each size of `discoverySizes`. Deregisters
 * every agent it registered afterwards (which removes their hashes and index entries).
 */
export async function runDiscovery(spec: TaskSpec): Promise<RunResult[]> {
  const { settings, runId } = spec;
  const connection = new MasConnection({ redisUrl: spec.redisUrl });
  const registry = new AgentRegistry(connection);
  const directory = new AgentDirectory(connection);
  const wanted = `bench-${runId}-cap-x`;
  const tokens = new Map<string, string>();
  const results: RunResult[] = [];
  const sizes = [...settings.discoverySizes].sort((a, b) => a - b);
  const largest = sizes[sizes.length - 1];
  const ticker = new ProgressTicker(() => ({
    fraction: Math.min(1, tokens.size / largest) * 0.5 + (results.length / sizes.length) * 0.5,
    info: `${formatCount(tokens.size)} agents registered`,
  })).start();
  const unregister = atShutdown(async () => {
    await cleanUp();
    await connection.close();
  });
  try {
    await connection.ready();
    for (const size of sizes) {
      await registerUpTo(size);
      const matches = await directory.discover([wanted]);
      if (matches.length !== settings.discoveryMatches) {
        throw new Error(`discover returned ${matches.length} agents, expected ${settings.discoveryMatches}`);
      }
      let wrong = 0;
      const outcome = await closedLoop(
        async () => {
          if ((await directory.discover([wanted])).length !== settings.discoveryMatches) wrong += 1;
        },
        settings.discoveryConcurrency,
        { warmupMs: settings.warmupMs / 2, durationMs: settings.durationMs / 2, unit: `queries (${formatCount(size)} agents)` },
      );
      results.push(toResult(discoveryScenario(size), 'mas', outcome, wrong));
    }
  } finally {
    unregister();
    ticker.stop();
    await cleanUp();
    await connection.close();
  }
  return results;

  async function registerUpTo(size: number): Promise<void> {
    // The matching agents are spread over the smallest population (so every size has them all).
    const every = Math.floor(sizes[0] / settings.discoveryMatches);
    for (let next = tokens.size; next < size; next += REGISTER_BATCH) {
      const batch: Promise<void>[] = [];
      for (let i = next; i < Math.min(size, next + REGISTER_BATCH); i++) {
        const id = `bench-${runId}-d${i}`;
        const capabilities =
          i % every === 0 && i / every < settings.discoveryMatches
            ? [wanted]
            : [`bench-${runId}-cap-${i % OTHER_CAPABILITIES}`, `bench-${runId}-cap-${(i * 7) % OTHER_CAPABILITIES}`];
        batch.push(registry.register({ id, capabilities }).then((registration) => void tokens.set(id, registration.token)));
      }
      await Promise.all(batch);
    }
  }

  async function cleanUp(): Promise<void> {
    const entries = [...tokens];
    tokens.clear();
    for (let i = 0; i < entries.length; i += REGISTER_BATCH) {
      await Promise.all(entries.slice(i, i + REGISTER_BATCH).map(([id, token]) => registry.deregister(id, token)));
    }
    tell({ t: 'progress', fraction: 1, info: `${formatCount(entries.length)} agents deregistered` });
  }
}
