import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSettings } from '../shared/bench.interfaces';
import { NOT_YET_AVAILABLE } from '../shared/bench.interfaces';
import { median } from '../shared/stats';
import type { Summary } from './aggregate';

/** bench/results/ */
export const RESULTS_DIR = join(__dirname, '..', '..', 'results');

export interface ResultsDocument {
  machine: Record<string, unknown>;
  mode: 'quick' | 'full';
  date: string;
  duration_s: number;
  settings: BenchSettings;
  not_yet_available: readonly string[];
  runs: Summary[];
}

/** Writes `latest.json` and `latest.md` (the table, with the context it was measured in). */
export function writeResults(document: Omit<ResultsDocument, 'not_yet_available'>, table: string): { json: string; md: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = join(RESULTS_DIR, 'latest.json');
  const md = join(RESULTS_DIR, 'latest.md');
  writeFileSync(json, `${JSON.stringify({ ...document, not_yet_available: NOT_YET_AVAILABLE }, null, 2)}\n`);
  writeFileSync(md, `${describeRun(document)}\n\n${table}\n\n${FOOTNOTES}\n`);
  return { json, md };
}

/** One paragraph saying where and how the table was measured. */
export function describeRun(document: Omit<ResultsDocument, 'not_yet_available'>): string {
  const machine = document.machine as { cpu: string; cores: number; node: string; redis: string; versions: Record<string, string> };
  const versions = Object.entries(machine.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const rounds = document.settings.rounds === 1 ? 'one round' : `median of ${document.settings.rounds} interleaved rounds`;
  const busy = median(document.runs.map((run) => run.machine_busy_pct));
  const workers = median(document.runs.map((run) => run.workers_pct));
  const load =
    busy === null || workers === null
      ? ''
      : ` While measuring, the machine was ${busy}% busy (median over tasks), the bench's own workers ${workers}%; the rest is Redis and whatever else ran.`;
  return (
    `Measured ${document.date.slice(0, 10)} on ${machine.cores} × ${machine.cpu}, Node ${machine.node}, Redis ${machine.redis} ` +
    `(${document.mode} run, ${rounds}, ${document.settings.durationMs / 1000} s measured per figure); ${versions}.${load}`
  );
}

export const FOOTNOTES = [
  '`raw` is bare ioredis (one socket write per command); `raw-pipelined` the same with the writes of one event-loop turn',
  'in one socket write (the honest ceiling; in `reliable-*` one XADD per message, read by XREADGROUP and acked by XACK).',
  'Sender and receiver run in separate processes; payloads are 300-byte JSON objects. `oneway`: messages/s handled',
  'by the receiver, at most 5,000 in flight. `reqrep-c100`: closed loop, 100 requests in flight. `reqrep-10k`: open',
  'loop offering 10,000 req/s, latency timed from each send. `state`: `updateState` vs a hand-written HSET of the same',
  'fields, 50 in flight. `discovery`: `discover([capability])` returning 10 agents, 10 in flight. Latency rows compare p99.',
  '`reliable-oneway`: `send(..., { reliable: true })` into a `delivery: \'reliable\'` receiver\'s inbox stream (maxInFlight 256),',
  'at most 5,000 in flight; the ratio is reliable ÷ mas direct `oneway`. `gateway-basic` / `gateway-full`: both agents in',
  'gateway mode through one gateway process (basic: rbac, signing, rate limit, DLP, priority queue and circuit breaker off;',
  'full: all on), 200 sends awaiting their decision: messages/s handled by the target, latency from send to decision.',
  '`gateway-5k`: every feature on, 5,000 sends/s offered (open loop). `gateway-full-x2`: `gateway-full` through two gateway',
  'processes. `reliable-reqrep-c100`: requests through the receiver\'s inbox stream, replies over pub/sub.',
  '`gateway-full-zt` (and `gateway-basic-zt` when named in --scenarios): the same in zero-trust mode, both agents provisioned (ACL users of',
  'their own, Ed25519 signatures), the gateway as its service user accepting provisioned agents only.',
  ...(NOT_YET_AVAILABLE.length ? [`Not yet available: ${NOT_YET_AVAILABLE.join(', ')}.`] : []),
].join('\n');
