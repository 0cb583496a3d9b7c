import { describe, expect, it } from 'vitest';
import { loadRegistrySettings } from '../config/registry.settings';

describe('dashboard settings', () => {
  it('have defaults and read MAS_DASHBOARD__* variables', () => {
    expect(loadRegistrySettings({ env: {} }).dashboard).toMatchObject({ refreshIntervalMs: 1_000, gatewayUrl: '', decisionWindowMs: 10_000, tailLength: 20 });
    const settings = loadRegistrySettings({ env: { MAS_DASHBOARD__GATEWAY_URL: 'http://127.0.0.1:3001', MAS_DASHBOARD__REFRESH_INTERVAL_MS: '500' } });
    expect(settings.dashboard).toMatchObject({ gatewayUrl: 'http://127.0.0.1:3001', refreshIntervalMs: 500 });
  });

  it('name the key of a bad value', () => {
    expect(() => loadRegistrySettings({ env: { MAS_DASHBOARD__GATEWAY_URL: 'gateway:3001' } })).toThrow(/dashboard\.gatewayUrl: must be empty or an http/);
    expect(() => loadRegistrySettings({ env: { MAS_DASHBOARD__REFRESH_INTERVAL_MS: '10' } })).toThrow(/dashboard\.refreshIntervalMs/);
  });
});
