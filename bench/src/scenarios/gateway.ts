import type { BenchSettings, GatewayScenario, RunResult, SystemName } from '../shared/bench.interfaces';
import { makePayload } from '../shared/payload';
import type { SystemSender } from '../systems/system.interfaces';
import { tell } from '../worker/worker-io';
import { closedLoop, openLoop } from './load-loops';
import { toResult } from './reqrep';

/**
 * Sending side of the gateway scenarios: `gatewayConcurrency` sends awaiting the gateway's decision
 * at once (each `send` of a gateway-mode agent resolves once it was ALLOWED), or for `gateway-5k` an
 * open loop offering `gatewayOpenLoopRate` sends per second whatever the decisions do; timed from
 * send to decision. Then tells the receiver how many were allowed: the receiver reports the
 * delivered rate, the orchestrator merges both.
 */
export async function runGatewaySends(scenario: GatewayScenario, system: SystemName, sender: SystemSender, settings: BenchSettings): Promise<RunResult> {
  const load = { warmupMs: settings.warmupMs, durationMs: settings.gatewayDurationMs, unit: 'decisions' };
  const send = (seq: number) => sender.emit(makePayload(seq));
  const outcome =
    scenario === 'gateway-5k'
      ? await openLoop(send, settings.gatewayOpenLoopRate, { ...load, drainMs: settings.requestTimeoutMs })
      : await closedLoop(send, settings.gatewayConcurrency, load);
  tell({ t: 'sent', total: outcome.ops - outcome.errors });
  return toResult(scenario, system, outcome);
}
