import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { MasConnection, Provisioner } from '@mas/core';

/** A gateway instance running as its own process (as it would in production). */
export interface GatewayProcess {
  url: string;
  /** The admin key this run gave the gateway (header `x-api-key`). */
  apiKey: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Provisions (or rotates) the gateway's least-privilege Redis user with the administrative `adminUrl`; its URL. */
async function gatewayServiceUrl(adminUrl: string): Promise<string> {
  const admin = new MasConnection({ redisUrl: adminUrl, clientName: 'gw-example-admin' });
  try {
    return (await new Provisioner(admin).provisionService('gateway')).redisUrl;
  } finally {
    await admin.close();
  }
}

/**
 * Starts `dist/apps/gateway/src/main.js` on a free port as the gateway's own service user (as
 * `mas provision --service gateway` creates it, here with the administrative `adminUrl`), and waits
 * until `/health` answers.
 */
export async function startGatewayProcess(adminUrl: string): Promise<GatewayProcess> {
  const redisUrl = await gatewayServiceUrl(adminUrl);
  const port = await freePort();
  const apiKey = randomBytes(16).toString('hex');
  const main = join(__dirname, '..', '..', 'apps', 'gateway', 'src', 'main.js');
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: { ...process.env, REDIS_URL: redisUrl, PORT: String(port), GATEWAY_HTTP__HOST: '127.0.0.1', GATEWAY_HTTP__API_KEY: apiKey },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`gateway exited (${code})`))));
  const deadline = Date.now() + 20_000;
  for (;;) {
    const healthy = await Promise.race([fetch(`${url}/health`).then((r) => r.ok, () => false), exited]);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error('the gateway did not become healthy within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    apiKey,
    stop: async () => {
      if (child.exitCode !== null) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await done;
    },
  };
}
