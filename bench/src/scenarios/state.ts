import Redis from 'ioredis';
import { Agent } from '@mas/core';
import type { RunResult, TaskSpec } from '../shared/bench.interfaces';
import { makePayload } from '../shared/payload';
import { silentLogger } from '../systems/silent-logger';
import { atShutdown } from '../worker/worker-io';
import { closedLoop } from './load-loops';
import { toResult } from './reqrep';

/**
 * `state`: `agent.updateState({ seq, order })` against the same write done by hand (HSET of the
 * same two fields, values encoded as the library does), `stateConcurrency` in flight.
 */
export async function runState(spec: TaskSpec): Promise<RunResult[]> {
  const { settings } = spec;
  const load = { warmupMs: settings.warmupMs, durationMs: settings.durationMs, unit: 'updates' };
  if (spec.system === 'mas') {
    const agent = new Agent(`bench-${spec.runId}-state`, { redisUrl: spec.redisUrl, logger: silentLogger });
    const cleanUp = async () => {
      if (!agent.isRunning) return;
      await agent.resetState();
      await agent.stop();
    };
    const unregister = atShutdown(cleanUp);
    await agent.start();
    try {
      const outcome = await closedLoop((seq) => agent.updateState({ seq, order: makePayload(seq) }), settings.stateConcurrency, load);
      return [toResult('state', 'mas', outcome)];
    } finally {
      unregister();
      await cleanUp();
    }
  }
  const redis = new Redis(spec.redisUrl);
  const key = `agent.state:bench-${spec.runId}-raw-state`;
  const unregister = atShutdown(async () => void (await redis.del(key)));
  try {
    const outcome = await closedLoop(
      (seq) => redis.hset(key, { seq: String(seq), order: JSON.stringify(makePayload(seq)) }),
      settings.stateConcurrency,
      load,
    );
    return [toResult('state', 'raw', outcome)];
  } finally {
    unregister();
    await redis.del(key);
    await redis.quit();
  }
}
