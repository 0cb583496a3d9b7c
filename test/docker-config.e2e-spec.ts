import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// Docker does not run in this environment: these read the files an image and a deployment are
// made of and check what the issue asked (multi-stage, pruned, non-root; a context without .git,
// tests and outputs; Redis password-protected on an internal network, reached by name).
const root = join(__dirname, '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

interface Compose {
  networks: Record<string, { internal?: boolean }>;
  services: Record<string, { command?: string[]; ports?: string[]; networks?: string[]; environment?: Record<string, string>; profiles?: string[] }>;
}

describe('the Docker files', () => {
  it('build in two stages and run pruned, as a non-root user', () => {
    const dockerfile = read('Dockerfile');
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/npm prune --omit=dev/);
    const runtime = stages[1];
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).not.toMatch(/COPY --from=build \/app \/app|COPY \. /);
    expect(runtime).not.toMatch(/\btest\b|\bsrc\b/);
  });

  it('keep .git, tests and outputs out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['.git', 'test', 'test-output', 'node_modules', 'dist', 'coverage', '.issue.md', 'bench']));
  });

  it('keep Redis password-protected on an internal network; the services reach it by name', () => {
    const compose = load(read('docker-compose.yml')) as Compose;
    const redis = compose.services.redis;
    expect(redis.ports).toBeUndefined();
    expect(redis.command).toEqual(expect.arrayContaining(['--requirepass']));
    expect(redis.networks).toEqual(['backend']);
    expect(compose.networks.backend.internal).toBe(true);
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.environment?.REDIS_URL) continue;
      expect(service.environment.REDIS_URL, name).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD[^}]*\}@redis:6379$/);
      expect(service.networks, name).toContain('backend');
      for (const port of service.ports ?? []) expect(port, name).toMatch(/^127\.0\.0\.1:/);
    }
    expect(compose.services['redis-dev'].profiles).toEqual(['dev']);
    expect(compose.services['redis-dev'].ports).toEqual(['127.0.0.1:6379:6379']);
  });
});
