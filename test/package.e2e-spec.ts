import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisUrlFor, uniqueId } from './support/e2e-helpers';
import { runNode, startNode } from './support/node-process';

// What a new user does: `npm pack` of libs/mas (on a checkout without a build: prepack builds it),
// the tarball installed into scratch apps OUTSIDE this repository, then a standalone agent (in an
// app without Nest) and a Nest app (compiled against the packed types) run from it.
const run = promisify(execFile);
const repo = resolve(__dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'mas-package-'));
const fixtures = join(repo, 'test', 'fixtures', 'scratch-app');
const redisUrl = redisUrlFor(13);
const suffix = uniqueId('package', 'app');
let tarball: string;
let files: string[];

async function npm(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd,
    env: { ...process.env, PATH: `${join(repo, 'node_modules', '.bin')}:${process.env.PATH}` },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** A scratch app: package.json with these dependencies (the tarball as @mas/core), installed. */
async function scratchApp(name: string, dependencies: Record<string, string>, devDependencies: Record<string, string> = {}): Promise<string> {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(fixtures, name), dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `scratch-${name}`, private: true, dependencies: { '@mas/core': `file:${tarball}`, ...dependencies }, devDependencies }, null, 2),
  );
  await npm(dir, 'install');
  return dir;
}

beforeAll(async () => {
  // A checkout as a fresh clone has it: sources, no dist/ (node_modules of the repo stand in for `npm ci`).
  const checkout = join(scratch, 'checkout');
  mkdirSync(join(checkout, 'libs'), { recursive: true });
  cpSync(join(repo, 'tsconfig.base.json'), join(checkout, 'tsconfig.base.json'));
  cpSync(join(repo, 'libs', 'mas'), join(checkout, 'libs', 'mas'), { recursive: true, filter: (source) => !source.includes(`${join('libs', 'mas', 'dist')}`) });
  symlinkSync(join(repo, 'node_modules'), join(checkout, 'node_modules'));
  expect(existsSync(join(checkout, 'libs', 'mas', 'dist'))).toBe(false);
  const packed = JSON.parse(await npm(join(checkout, 'libs', 'mas'), 'pack', '--json', '--pack-destination', scratch)) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  tarball = join(scratch, packed[0].filename);
  files = packed[0].files.map((file) => file.path);
}, 120_000);

// Two installed node_modules trees: slow to delete on a loaded machine.
afterAll(() => rm(scratch, { recursive: true, force: true }), 180_000);

describe('the packed @mas/core', () => {
  it('holds README, LICENSE, JS and types for every entry point; no build info; maps carry their sources', async () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json', 'dist/index.js', 'dist/index.d.ts']));
    for (const entry of ['nest', 'microservices', 'testing']) expect(files).toEqual(expect.arrayContaining([`dist/${entry}/index.js`, `dist/${entry}/index.d.ts`]));
    expect(files.filter((path) => path.includes('tsbuildinfo') || path.includes('.spec.'))).toEqual([]);
    const unpacked = join(scratch, 'unpacked');
    mkdirSync(unpacked);
    await run('tar', ['-xzf', tarball, '-C', unpacked]);
    const maps = files.filter((path) => path.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(10);
    for (const map of maps) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(join(unpacked, 'package', map), 'utf8')) as { sources: string[]; sourcesContent?: string[] };
      expect(sourcesContent?.length, map).toBe(sources.length);
    }
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package', 'package.json'), 'utf8'));
    expect(Object.keys(manifest.exports)).toEqual(expect.arrayContaining(['.', './nest', './microservices', './testing']));
    expect(manifest.peerDependenciesMeta['@nestjs/common']).toEqual({ optional: true });
    expect(manifest.peerDependencies['@nestjs/config']).toBeUndefined();
  });

  it('runs a standalone agent in an app without Nest, Redis taken from REDIS_URL', async () => {
    const dir = await scratchApp('standalone', { 'class-transformer': '^0.5.1', 'class-validator': '^0.15.1', 'reflect-metadata': '^0.2.2' });
    expect(existsSync(join(dir, 'node_modules', '@nestjs'))).toBe(false);
    const result = await runNode(join(dir, 'main.js'), [suffix], { env: { REDIS_URL: redisUrl, MAS_REDIS__URL: undefined } });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout.split('\n').find((line) => line.startsWith('{'))!)).toEqual({
      reply: { greeting: 'hello scratch' },
      nestLoaded: false,
      found: [`greeter-${suffix}`],
    });
  }, 300_000);

  it('compiles and runs a Nest app (typed state model, message map, @AgentPayload(prop, pipe), 403 from a remote ForbiddenException) and its e2e run beside it in a test namespace', async () => {
    const dir = await scratchApp(
      'nest',
      {
        '@nestjs/common': '^12.5.1',
        '@nestjs/core': '^12.5.1',
        '@nestjs/platform-express': '^12.5.1',
        '@nestjs/testing': '^12.1.1',
        'class-transformer': '^0.5.1',
        'class-validator': '^0.15.1',
        'reflect-metadata': '^0.2.2',
        rxjs: '^7.8.2',
      },
      { '@types/node': '^20.19.43' },
    );
    // Type errors against the packed .d.ts fail here, with tsc's report.
    await run(join(repo, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: dir }).catch((error: { stdout?: string }) => {
      throw new Error(`the scratch app does not compile:\n${error.stdout}`);
    });
    const app = startNode(join(dir, 'dist', 'main.js'), [], { env: { REDIS_URL: redisUrl, MAS_REDIS__URL: undefined, SCRATCH_SUFFIX: suffix } });
    try {
      await app.waitFor(/listening http:\/\/\S+/, 'stdout', 30_000);
      const url = /listening (http:\/\/\S+)/.exec(app.stdout())![1];
      const first = await fetch(`${url}/counter/add/2`, { method: 'POST' });
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ count: 2 });
      expect(await (await fetch(`${url}/counter/add/3`, { method: 'POST' })).json()).toEqual({ count: 5 });
      const refused = await fetch(`${url}/counter/reset`, { method: 'POST' });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ statusCode: 403, message: 'reset needs confirm: true' });
      // The app's e2e run beside its dev server: same agent id, its own namespace, its own state.
      const e2e = await runNode(join(dir, 'dist', 'e2e.js'), [], { env: { REDIS_URL: redisUrl, MAS_REDIS__URL: undefined, SCRATCH_SUFFIX: suffix } });
      expect(e2e.stderr).toBe('');
      expect(JSON.parse(e2e.stdout.split('\n').find((line) => line.startsWith('{'))!)).toEqual({ namespace: expect.stringMatching(/^scratch-e2e-/), count: 1 });
      expect(await (await fetch(`${url}/counter/add/1`, { method: 'POST' })).json()).toEqual({ count: 6 });
    } finally {
      app.child.kill('SIGTERM');
    }
    const ended = await app.exited;
    expect(ended.signal ?? ended.code).not.toBe('SIGKILL');
    // The handler's ForbiddenException is one warning line, no stack trace.
    expect(ended.stderr + ended.stdout).toMatch(/WARN.*counter\.reset.*ForbiddenException: reset needs confirm: true/);
    expect(ended.stderr + ended.stdout).not.toMatch(/\n\s+at /);
  }, 300_000);
});
