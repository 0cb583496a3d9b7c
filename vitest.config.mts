import { defineConfig } from 'vitest/config';

// End-to-end specs import '@mas/core' by name, so they run against the built library (the
// workspace package's dist/, which `npm test` builds first), as apps and users do. Unit specs
// beside the code import the source.
export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
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
