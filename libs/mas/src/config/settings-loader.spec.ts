import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from './config.errors';
import { masModuleOptionsFromSettings } from '../nest/mas-module-settings';
import { agentOptionsFromSettings, loadMasSettings } from './mas.settings';
import { summarizeSettings } from './settings-loader';

function yamlFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mas-config-')), 'mas.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadMasSettings', () => {
  it('uses the documented defaults with an empty environment', () => {
    const settings = loadMasSettings({ env: {} });
    expect(settings.redis.url).toBe('redis://127.0.0.1:6379');
    expect(settings.heartbeat).toMatchObject({ intervalMs: 30_000, ttlMs: 60_000 });
    expect(settings.requestTimeoutMs).toBe(30_000);
  });

  it('layers YAML (snake_case keys), then env with __ nesting, then explicit overrides', () => {
    const file = yamlFile('redis:\n  url: redis://yaml:6379\nheartbeat:\n  interval_ms: 1000\n  ttl_ms: 3000\n');
    const settings = loadMasSettings({
      env: { MAS_CONFIG: file, MAS_HEARTBEAT__TTL_MS: '5000', REDIS_URL: 'redis://alias:6379' },
      overrides: { requestTimeoutMs: 1234 },
    });
    expect(settings.redis.url).toBe('redis://alias:6379');
    expect(settings.heartbeat).toMatchObject({ intervalMs: 1000, ttlMs: 5000 });
    expect(agentOptionsFromSettings(settings)).toMatchObject({ heartbeatIntervalMs: 1000, requestTimeoutMs: 1234 });
  });

  it('MAS_REDIS__URL wins over REDIS_URL', () => {
    const settings = loadMasSettings({ env: { REDIS_URL: 'redis://a:1', MAS_REDIS__URL: 'redis://b:2' } });
    expect(settings.redis.url).toBe('redis://b:2');
  });

  it('names the key and the problem of a bad value', () => {
    expect(() => loadMasSettings({ env: { MAS_HEARTBEAT__INTERVAL_MS: 'soon' } })).toThrow(ConfigValidationError);
    expect(() => loadMasSettings({ env: { MAS_HEARTBEAT__INTERVAL_MS: 'soon' } })).toThrow(/heartbeat\.intervalMs/);
    expect(() => loadMasSettings({ env: { MAS_REDIS__URL: 'http://x' } })).toThrow(/redis\.url: must be a redis:\/\//);
    expect(() => loadMasSettings({ env: { MAS_HEARTBEAT__TTL_MS: '1000', MAS_HEARTBEAT__INTERVAL_MS: '2000' } })).toThrow(
      /heartbeat\.ttlMs: must be greater than heartbeat\.intervalMs/,
    );
  });

  it('rejects a missing or unparsable YAML file by name', () => {
    expect(() => loadMasSettings({ env: { MAS_CONFIG: '/nonexistent/mas.yaml' } })).toThrow(/nonexistent\/mas\.yaml/);
    expect(() => loadMasSettings({ env: { MAS_CONFIG: yamlFile('redis: [unclosed') } })).toThrow(/cannot read YAML/);
  });

  it('summarizes without credentials', () => {
    const settings = loadMasSettings({ env: { REDIS_URL: 'redis://user:hunter2@host:6379/1' } });
    const summary = JSON.stringify(summarizeSettings(settings));
    expect(summary).not.toContain('hunter2');
    expect(summary).toContain('redis://***@host:6379/1');
  });

  it('reads zero-trust identities: MAS_AGENT_CREDENTIALS, and agents.<id> from YAML (ids verbatim) and env (lower-cased)', () => {
    const file = yamlFile('agents:\n  billing_eu:\n    redis_url: redis://mas-agent.billing_eu:pw1@host:6379\n    credentials: mas1.yaml\n');
    const settings = loadMasSettings({
      env: { MAS_CONFIG: file, MAS_AGENT_CREDENTIALS: 'mas1.shared', 'MAS_AGENTS__WORKER-A__CREDENTIALS': 'mas1.env', 'MAS_AGENTS__WORKER-A__REDIS_URL': 'redis://mas-agent.worker-a:pw2@host:6379' },
    });
    expect(agentOptionsFromSettings(settings).gateway).toEqual({ credentials: 'mas1.shared' });
    expect(agentOptionsFromSettings(settings, 'billing_eu')).toMatchObject({
      redisUrl: 'redis://mas-agent.billing_eu:pw1@host:6379',
      gateway: { credentials: 'mas1.yaml' },
    });
    expect(masModuleOptionsFromSettings(settings).agents).toEqual({
      billing_eu: { redisUrl: 'redis://mas-agent.billing_eu:pw1@host:6379', gateway: { credentials: 'mas1.yaml' } },
      'worker-a': { redisUrl: 'redis://mas-agent.worker-a:pw2@host:6379', gateway: { credentials: 'mas1.env' } },
    });
    expect(agentOptionsFromSettings(loadMasSettings({ env: {} })).gateway).toBeUndefined();
  });

  it('names a bad agents.<id> entry', () => {
    expect(() => loadMasSettings({ env: { MAS_AGENTS__W__REDIS_URL: 'http://x' } })).toThrow(/agents\.w\.redisUrl: must be a redis:\/\//);
  });

  it('never prints credentials or agent passwords', () => {
    const settings = loadMasSettings({
      env: { MAS_AGENT_CREDENTIALS: 'mas1.topsecret', MAS_AGENTS__W__CREDENTIALS: 'mas1.alsosecret', MAS_AGENTS__W__REDIS_URL: 'redis://mas-agent.w:pw9@host:6379' },
    });
    const summary = JSON.stringify(summarizeSettings(settings));
    for (const secret of ['topsecret', 'alsosecret', 'pw9']) expect(summary).not.toContain(secret);
    expect(summary).toContain('"agentCredentials":"***"');
  });
});
