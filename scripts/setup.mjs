// Installs dependencies when missing or stale, then builds: what `npm start` and `npm test` run
// first, so both work on a fresh clone. Plain Node, no dependencies.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (command) => execSync(command, { stdio: 'inherit' });
const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

const marker = 'node_modules/.package-lock.json';
if (!existsSync(marker) || mtime('package-lock.json') > mtime(marker)) {
  console.log('[setup] installing dependencies (npm ci)...');
  run('npm ci --no-audit --no-fund');
}
if (!process.argv.includes('--no-build')) {
  console.log('[setup] building @mas/core and the apps...');
  run('npm run build --silent');
}
