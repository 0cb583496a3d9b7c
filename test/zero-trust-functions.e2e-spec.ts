import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type Redis from 'ioredis';
import { MAS_FUNCTIONS, MasKeys, ProvisionedAgent, RedisFunctionsMissingError, RedisPermissionError } from '@mas/core';
import { sleep, waitFor } from './support/e2e-helpers';
import { runNode } from './support/node-process';
import { ZeroTrustAgent, ZeroTrustWorld } from './support/zero-trust';

// Zero-trust agents run no Lua of their own: their users may FCALL the MAS function library an
// administrator loaded (provisioning loads it), never EVAL. What that closes (an endless script
// stalling Redis for everyone), what still works through the library, and what an agent is told
// when the library is missing.
let world: ZeroTrustWorld;
let mallory: ProvisionedAgent;
let aliceId: ProvisionedAgent;
let bobId: ProvisionedAgent;
let attacker: Redis;
/** The gateway's settings here: zero-trust only, and limits high enough for the bursts of these tests. */
const GATEWAY = { zeroTrust: { requireProvisioned: true }, rateLimit: { perMinute: 100_000, perHour: 1_000_000 } };

/** What `run` was rejected with (or undefined when it succeeded). */
async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(() => undefined, (error: unknown) => error);
}

/** `mas <args>` against the world's Redis as its administrator. */
function mas(...args: string[]) {
  return runNode('dist/apps/cli/src/main.js', [...args, '--json'], { env: { REDIS_URL: world.redis.url, MAS_CONFIG: undefined, MAS_REDIS__URL: undefined } });
}

beforeAll(async () => {
  world = await ZeroTrustWorld.start(13, GATEWAY);
  mallory = await world.provision('mallory', { capabilities: ['chat'] });
  aliceId = await world.provision('alice', { capabilities: ['payments'] });
  bobId = await world.provision('bob', { capabilities: ['echo'] });
  attacker = world.client(mallory.redisUrl);
}, 30_000);
afterEach(() => world.stopAgents());
afterAll(() => world?.close());

describe('red team: a provisioned agent and Lua', () => {
  it('cannot stall Redis (and so the gateway and every agent) with one EVAL of an endless loop', async () => {
    const alice = await world.start(aliceId, { capabilities: ['payments'] });
    await world.start(bobId, { capabilities: ['echo'] });
    await alice.agent.send(bobId.id, 'payment', { warm: true });
    // mallory's own user may run EVAL: a script that never ends needs no key at all.
    const evalError = refusal(() => attacker.eval('local i = 0 while true do i = i + 1 end', 0));
    await sleep(100);
    const started = Date.now();
    const sent = await refusal(() => alice.agent.send(bobId.id, 'payment', { during: true }));
    const tookMs = Date.now() - started;
    // Let Redis go on: the operator kills the script (possible once the busy threshold passed).
    await waitFor(
      async () => {
        const killed = await world.admin.command.call('SCRIPT', 'KILL').then(
          () => true,
          (e: Error) => /NOTBUSY/.test(e.message),
        );
        return killed;
      },
      20_000,
      'the operator killing the script',
      200,
    );
    const rejected = await evalError;
    expect(rejected, 'EVAL refused to a provisioned agent (or the loop stopped by a limit)').toBeDefined();
    expect(sent, "alice's send while mallory's script ran").toBeUndefined();
    expect(tookMs, "alice's send decided within 2 s while mallory's script ran").toBeLessThan(2_000);
  }, 40_000);

  it.each([
    ['EVAL', ['EVAL', 'return 1', '0']],
    ['EVALSHA', ['EVALSHA', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db', '0']],
    ['EVAL_RO', ['EVAL_RO', 'return 1', '0']],
    ['SCRIPT LOAD', ['SCRIPT', 'LOAD', 'return 1']],
    ['FUNCTION LOAD', ['FUNCTION', 'LOAD', "#!lua name=mine\nredis.register_function('spin', function() while true do end end)"]],
    ['FUNCTION DELETE', ['FUNCTION', 'DELETE', MAS_FUNCTIONS.library]],
    ['FUNCTION FLUSH', ['FUNCTION', 'FLUSH']],
  ])('may not run %s', async (_what, [command, ...args]) => {
    const error = await refusal(() => attacker.call(command, ...args));
    expect(error).toBeInstanceOf(RedisPermissionError);
  });

  it('may call the library the administrator loaded (and nothing it wrote itself)', async () => {
    await expect(attacker.call('FCALL_RO', MAS_FUNCTIONS.versionFunction, '0')).resolves.toBe(MAS_FUNCTIONS.version);
    await expect(attacker.call('FCALL', 'spin', '0')).rejects.toThrow(/Function not found/);
  });
});

describe('a provisioned agent running its scripts as the MAS function library', () => {
  it('handles, commits state and dead-letters through the library: a failing message ends in the dead letters', async () => {
    const started: { bob?: ZeroTrustAgent } = {};
    started.bob = await world.start(bobId, {
      capabilities: ['echo'],
      inbox: { maxAttempts: 2, claimIdleMs: 200, blockMs: 100 },
      onMessage: async (message) => {
        if (message.messageType === 'poison') throw new Error('cannot handle this');
        // A state change: committed with the message by the library's commit function (a handler
        // that changes no state is committed by a MULTI/EXEC of plain commands).
        await started.bob?.agent.updateState({ echoed: message.data.n });
        await message.reply('echo.reply', { ok: true });
      },
    });
    const alice = await world.start(aliceId, { capabilities: ['payments'] });
    const fcalls = async () => Number(/cmdstat_fcall:calls=(\d+)/.exec(String(await world.admin.command.info('commandstats')))?.[1] ?? 0);
    const callsBefore = await fcalls();
    const reply = await alice.agent.request(bobId.id, 'echo', { n: 1 }, { timeout: 5_000 });
    expect(reply.data).toEqual({ ok: true });
    expect(await fcalls(), 'the inbox commit went by FCALL').toBeGreaterThan(callsBefore);
    expect(await world.admin.command.hget(MasKeys.state(bobId.id), 'echoed')).toBe('1');
    const before = await world.admin.command.xlen(MasKeys.deadLetters);
    await alice.agent.send(bobId.id, 'poison', { n: 2 });
    await waitFor(async () => (await world.admin.command.xlen(MasKeys.deadLetters)) > before, 10_000, 'the poison message dead-lettered');
    const [[, fields]] = (await world.admin.command.xrevrange(MasKeys.deadLetters, '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
    expect(fields.join(' ')).toContain('poison');
    expect(fields.join(' ')).toContain(bobId.id);
  }, 30_000);
});

describe('the MAS function library missing, upgraded, pruned', () => {
  it('an agent whose Redis lacks the library fails to start with RedisFunctionsMissingError naming the fix; mas functions load repairs it', async () => {
    await world.admin.command.call('FUNCTION', 'DELETE', MAS_FUNCTIONS.library);
    const listed = await mas('functions', 'list');
    expect(listed.code, listed.stderr).toBe(3);
    expect(JSON.parse(listed.stdout)).toMatchObject({ library: MAS_FUNCTIONS.library, nodes: [{ libraries: [], current: false }] });

    const started = Date.now();
    const error = await refusal(() => world.start(aliceId, { capabilities: ['payments'] }));
    expect(Date.now() - started, 'refused at once, not after a hang').toBeLessThan(3_000);
    expect(error).toBeInstanceOf(RedisFunctionsMissingError);
    expect((error as RedisFunctionsMissingError).library).toBe(MAS_FUNCTIONS.library);
    expect((error as Error).message).toContain('mas functions load');

    const loaded = await mas('functions', 'load');
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(JSON.parse(loaded.stdout)).toMatchObject({ library: MAS_FUNCTIONS.library });
    const alice = await world.start(aliceId, { capabilities: ['payments'] });
    await world.start(bobId, { capabilities: ['echo'] });
    await expect(alice.agent.request(bobId.id, 'echo', { n: 3 }, { timeout: 5_000 })).resolves.toMatchObject({ data: { echoed: { n: 3 } } });
  }, 60_000);

  it('a running agent whose library goes away is told by a typed error, not a hang', async () => {
    const bob = await world.start(bobId, { capabilities: ['echo'] });
    await world.admin.command.call('FUNCTION', 'DELETE', MAS_FUNCTIONS.library);
    try {
      const error = await refusal(() => bob.agent.discover(['echo']));
      expect(error).toBeInstanceOf(RedisFunctionsMissingError);
    } finally {
      await world.provisioner.loadFunctions();
    }
    await expect(bob.agent.discover(['echo'])).resolves.toEqual([expect.objectContaining({ id: bobId.id })]);
  });

  it('loading keeps the library of an older release beside this one (a rolling upgrade); prune deletes it', async () => {
    const older = "#!lua name=mas_000000000000\nredis.register_function{function_name='mas_000000000000_version', callback=function() return '000000000000' end, flags={'no-writes'}}";
    await world.admin.command.call('FUNCTION', 'LOAD', 'REPLACE', older);
    await world.provisioner.loadFunctions();
    const [status] = await world.provisioner.functionStatus();
    expect(status.libraries).toEqual(['mas_000000000000', MAS_FUNCTIONS.library].sort());
    expect(status.current).toBe(true);
    const pruned = await mas('functions', 'prune');
    expect(pruned.code, pruned.stderr).toBe(0);
    expect(JSON.parse(pruned.stdout)).toMatchObject({ nodes: [{ deleted: ['mas_000000000000'] }] });
    expect((await world.provisioner.functionStatus())[0].libraries).toEqual([MAS_FUNCTIONS.library]);
  }, 60_000);
});
