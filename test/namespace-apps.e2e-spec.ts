import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentMessage, ConfigValidationError, MasKeySpace } from '@mas/core';
import { loadGatewaySettings } from '../apps/gateway/src/config/load-gateway-settings';
import { loadRegistrySettings } from '../apps/registry/src/config/registry.settings';
import { startGatewayAs, TestGateway } from './gateway/harness';
import { startRegistry, RunningRegistry } from './registry-e2e.helpers';
import { AgentTracker, QuietLogger, rawClient, uniqueId } from './support/e2e-helpers';
import { runNode } from './support/node-process';
import { PrivateRedis, startPrivateRedis } from './support/private-redis';

// The apps read the namespace the agents use (MAS_NAMESPACE): a registry, a gateway and the CLI of
// one namespace serve its agents, and never those of the wire names with the same ids.
const CLI = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
const ns = uniqueId('nsapps', 'tenant');
const logger = new QuietLogger();
const agents = new AgentTracker();
let server: PrivateRedis;
let registry: RunningRegistry;
let gateway: TestGateway;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm test does)`);
  server = await startPrivateRedis(7);
  registry = await startRegistry(server.url, { checkIntervalMs: 500 }, { namespace: ns });
  gateway = await startGatewayAs(server.url, { namespace: ns });
});

afterAll(async () => {
  await agents.stopAll();
  await gateway?.app.close();
  await registry?.close();
  await server?.stop();
});

describe('apps in a namespace', () => {
  it('the registry lists the agents of its namespace only', async () => {
    const id = uniqueId('nsapps', 'worker');
    await agents.start(new Agent(id, { redisUrl: server.url, namespace: ns, capabilities: ['inside'], logger }));
    await agents.start(new Agent(id, { redisUrl: server.url, capabilities: ['outside'], logger })); // same id, wire names
    const listed = (await (await registry.get('/agents?limit=1000')).json()) as { agents: Array<{ id: string; capabilities: string[] }> };
    expect(listed.agents.filter((agent) => agent.id === id).map((agent) => agent.capabilities)).toEqual([['inside']]);
  });

  it('the gateway checks and delivers the messages of its namespace', async () => {
    const received: AgentMessage[] = [];
    const bob = await agents.start(
      new Agent(uniqueId('nsapps', 'bob'), { redisUrl: server.url, namespace: ns, gateway: true, logger, onMessage: (message) => void received.push(message) }),
    );
    const alice = await agents.start(new Agent(uniqueId('nsapps', 'alice'), { redisUrl: server.url, namespace: ns, gateway: true, logger }));
    await alice.send(bob.id, 'hello', { n: 1 }); // resolves once the gateway ALLOWED it
    await expect.poll(() => received.map((message) => message.data)).toEqual([{ n: 1 }]);
    const keys = new MasKeySpace({ namespace: ns });
    const redis = rawClient(server.url);
    try {
      expect(await redis.xlen(keys.audit)).toBeGreaterThan(0);
      expect(await redis.exists('audit:{trail}:messages', 'audit:messages', 'mas.gateway.ingress')).toBe(0); // nothing under the wire names
    } finally {
      redis.disconnect();
    }
  });

  it('the CLI reads MAS_NAMESPACE or --namespace', async () => {
    const id = uniqueId('nsapps', 'listed');
    await agents.start(new Agent(id, { redisUrl: server.url, namespace: ns, logger }));
    const env = { REDIS_URL: server.url, MAS_CONFIG: undefined, MAS_REDIS__URL: undefined };
    const ids = (stdout: string) => (JSON.parse(stdout) as Array<{ id: string }>).map((agent) => agent.id);
    expect(ids((await runNode(CLI, ['agents', '--json'], { env: { ...env, MAS_NAMESPACE: ns } })).stdout)).toContain(id);
    expect(ids((await runNode(CLI, ['--namespace', ns, 'agents', '--json'], { env })).stdout)).toContain(id);
    expect(ids((await runNode(CLI, ['agents', '--json'], { env })).stdout)).not.toContain(id);
  });

  it('a namespace the key space cannot hold is refused at start, naming the key', () => {
    expect(() => loadRegistrySettings({ env: { MAS_NAMESPACE: 'agent:x' } })).toThrow(ConfigValidationError);
    expect(() => loadRegistrySettings({ env: { MAS_NAMESPACE: 'agent:x' } })).toThrow(/namespace: .*agent/);
    expect(() => loadGatewaySettings({ env: { MAS_NAMESPACE: 'bad ns' }, useDefaultFile: false })).toThrow(/namespace: Invalid namespace 'bad ns'/);
    expect(loadGatewaySettings({ env: { GATEWAY_NAMESPACE: 'tenant-a' }, useDefaultFile: false }).namespace).toBe('tenant-a');
  });
});
