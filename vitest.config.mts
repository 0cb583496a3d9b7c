import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  resolve: {
    alias: { '@mas/core': fileURLToPath(new URL('./libs/mas/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['libs/**/src/**/*.spec.ts', 'apps/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    setupFiles: ['./test/support/quiet-logs.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    fileParallelism: true,
    // Specs mostly wait on Redis and timers, so more workers than the 2 cores pays off.
    maxWorkers: 4,
  },
});
