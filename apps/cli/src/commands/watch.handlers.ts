import type { CliContext } from '../cli-context';
import { AgentWatcher, WatchEvent, WatchMode } from '../services/agent-watcher';

interface WatchOptions {
  mode: WatchMode | 'auto';
  interval: number;
  duration?: number;
}

function describe(context: CliContext, event: WatchEvent): string {
  const out = context.output;
  const time = out.style('dim', event.at.slice(11, 23));
  if (event.event === 'STATUS') {
    return `${time}  ${out.style('yellow', 'STATUS    ')}  ${event.agent_id}  ${out.status(event.from)} → ${out.status(event.to)}`;
  }
  const label = event.event === 'REGISTER' ? out.style('green', 'REGISTER  ') : out.style('red', 'DEREGISTER');
  const caps = event.capabilities.length ? out.style('dim', `  [${event.capabilities.join(', ')}]`) : '';
  return `${time}  ${label}  ${event.agent_id}${caps}`;
}

/** Resolves on SIGINT / SIGTERM, or after `ms` when given. */
function untilStopped(ms?: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = ms ? setTimeout(done, ms) : undefined;
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

/** `mas watch`: prints events until Ctrl-C (or `--duration`). */
export async function watch(context: CliContext, options: WatchOptions): Promise<void> {
  const connection = await context.redis(true);
  const watcher = new AgentWatcher(connection, (event) => context.output.event(event, () => describe(context, event)), {
    mode: options.mode,
    intervalMs: options.interval,
    db: context.db,
  });
  const mode = await watcher.start();
  if (mode === 'keyspace' && options.mode === 'keyspace' && (await watcher.keyspaceEventsEnabled()) === false) {
    context.output.warn('the server does not send hset keyspace events (notify-keyspace-events lacks K and h): no status change will show');
  }
  context.output.note(
    `watching agents (status changes: ${mode === 'keyspace' ? 'keyspace notifications' : `polling every ${options.interval} ms`}); Ctrl-C to stop`,
  );
  if (context.output.json) process.stderr.write(`${JSON.stringify({ watching: true, mode })}\n`);
  await untilStopped(options.duration);
  await watcher.stop();
}
