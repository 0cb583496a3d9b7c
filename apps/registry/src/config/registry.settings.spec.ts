import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from '@mas/core';
import { loadRegistrySettings } from './registry.settings';
import { missingExpiryFlags } from '../monitor/keyspace-notifications';

function yamlFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mas-registry-config-')), 'registry.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadRegistrySettings', () => {
  it('reads config/registry.yaml by default', () => {
    const settings = loadRegistrySettings({ env: {} });
    expect(settings.http.port).toBe(3000);
    expect(settings.monitor).toMatchObject({ checkIntervalMs: 5000, enableKeyspaceNotifications: true, scanOnStart: true });
  });

  it('layers YAML (snake_case), then env (MAS_ with __ nesting, REDIS_URL, PORT), then overrides', () => {
    const file = yamlFile('monitor:\n  check_interval_ms: 2000\n  batch_size: 50\nhttp:\n  port: 4000\n');
    const settings = loadRegistrySettings({
      env: { MAS_REGISTRY_CONFIG: file, MAS_MONITOR__BATCH_SIZE: '80', PORT: '4100', REDIS_URL: 'redis://r:6379/2' },
      overrides: { monitor: { registrationGraceMs: 0 } },
    });
    expect(settings.monitor).toMatchObject({ checkIntervalMs: 2000, batchSize: 80, registrationGraceMs: 0 });
    expect(settings.http.port).toBe(4100);
    expect(settings.redis.url).toBe('redis://r:6379/2');
  });

  it('ignores MAS_CONFIG (the agents\' file) and unrelated MAS_ variables', () => {
    const settings = loadRegistrySettings({ env: { MAS_CONFIG: '/nonexistent/mas.yaml', MAS_REQUEST_TIMEOUT_MS: '5' } });
    expect(settings.monitor.checkIntervalMs).toBe(5000);
  });

  it('names the key and the problem of a bad value', () => {
    const bad = (env: NodeJS.ProcessEnv) => () => loadRegistrySettings({ env });
    expect(bad({ MAS_MONITOR__CHECK_INTERVAL_MS: '50' })).toThrow(ConfigValidationError);
    expect(bad({ MAS_MONITOR__CHECK_INTERVAL_MS: '50' })).toThrow(/monitor\.checkIntervalMs: .*less than 100/);
    expect(bad({ MAS_MONITOR__SCAN_ON_START: 'sometimes' })).toThrow(/monitor\.scanOnStart: .*boolean/);
    expect(bad({ PORT: 'http' })).toThrow(/http\.port/);
    expect(bad({ MAS_REDIS__URL: 'localhost:6379' })).toThrow(/redis\.url: must be a redis:\/\//);
    expect(bad({ MAS_REGISTRY_CONFIG: '/nonexistent/registry.yaml' })).toThrow(/nonexistent\/registry\.yaml/);
  });
});

describe('missingExpiryFlags', () => {
  it('adds only what expired-key events need, never removing flags', () => {
    expect(missingExpiryFlags('')).toBe('Ex');
    expect(missingExpiryFlags('Ex')).toBe('');
    expect(missingExpiryFlags('AKE')).toBe('');
    expect(missingExpiryFlags('Kx')).toBe('E');
    expect(missingExpiryFlags('E$')).toBe('x');
  });
});
