import type { BenchSettings, RunResult, SystemName } from '../shared/bench.interfaces';
import { makePayload } from '../shared/payload';
import type { SystemSender } from '../systems/system.interfaces';
import { closedLoop, LoadOutcome, openLoop } from './load-loops';

/**
 * `reqrep-c100` / `reliable-reqrep-c100` (closed loop, `reqrepConcurrency` in flight; the reliable one
 * sends each request through the receiver's inbox stream) or `reqrep-10k` (open loop at
 * `openLoopRate`/s). Every reply must echo the request's payload; a wrong one counts as an error.
 */
export async function runReqrep(
  scenario: 'reqrep-c100' | 'reqrep-10k' | 'reliable-reqrep-c100',
  system: SystemName,
  sender: SystemSender,
  settings: BenchSettings,
): Promise<RunResult> {
  let wrongReplies = 0;
  const op = async (seq: number): Promise<void> => {
    const reply = await sender.request(makePayload(seq));
    if (reply?.seq !== seq) wrongReplies += 1;
  };
  const load = { warmupMs: settings.warmupMs, durationMs: settings.durationMs, unit: 'replies' };
  const outcome =
    scenario !== 'reqrep-10k'
      ? await closedLoop(op, settings.reqrepConcurrency, load)
      : await openLoop(op, settings.openLoopRate, { ...load, drainMs: settings.requestTimeoutMs });
  return toResult(scenario, system, outcome, wrongReplies);
}

/** A run result from a load outcome (`errors` only when there were some). */
export function toResult(scenario: string, system: SystemName, outcome: LoadOutcome, extraErrors = 0): RunResult {
  const { errors, ...figures } = outcome;
  const result: RunResult = { scenario, system, ...figures };
  if (errors + extraErrors > 0) result.errors = errors + extraErrors;
  return result;
}
