import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.mts';

// The open red-team findings: specs that perform an attack and assert the safe outcome, which FAIL on
// today's code (see README.md here). Not part of `npm test`; `npm run test:open-findings` runs them.
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { ...base.test, include: ['test/redteam-open/**/*.open-spec.ts'], passWithNoTests: true },
});
