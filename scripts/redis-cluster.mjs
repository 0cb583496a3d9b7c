// A local Redis Cluster for the test suite and `npm run bench -- --cluster`: `redis-cli --cluster
// create` over nodes already running, a health wait, and a throw-away 6-node cluster.
// Plain Node (no dependencies), like redis-helper.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pingRedis } from './redis-helper.mjs';

/** Sends one command (RESP array of bulk strings) and resolves with the raw reply text. */
export function rawCommand(port, args, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: '127.0.0.1', port });
    let data = '';
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error(`no reply from 127.0.0.1:${port}`));
    });
    socket.once('error', reject);
    socket.once('connect', () => socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join('')}`));
    socket.on('data', (chunk) => {
      data += chunk.toString();
      // A bulk string reply ($<len>\r\n<text>\r\n) is complete once its announced length arrived.
      const header = /^\$(-?\d+)\r\n/.exec(data);
      if (!header || Number(header[1]) < 0 || Buffer.byteLength(data) >= header[0].length + Number(header[1]) + 2) {
        socket.destroy();
        resolve(header ? data.slice(header[0].length, header[0].length + Math.max(0, Number(header[1]))) : data);
      }
    });
  });
}

/** Creates a cluster over running nodes on `ports` (masters first, then one replica each). */
export function clusterCreate(ports, replicas = 1) {
  const created = spawnSync(
    'redis-cli',
    ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', String(replicas), '--cluster-yes'],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
}

/**
 * Resolves once every node on `ports` says cluster_state:ok with all 16384 slots served and every
 * replica among them has synced with its master (one that never synced cannot be promoted).
 */
export async function waitClusterHealthy(ports, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let healthy = true;
    for (const port of ports) {
      try {
        const info = await rawCommand(port, ['CLUSTER', 'INFO']);
        const replication = await rawCommand(port, ['INFO', 'replication']);
        if (!/cluster_state:ok/.test(info) || !/cluster_slots_ok:16384/.test(info)) healthy = false;
        if (/role:slave/.test(replication) && !/master_link_status:up/.test(replication)) healthy = false;
      } catch {
        healthy = false;
      }
      if (!healthy) break;
    }
    if (healthy) return;
    if (Date.now() > deadline) throw new Error(`the cluster on ports ${ports.join(', ')} is not healthy after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free loopback port whose cluster bus port (port + 10000) is free too. */
export async function freeClusterPort(taken = new Set()) {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = server.address();
        server.close(() => resolve(p));
      });
      server.once('error', reject);
    });
    if (port + 10_000 > 65_535 || taken.has(port) || taken.has(port + 10_000)) continue;
    if (await portIsFree(port + 10_000)) return port;
  }
}

/** Arguments of a cluster node on `port` keeping its files in `dir`. */
export function clusterNodeArgs(port, dir, { appendOnly = false, args = [] } = {}) {
  const persistence = appendOnly ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  return [
    '--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir,
    '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '1000',
    // Replicas sync at once (Redis 7 waits 5 s for more replicas before a diskless sync by default).
    '--repl-diskless-sync-delay', '0',
    ...args,
  ];
}

/**
 * Starts a throw-away cluster of `masters` masters with one replica each on free loopback ports.
 * Resolves with { url, ports, stop() }.
 */
export async function startLocalCluster({ masters = 3, args = [] } = {}) {
  const taken = new Set();
  const nodes = [];
  try {
    for (let i = 0; i < masters * 2; i++) {
      const port = await freeClusterPort(taken);
      taken.add(port).add(port + 10_000);
      const dir = mkdtempSync(join(tmpdir(), 'mas-cluster-node-'));
      nodes.push({ port, dir, child: spawn('redis-server', clusterNodeArgs(port, dir, { args }), { stdio: 'ignore' }) });
    }
    for (const { port } of nodes) {
      const deadline = Date.now() + 10_000;
      while (!(await pingRedis('127.0.0.1', port, 200))) {
        if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const ports = nodes.map((node) => node.port);
    clusterCreate(ports);
    await waitClusterHealthy(ports);
  } catch (error) {
    for (const node of nodes) node.child.kill('SIGKILL');
    throw error;
  }
  return {
    url: `redis-cluster://${nodes.map((node) => `127.0.0.1:${node.port}`).join(',')}`,
    ports: nodes.map((node) => node.port),
    async stop() {
      await Promise.all(
        nodes.map(({ child, dir }) => new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve(undefined);
          else {
            child.once('exit', resolve);
            child.kill('SIGKILL');
          }
        }).then(() => rmSync(dir, { recursive: true, force: true }))),
      );
    },
  };
}
