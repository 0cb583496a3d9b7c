// `npm run bench [-- options]`: installs what is missing, builds @mas/core and the bench, then runs
// it. Plain Node, no dependencies, so it works on a fresh clone.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = dirname(fileURLToPath(import.meta.url));
const root = join(bench, '..');
const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);
const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, stdio: 'inherit' });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// Root dependencies (the library's), then the bench's own (the systems compared, the progress bar).
run(process.execPath, [join(root, 'scripts', 'setup.mjs'), '--no-build']);
const benchMarker = join(bench, 'node_modules', '.package-lock.json');
const benchLock = join(bench, 'package-lock.json');
if (!existsSync(benchMarker) || mtime(benchLock) > mtime(benchMarker) || mtime(join(bench, 'package.json')) > mtime(benchMarker)) {
  console.error('[bench] installing the bench dependencies (bench/package.json)...');
  run(npm, [existsSync(benchLock) ? 'ci' : 'install', '--no-audit', '--no-fund'], bench);
}

// The library first (the bench imports the built '@mas/core'), the apps (gateway-* start
// dist/apps/gateway/src/main.js), then the bench itself.
const tsc = join(root, 'node_modules', '.bin', 'tsc');
console.error('[bench] building @mas/core, the apps and the bench...');
run(tsc, ['-b', join(root, 'libs', 'mas')]);
run(tsc, ['-p', join(root, 'tsconfig.build.json')]);
run(tsc, ['-p', join(bench, 'tsconfig.json')]);

const child = spawn(process.execPath, [join(bench, 'dist', 'main.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.on('SIGINT', () => undefined); // the bench handles Ctrl-C itself and reports what it measured
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
