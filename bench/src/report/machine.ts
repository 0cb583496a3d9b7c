import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

const BENCH_ROOT = join(__dirname, '..', '..');
const REPO_ROOT = join(BENCH_ROOT, '..');

function versionOf(packageJson: string): string {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function gitCommit(): string {
  try {
    const commit = execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execSync('git status --porcelain -- libs/mas', { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return dirty ? `${commit}+local-changes` : commit;
  } catch {
    return 'unknown';
  }
}

async function redisVersion(url: string): Promise<string> {
  // A cluster URL names its seed nodes: the first one answers for the version.
  const seed = /^rediss?-cluster:\/\/(?:[^@/]*@)?([^,/#]+)/.exec(url);
  if (seed) url = `redis://${seed[1]}`;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect().catch((error: Error) => {
      throw new Error(`Redis is not reachable at ${url} (${error.message}): start one, or pass --redis URL`);
    });
    const info = await redis.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}

/** What the figures were measured on (the `machine` block of latest.json). */
export async function describeMachine(redisUrl: string): Promise<Record<string, unknown>> {
  const cpuList = cpus();
  return {
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    redis: await redisVersion(redisUrl),
    versions: {
      '@mas/core': `${versionOf(join(REPO_ROOT, 'libs', 'mas', 'package.json'))} (${gitCommit()})`,
      ioredis: versionOf(join(BENCH_ROOT, 'node_modules', 'ioredis', 'package.json')),
      '@nestjs/microservices': versionOf(join(BENCH_ROOT, 'node_modules', '@nestjs', 'microservices', 'package.json')),
      moleculer: versionOf(join(BENCH_ROOT, 'node_modules', 'moleculer', 'package.json')),
    },
  };
}
