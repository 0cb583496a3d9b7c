import { describe, expect, it } from 'vitest';
import { LuaScript } from '../redis/lua-script';
import { RedisFunctionLibrary } from './function-library';
import { MAS_FUNCTIONS } from './mas-functions';
import { COMMIT_BATCH_SCRIPT } from '../transport/inbox.scripts';
import { DISCOVER_SCRIPT } from '../registry/registry.scripts';

describe('RedisFunctionLibrary', () => {
  const one = new LuaScript("return redis.call('GET', KEYS[1])");
  const two = new LuaScript('return ARGV[1]');

  it('names the library and its functions by a hash of their content', () => {
    const library = new RedisFunctionLibrary('t', [{ name: 'get', script: one, readOnly: true }, { name: 'echo', script: two }]);
    expect(library.library).toMatch(/^t_[0-9a-f]{12}$/);
    expect(library.functionOf(one)).toBe(`${library.library}_get`);
    expect(library.functionOf(two)).toBe(`${library.library}_echo`);
    expect(library.functionOf(new LuaScript('return 1'))).toBeUndefined();
    expect(library.versionFunction).toBe(`${library.library}_version`);
  });

  it('is a new version when any script changes, the same one otherwise', () => {
    const a = new RedisFunctionLibrary('t', [{ name: 'get', script: one }]);
    expect(new RedisFunctionLibrary('t', [{ name: 'get', script: new LuaScript(one.source) }]).version).toBe(a.version);
    expect(new RedisFunctionLibrary('t', [{ name: 'get', script: two }]).version).not.toBe(a.version);
    expect(new RedisFunctionLibrary('t', [{ name: 'get', script: one, readOnly: true }]).version).not.toBe(a.version);
  });

  it('runs each script unchanged as a function body; read-only ones registered no-writes', () => {
    const library = new RedisFunctionLibrary('t', [{ name: 'get', script: one, readOnly: true }, { name: 'echo', script: two }]);
    expect(library.source.split('\n')[0]).toBe(`#!lua name=${library.library}`);
    expect(library.source).toContain(`function_name='${library.library}_get', callback=function(KEYS, ARGV)\n${one.source}\nend, flags={'no-writes'}}`);
    expect(library.source).toContain(`function_name='${library.library}_echo', callback=function(KEYS, ARGV)\n${two.source}\nend}`);
  });

  it('recognises other versions of its family only', () => {
    expect(MAS_FUNCTIONS.isSameFamily('mas_000000000000')).toBe(true);
    expect(MAS_FUNCTIONS.isSameFamily(MAS_FUNCTIONS.library)).toBe(true);
    expect(MAS_FUNCTIONS.isSameFamily('mas_other')).toBe(false);
    expect(MAS_FUNCTIONS.isSameFamily('masx_000000000000')).toBe(false);
  });

  it('holds the agent scripts: commits (rw) and discovery (read-only)', () => {
    expect(MAS_FUNCTIONS.functionOf(COMMIT_BATCH_SCRIPT)).toBe(`${MAS_FUNCTIONS.library}_commit_batch`);
    expect(MAS_FUNCTIONS.source).toContain(`function_name='${MAS_FUNCTIONS.library}_discover'`);
    expect(MAS_FUNCTIONS.functionOf(DISCOVER_SCRIPT)).toBeDefined();
  });
});
