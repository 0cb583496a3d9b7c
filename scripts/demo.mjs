// `npm start`: makes sure a Redis answers (starting a throw-away one when redis-server is
// installed), then runs the demo app: two agents exchanging request/reply.
import { spawn } from 'node:child_process';
import { ensureRedis } from './redis-helper.mjs';

let redis;
try {
  redis = await ensureRedis({ log: (line) => console.log(`[demo] ${line}`) });
} catch (error) {
  console.error(`[demo] ${error.message}`);
  process.exit(1);
}
const child = spawn(process.execPath, ['dist/examples/demo/main.js'], {
  stdio: 'inherit',
  env: { ...process.env, REDIS_URL: redis.url },
});
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
if (redis.started) {
  console.log('[demo] stopping the throw-away redis-server');
  await redis.stop();
}
process.exit(code);
