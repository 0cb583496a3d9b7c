import { existsSync } from 'node:fs';
import { ConfigValidationError, loadSettings, LoadSettingsOptions } from '@mas/core';
import { GatewaySettings } from './gateway.settings';

/** Where the gateway looks for its YAML when `GATEWAY_CONFIG` names none (relative to the working directory). */
export const DEFAULT_GATEWAY_CONFIG_FILE = 'config/gateway.yaml';

/**
 * Loads and validates {@link GatewaySettings}: class defaults → YAML (`file`, `GATEWAY_CONFIG`, or
 * `config/gateway.yaml` when present) → env `GATEWAY_A__B` (plus `REDIS_URL`, `PORT` and `MAS_NAMESPACE`, as the registry) → `overrides`.
 * @throws ConfigValidationError naming every bad key.
 */
export function loadGatewaySettings(options: Partial<LoadSettingsOptions> & { useDefaultFile?: boolean } = {}): GatewaySettings {
  const { useDefaultFile = true, ...rest } = options;
  const env = rest.env ?? process.env;
  const file = rest.file ?? env.GATEWAY_CONFIG ?? (useDefaultFile && existsSync(DEFAULT_GATEWAY_CONFIG_FILE) ? DEFAULT_GATEWAY_CONFIG_FILE : undefined);
  const settings = loadSettings(GatewaySettings, { envPrefix: 'GATEWAY_', envAliases: { REDIS_URL: 'redis.url', PORT: 'http.port', MAS_NAMESPACE: 'namespace' }, ...rest, env, file });
  assertConsistent(settings);
  return settings;
}

/** Cross-field checks class-validator cannot express. */
function assertConsistent(settings: GatewaySettings): void {
  const problems: string[] = [];
  const signing = settings.messageSigning;
  if (signing.nonceTtlMs < 2 * signing.maxTimestampDriftMs) {
    problems.push(
      `messageSigning.nonceTtlMs: must be at least 2 × messageSigning.maxTimestampDriftMs (${2 * signing.maxTimestampDriftMs}), ` +
        `or a replayed nonce could be accepted again (got ${signing.nonceTtlMs})`,
    );
  }
  if (settings.priorityQueue.maxTtlMs < settings.priorityQueue.defaultTtlMs) {
    problems.push('priorityQueue.maxTtlMs: must not be smaller than priorityQueue.defaultTtlMs');
  }
  const ids = settings.rateLimit.overrides.map((o) => o.agentId);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) problems.push(`rateLimit.overrides: agent "${duplicate}" is listed twice`);
  if (problems.length) throw new ConfigValidationError('gateway settings', problems);
}
