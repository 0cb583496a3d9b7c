import { describe, expect, it } from 'vitest';
import { isClusterUrl, parseRedisTarget } from './redis-target';

describe('parseRedisTarget', () => {
  it('leaves redis:// and rediss:// URLs to ioredis', () => {
    for (const url of ['redis://127.0.0.1:6379/2', 'rediss://user:pw@host:6380', 'redis://host']) {
      expect(parseRedisTarget(url)).toEqual({ kind: 'single', url });
    }
  });

  it('reads the seed nodes, credentials and TLS of a cluster URL', () => {
    expect(parseRedisTarget('redis-cluster://127.0.0.1:7000,127.0.0.1:7001,[::1]:7002')).toEqual({
      kind: 'cluster',
      nodes: [{ host: '127.0.0.1', port: 7000 }, { host: '127.0.0.1', port: 7001 }, { host: '::1', port: 7002 }],
      tls: false,
    });
    expect(parseRedisTarget('rediss-cluster://app:p%40ss@h1:7000')).toEqual({
      kind: 'cluster', nodes: [{ host: 'h1', port: 7000 }], tls: true, username: 'app', password: 'p@ss',
    });
    expect(parseRedisTarget('redis-cluster://:secret@h1')).toMatchObject({ nodes: [{ host: 'h1', port: 6379 }], password: 'secret' });
    expect(isClusterUrl('redis-cluster://h1:7000')).toBe(true);
    expect(isClusterUrl('redis://h1:7000')).toBe(false);
  });

  it('reads the sentinels, database and master name of a sentinel URL', () => {
    expect(parseRedisTarget('redis-sentinel://s1:26379,s2:26380/3#my%20master')).toEqual({
      kind: 'sentinel', sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26380 }], masterName: 'my master', db: 3, tls: false,
    });
    expect(parseRedisTarget('redis-sentinel://u:p@s1:26379#m')).toMatchObject({ db: 0, username: 'u', password: 'p', masterName: 'm' });
  });

  it('refuses what it cannot connect to, without printing the password', () => {
    expect(() => parseRedisTarget('redis-sentinel://s1:26379')).toThrow(/needs the master name/);
    expect(() => parseRedisTarget('redis-cluster://h1:7000#m')).toThrow(/names no master/);
    expect(() => parseRedisTarget('redis-cluster://u:hunter2@h1:notaport')).toThrow(/Bad node 'h1:notaport'/);
    expect(() => parseRedisTarget('redis-cluster://u:hunter2@h1:notaport')).not.toThrow(/hunter2/);
  });
});
