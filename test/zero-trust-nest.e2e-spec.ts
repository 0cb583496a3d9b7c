import { ConsoleLogger, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Agent, AgentHandler, InvalidCredentialsError, loadMasSettings, MasKeys, ProvisionedAgent } from '@mas/core';
import { AgentRef, MasAgent, MasAgents, MasModule, masModuleOptionsFromSettings } from '@mas/core/nest';
import { waitFor } from './support/e2e-helpers';
import { ZeroTrustWorld } from './support/zero-trust';

// Zero-trust mode in a Nest app: each @MasAgent connects as its own provisioned Redis user (one
// from its decorator options, one from settings/env), and talks through a gateway running as its
// service user.
let world: ZeroTrustWorld;
const silent = new ConsoleLogger({ logLevels: [] });
const apps: TestingModule[] = [];

beforeAll(async () => {
  world = await ZeroTrustWorld.start(15);
}, 30_000);
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});
afterAll(() => world?.close());

/** `CLIENT LIST` as { name, user } rows. */
async function clients(): Promise<Array<{ name: string; user: string }>> {
  const list = (await world.admin.command.call('CLIENT', 'LIST')) as string;
  return list
    .split('\n')
    .filter(Boolean)
    .map((line) => Object.fromEntries(line.split(' ').map((field) => field.split('=') as [string, string])))
    .map((row) => ({ name: row.name ?? '', user: row.user ?? '' }));
}

/** Two agents: `alpha` provisioned by its decorator options, `beta` by whatever the module options say. */
function twoAgentApp(alpha: ProvisionedAgent, betaId: string) {
  @MasAgent({ id: alpha.id, redisUrl: alpha.redisUrl, gateway: { credentials: alpha.credentials, decisionTimeoutMs: 5_000 } })
  class AlphaAgent {
    @AgentRef() agent!: Agent;

    @AgentHandler('whoami')
    whoami() {
      return { me: this.agent.id };
    }
  }

  @MasAgent({ id: betaId, capabilities: ['echo'] })
  class BetaAgent {
    @AgentHandler('echo')
    echo(data: unknown) {
      return { echoed: data };
    }
  }
  return [AlphaAgent, BetaAgent];
}

async function startApp(moduleOptions: Parameters<typeof MasModule.forRoot>[0], providers: Array<new () => unknown>): Promise<TestingModule> {
  @Module({ imports: [MasModule.forRoot({ ...moduleOptions, logger: silent })], providers })
  class AppModule {}
  const app = await Test.createTestingModule({ imports: [AppModule] }).setLogger(silent).compile();
  apps.push(app);
  await app.init();
  return app;
}

describe('zero-trust mode: Nest agents with credentials', () => {
  it('runs two provisioned @MasAgents, each as its own Redis user, registered and talking through the gateway', async () => {
    const alpha = await world.provision('nest-alpha');
    const beta = await world.provision('nest-beta', { capabilities: ['echo'] });
    // beta is the app's "one agent" of the settings: its URL and credentials come from the environment.
    const settings = loadMasSettings({ env: { REDIS_URL: beta.redisUrl, MAS_AGENT_CREDENTIALS: beta.credentials } });
    const app = await startApp(masModuleOptionsFromSettings(settings), twoAgentApp(alpha, beta.id));
    const agents = app.get(MasAgents);

    for (const id of [alpha.id, beta.id]) {
      expect(await world.admin.command.hget(MasKeys.agent(id), 'status')).toBe('ACTIVE');
      expect(await world.admin.command.hget(MasKeys.agent(id), 'token')).toBeNull();
    }
    const reply = await agents.get(alpha.id).request(beta.id, 'echo', { n: 7 }, { timeout: 5_000 });
    expect(reply.data).toEqual({ echoed: { n: 7 } });
    expect(reply.senderId).toBe(beta.id);
    const back = await agents.get(beta.id).request(alpha.id, 'whoami', {}, { timeout: 5_000 });
    expect(back.data).toEqual({ me: alpha.id });
    expect((await agents.get(alpha.id).discover(['echo'])).map((a) => a.id)).toEqual([beta.id]);

    // Every MAS connection but the gateway's authenticates as one of the two agents' own users, and each has its own.
    const users = [MasKeys.aclAgentUser(alpha.id), MasKeys.aclAgentUser(beta.id)];
    const ours = (await clients()).filter((client) => client.name.startsWith('mas-') && client.user !== MasKeys.aclServiceUser('gateway'));
    expect(new Set(ours.map((client) => client.user))).toEqual(new Set(users));
    for (const user of users) {
      const names = ours.filter((client) => client.user === user).map((client) => client.name);
      expect(names).toEqual(expect.arrayContaining(['mas-command', 'mas-subscriber']));
    }

    // On shutdown every one of them is closed and both agents leave.
    apps.splice(0);
    await app.close();
    await waitFor(async () => !(await clients()).some((client) => users.includes(client.user)), 5_000, 'the app closing its connections');
  });

  it('takes per-agent identities from settings (agents.<id> in env) and refuses credentials of another id at boot', async () => {
    const alpha = await world.provision('nest-alpha');
    const gamma = await world.provision('nest-gamma', { capabilities: ['echo'] });
    const env = (credentials: string) => ({
      REDIS_URL: alpha.redisUrl,
      [`MAS_AGENTS__${gamma.id.toUpperCase()}__REDIS_URL`]: gamma.redisUrl,
      [`MAS_AGENTS__${gamma.id.toUpperCase()}__CREDENTIALS`]: credentials,
    });

    const wrong = masModuleOptionsFromSettings(loadMasSettings({ env: env(alpha.credentials) }));
    const error = await startApp(wrong, twoAgentApp(alpha, gamma.id)).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect((error as Error).message).toContain(`BetaAgent ("${gamma.id}")`);
    expect((error as Error).message).toContain(`provisioned for "${alpha.id}"`);
    expect(await world.admin.command.exists(MasKeys.agent(gamma.id))).toBe(0);

    const app = await startApp(masModuleOptionsFromSettings(loadMasSettings({ env: env(gamma.credentials) })), twoAgentApp(alpha, gamma.id));
    const reply = await app.get(MasAgents).get(alpha.id).request(gamma.id, 'echo', { s: 'hi' }, { timeout: 5_000 });
    expect(reply.data).toEqual({ echoed: { s: 'hi' } });
    const gammaUser = (await clients()).filter((client) => client.user === MasKeys.aclAgentUser(gamma.id));
    expect(gammaUser.map((client) => client.name)).toEqual(expect.arrayContaining(['mas-command', 'mas-subscriber']));
  });
});
