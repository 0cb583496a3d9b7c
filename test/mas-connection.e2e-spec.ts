import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { MasConnection, MasKeys } from '@mas/core';
import { Probes, redisUrlFor, waitFor } from './support/e2e-helpers';

const redisUrl = redisUrlFor(14);

describe('MasConnection', () => {
  const probes = new Probes();
  const redis = probes.client(redisUrl);
  /** Names of the clients Redis holds whose name starts with `prefix-`. */
  const clientsNamed = async (prefix: string) => {
    const list = (await redis.client('LIST')) as string;
    return list
      .split('\n')
      .map((line) => / name=(\S+) /.exec(line)?.[1])
      .filter((name): name is string => !!name?.startsWith(`${prefix}-`))
      .sort();
  };

  afterAll(() => probes.closeAll());

  it('opens the subscriber on the first subscribe only, so a command-only user holds one connection', async () => {
    const prefix = `mas-conn-${randomBytes(3).toString('hex')}`;
    const connection = new MasConnection({ redisUrl, clientName: prefix });
    try {
      await connection.ready();
      expect(await clientsNamed(prefix)).toEqual([`${prefix}-command`]);

      await connection.subscribe(MasKeys.agentChannel(prefix), () => undefined);
      expect(await clientsNamed(prefix)).toEqual([`${prefix}-command`, `${prefix}-subscriber`]);
    } finally {
      await connection.close();
    }
    await waitFor(async () => (await clientsNamed(prefix)).length === 0, 5_000, 'the connections to close');
  });

  it('builds dedicated connections by role and closes those still open with itself', async () => {
    const prefix = `mas-conn-${randomBytes(3).toString('hex')}`;
    const connection = new MasConnection({ redisUrl, clientName: prefix });
    await connection.ready();
    const done = connection.dedicated('done');
    const blocked = connection.dedicated('reader');
    await Promise.all([done.ping(), blocked.ping()]);
    expect(await clientsNamed(prefix)).toEqual([`${prefix}-command`, `${prefix}-done`, `${prefix}-reader`]);

    done.disconnect();
    void blocked.xread('BLOCK', 0, 'STREAMS', MasKeys.inbox(prefix), '$').catch(() => undefined);
    await waitFor(async () => (await clientsNamed(prefix)).length === 2, 5_000, 'the disconnected one to go');
    await connection.close();

    await waitFor(async () => (await clientsNamed(prefix)).length === 0, 5_000, 'every connection to close');
    expect(() => connection.dedicated('late')).toThrow(/closed/);
  });
});
