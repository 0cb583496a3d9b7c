/**
 * Summarises V8 CPU profiles written by `npm run bench -- --profile`: self time by area (@mas/core
 * file, ioredis, Node internals, GC, native) and by function, and the inclusive time of the
 * library's and the gateway's functions, counting only the measured phase when the worker noted it
 * (start-up left out). A gateway process notes no phase of its own: `--window <worker profile>` borrows
 * a worker's (the clock is the machine's monotonic one, shared by all processes).
 * Usage: node bench/dist/profile-summary.js <file.cpuprofile>... [--top N] [--window <file.cpuprofile>]
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives, for grouping. */
function area(url: string, name: string): string {
  const mas = /libs\/mas\/(?:dist|src)\/(.+?)\.js$/.exec(url);
  if (mas) return `@mas/core ${mas[1]}`;
  const gateway = /apps\/gateway\/(?:dist\/)?src\/(.+?)\.js$/.exec(url);
  if (gateway) return `gateway ${gateway[1]}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1];
  if (url.includes('/bench/dist/')) return 'bench harness';
  if (url.startsWith('node:')) return 'node internals';
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)' || name === '(program)') return name;
  return url || `native ${name}`;
}

function functionKey(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/.*\/node_modules\//, '').replace(/.*\/work\/[^/]+\//, '');
  return url ? `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}` : functionName || '(native)';
}

function measuredWindow(file: string): { fromMicros: number; toMicros: number } | undefined {
  const sidecar = `${windowFrom ?? file}.window.json`;
  return existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as { fromMicros: number; toMicros: number }) : undefined;
}

function summarise(file: string, top: number): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const window = measuredWindow(file);
  const selfByFunction = new Map<string, number>();
  const selfByArea = new Map<string, number>();
  const inclusiveMas = new Map<string, number>();
  let total = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    at += micros;
    if (window && (at < window.fromMicros || at > window.toMicros)) return;
    const node = nodes.get(id)!;
    const key = functionKey(node);
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + micros);
    const group = area(node.callFrame.url, node.callFrame.functionName);
    selfByArea.set(group, (selfByArea.get(group) ?? 0) + micros);
    total += micros;
    const seen = new Set<string>();
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parents.get(cursor)) {
      const frame = nodes.get(cursor)!;
      if (!/libs\/mas\/|apps\/gateway\//.test(frame.callFrame.url)) continue;
      const name = functionKey(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusiveMas.set(name, (inclusiveMas.get(name) ?? 0) + micros);
    }
  });
  const busy = total - (selfByArea.get('(idle)') ?? 0);
  const line = ([name, micros]: [string, number]) =>
    `${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${name}`;
  const sorted = (map: Map<string, number>) => [...map].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]);
  const scope = window ? 'measured phase' : 'whole process';
  return [
    `== ${basename(file)} (${scope}): ${(busy / 1000).toFixed(0)} ms busy of ${(total / 1000).toFixed(0)} ms; % of busy time`,
    '-- self time by area',
    ...sorted(selfByArea).slice(0, top).map(line),
    '-- self time by function',
    ...sorted(selfByFunction).slice(0, top).map(line),
    '-- @mas/core and gateway functions, inclusive (time with the function on the stack)',
    ...sorted(inclusiveMas).slice(0, top).map(line),
  ].join('\n');
}

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args.splice(topIndex, 2)[1]) : 25;
const windowIndex = args.indexOf('--window');
const windowFrom: string | undefined = windowIndex >= 0 ? args.splice(windowIndex, 2)[1] : undefined;
if (args.length === 0) {
  console.error('Usage: node bench/dist/profile-summary.js <file.cpuprofile>... [--top N]');
  process.exit(1);
}
for (const file of args) console.log(`${summarise(file, top)}\n`);
