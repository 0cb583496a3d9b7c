import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { loadGatewaySettings } from '../config/load-gateway-settings';
import { hashAdminKey, loadGatewaySecrets, SECRET_FILES } from './gateway-secrets';
import { AuditKeyMissingError } from './gateway-secrets.errors';

class RecordingLogger extends Logger {
  readonly warnings: string[] = [];
  override warn(message: string): void {
    this.warnings.push(message);
  }
}

const settingsFor = (overrides: Record<string, unknown>) => loadGatewaySettings({ env: {}, useDefaultFile: false, overrides });

describe('gateway secrets', () => {
  it('are generated at the first start outside Redis (0600 files), the admin key shown once and only its hash kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mas-secrets-spec-'));
    const logger = new RecordingLogger();
    const first = loadGatewaySecrets(settingsFor({ secrets: { dir } }), logger);
    expect(logger.warnings).toHaveLength(1);
    const shown = /: (\S+)$/.exec(logger.warnings[0])![1];
    expect(first.adminKeyHash).toEqual(hashAdminKey(shown));
    expect(readFileSync(join(dir, SECRET_FILES.adminKeyHash), 'utf8')).not.toContain(shown);
    for (const file of [SECRET_FILES.identity, SECRET_FILES.auditKey, SECRET_FILES.adminKeyHash]) {
      expect(statSync(join(dir, file)).mode & 0o777, file).toBe(0o600);
    }
    expect(first.auditKey).toMatch(/^[0-9a-f]{64}$/);
    const again = new RecordingLogger();
    const second = loadGatewaySecrets(settingsFor({ secrets: { dir } }), again);
    expect(again.warnings).toEqual([]); // shown once
    expect([second.identity.keyId, second.auditKey, second.adminKeyHash]).toEqual([first.identity.keyId, first.auditKey, first.adminKeyHash]);
  });

  it('refuse to start without an audit key unless audit.allow_unkeyed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mas-secrets-spec-')), 'a-file');
    writeFileSync(file, 'x');
    const privateKeyPem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const base = { secrets: { dir: file }, identity: { privateKeyPem }, http: { apiKey: 'k' } };
    expect(() => loadGatewaySecrets(settingsFor(base), new RecordingLogger())).toThrow(AuditKeyMissingError);
    const logger = new RecordingLogger();
    expect(loadGatewaySecrets(settingsFor({ ...base, audit: { allowUnkeyed: true } }), logger).auditKey).toBe('');
    expect(logger.warnings[0]).toMatch(/NOT keyed/);
  });
});
