import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigValidationError, summarizeSettings } from '@mas/core';
import { loadGatewaySettings } from './load-gateway-settings';

const shipped = join(__dirname, '../../../../config/gateway.yaml');

describe('loadGatewaySettings', () => {
  it('defaults: every feature on, the documented limits, send:* for the default role', () => {
    const settings = loadGatewaySettings({ env: {}, useDefaultFile: false });
    expect(Object.values(settings.features).every(Boolean)).toBe(true);
    expect(settings.rateLimit).toMatchObject({ perMinute: 100, perHour: 1000 });
    expect(settings.authorization).toEqual({ defaultRole: 'agent', defaultRolePermissions: ['send:*'] });
    expect(settings.dlp.actions).toMatchObject({ ssn: 'REDACT', creditCard: 'BLOCK', email: 'ALERT', icd10: 'ALERT', medicalRecordNumber: 'BLOCK' });
  });

  it('reads config/gateway.yaml (the same values as the defaults) and layers GATEWAY_A__B env on top', () => {
    const fromFile = loadGatewaySettings({ env: {}, file: shipped });
    expect(JSON.parse(JSON.stringify(fromFile))).toEqual(JSON.parse(JSON.stringify(loadGatewaySettings({ env: {}, useDefaultFile: false }))));
    const settings = loadGatewaySettings({
      env: {
        GATEWAY_CONFIG: shipped,
        GATEWAY_RATE_LIMIT__PER_MINUTE: '200',
        GATEWAY_FEATURES__DLP: 'false',
        GATEWAY_DLP__ACTIONS__EMAIL: 'REDACT',
        GATEWAY_RATE_LIMIT__OVERRIDES: '[{"agentId":"bulk","perMinute":5000}]',
        REDIS_URL: 'redis://redis:6379/2',
      },
    });
    expect(settings.rateLimit).toMatchObject({ perMinute: 200, overrides: [{ agentId: 'bulk', perMinute: 5000 }] });
    expect(settings.features.dlp).toBe(false);
    expect(settings.dlp.actions.email).toBe('REDACT');
    expect(settings.redis.url).toBe('redis://redis:6379/2');
  });

  it('stops with the key and the problem named', () => {
    const fails = (env: Record<string, string>) => () => loadGatewaySettings({ env, useDefaultFile: false });
    expect(fails({ GATEWAY_RATE_LIMIT__PER_MINUTE: '0' })).toThrow(/rateLimit\.perMinute: perMinute must not be less than 1/);
    expect(fails({ GATEWAY_DLP__ACTIONS__SSN: 'SHRED' })).toThrow(/dlp\.actions\.ssn: must be one of BLOCK, REDACT, ALERT, OFF/);
    expect(fails({ GATEWAY_PRIORITY_QUEUE__WEIGHTS__BULK: '0' })).toThrow(/priorityQueue\.weights\.bulk/);
    expect(fails({ GATEWAY_MESSAGE_SIGNING__NONCE_TTL_MS: '1000' })).toThrow(ConfigValidationError);
    expect(fails({ GATEWAY_MESSAGE_SIGNING__NONCE_TTL_MS: '1000' })).toThrow(/nonceTtlMs: must be at least 2 × messageSigning\.maxTimestampDriftMs/);
    expect(fails({ GATEWAY_MESSAGE_SIGNING__ALGORITHMS: '["md5"]' })).toThrow(/messageSigning\.algorithms/);
  });

  it('summarizes without secrets', () => {
    const settings = loadGatewaySettings({ env: { GATEWAY_AUDIT__HMAC_KEY: 'chain-secret', GATEWAY_HTTP__API_KEY: 'api-secret' }, useDefaultFile: false });
    const summary = JSON.stringify(summarizeSettings(settings));
    expect(summary).not.toContain('chain-secret');
    expect(summary).not.toContain('api-secret');
  });
});
