import { ChildProcess, spawn } from 'node:child_process';

/** How a child Node process ended and what it printed. */
export interface NodeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time in ms. */
  ms: number;
}

/** Options of {@link startNode} / {@link runNode}. */
export interface NodeRunOptions {
  /** Variables added to a copy of this process's environment (undefined removes one). */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed. */
  input?: string;
  /** Killed (SIGKILL) after this long; default 45 s (a loaded 2-core machine starts Node slowly). */
  timeoutMs?: number;
}

/** A running child Node process. */
export interface NodeProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once `pattern` shows up in the given stream (rejects if the process ends first). */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr', timeoutMs?: number): Promise<void>;
  /** Resolves when the process has ended. */
  exited: Promise<NodeRun>;
}

/** Starts `node script ...args` without a TTY and without colour-forcing variables. */
export function startNode(script: string, args: string[] = [], options: NodeRunOptions = {}): NodeProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const startedAt = Date.now();
  const child = spawn(process.execPath, [script, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  let closed = false;
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    listeners.forEach((check) => check());
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    listeners.forEach((check) => check());
  });
  child.stdin!.end(options.input ?? '');
  const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 45_000);
  const exited = new Promise<NodeRun>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      closed = true;
      listeners.forEach((check) => check());
      resolve({ code, signal, stdout, stderr, ms: Date.now() - startedAt });
    });
  });
  const waitFor = (pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout', timeoutMs = 10_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`timed out waiting for ${pattern} on ${stream}:\n${stdout}\n${stderr}`)), timeoutMs);
      const finish = (error?: Error) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (pattern.test(stream === 'stdout' ? stdout : stderr)) finish();
        else if (closed) finish(new Error(`process ended before ${pattern} on ${stream}:\n${stdout}\n${stderr}`));
      };
      listeners.add(check);
      check();
    });
  return { child, stdout: () => stdout, stderr: () => stderr, waitFor, exited };
}

/** Runs `node script ...args` to completion. */
export function runNode(script: string, args: string[] = [], options: NodeRunOptions = {}): Promise<NodeRun> {
  return startNode(script, args, options).exited;
}

/** Runs at most `max` of the given tasks at once (child Node processes are CPU-heavy to start). */
export function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}
