import type { BenchSettings, GatewayScenario, RunResult, SystemName } from '../shared/bench.interfaces';
import { makePayload } from '../shared/payload';
import type { SystemSender } from '../systems/system.interfaces';
import { tell } from '../worker/worker-io';
import { closedLoop } from './load-loops';
import { toResult } from './reqrep';

/**
 * Sending side of `gateway-basic` / `gateway-full`: `gatewayConcurrency` sends awaiting the
 * gateway's decision at once (each `send` of a gateway-mode agent resolves once it was ALLOWED),
 * timed from send to decision. Then tells the receiver how many were allowed: the receiver
 * reports the delivered rate, the orchestrator merges both.
 */
export async function runGatewaySends(scenario: GatewayScenario, system: SystemName, sender: SystemSender, settings: BenchSettings): Promise<RunResult> {
  const load = { warmupMs: settings.warmupMs, durationMs: settings.gatewayDurationMs, unit: 'decisions' };
  const outcome = await closedLoop((seq) => sender.emit(makePayload(seq)), settings.gatewayConcurrency, load);
  tell({ t: 'sent', total: outcome.ops - outcome.errors });
  return toResult(scenario, system, outcome);
}
