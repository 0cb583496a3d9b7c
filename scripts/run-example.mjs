// Runs one example: makes sure a Redis answers (starting a throw-away one when redis-server is
// installed), then runs dist/examples/<name>/main.js with REDIS_URL set. Build first (npm scripts
// run scripts/setup.mjs before this). Usage: node scripts/run-example.mjs <name>
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ensureRedis } from './redis-helper.mjs';

/** Runs dist/examples/<name>/main.js against a Redis; resolves with its exit code. */
export async function runExample(name) {
  const log = (line) => console.log(`[${name}] ${line}`);
  const entry = `dist/examples/${name}/main.js`;
  if (!existsSync(entry)) {
    console.error(`[${name}] ${entry} is missing: run npm run build first`);
    return 1;
  }
  let redis;
  try {
    redis = await ensureRedis({ log });
  } catch (error) {
    console.error(`[${name}] ${error.message}`);
    return 1;
  }
  const child = spawn(process.execPath, [entry], { stdio: 'inherit', env: { ...process.env, REDIS_URL: redis.url } });
  const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  if (redis.started) {
    log('stopping the throw-away redis-server');
    await redis.stop();
  }
  return code;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const name = process.argv[2];
  if (!name) {
    console.error('usage: node scripts/run-example.mjs <example name>');
    process.exit(2);
  }
  process.exit(await runExample(name));
}
