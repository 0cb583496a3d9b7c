import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import type { GatewaySettings } from '../config/gateway.settings';
import { GatewayIdentity } from './gateway-identity';
import { AuditKeyMissingError, GatewaySecretsError } from './gateway-secrets.errors';
import { readOrCreateSecret } from './secret-file';

/** File names inside `secrets.dir`. */
export const SECRET_FILES = {
  identity: 'identity-ed25519.pem',
  auditKey: 'audit-chain.key',
  adminKeyHash: 'admin-key.sha256',
  auditAnchor: 'audit-anchor.json',
} as const;

/**
 * What the gateway holds outside Redis, loaded (or generated at the first start) before anything
 * else runs: its identity, the audit chain key, the SHA-256 of the admin key.
 */
export class GatewaySecrets {
  constructor(
    readonly identity: GatewayIdentity,
    /** HMAC key of the audit chain; `''` only with `audit.allowUnkeyed`. */
    readonly auditKey: string,
    /** SHA-256 of the admin key; undefined when `http.apiKeyRequired` is off. */
    readonly adminKeyHash: Buffer | undefined,
    /** Absolute path of `secrets.dir`. */
    readonly dir: string,
  ) {}

  /** Path of a file in the secrets directory. */
  file(name: string): string {
    return join(this.dir, name);
  }
}

/** SHA-256 of an admin key. */
export function hashAdminKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/**
 * Loads the gateway's secrets: settings (env, mounted secret) first, else files in `secrets.dir`,
 * generated there when missing. A generated admin key is logged once, and only its hash is kept.
 * @throws AuditKeyMissingError, GatewaySecretsError
 */
export function loadGatewaySecrets(settings: GatewaySettings, logger = new Logger('GatewaySecrets')): GatewaySecrets {
  const dir = resolve(settings.secrets.dir);
  const path = (name: string) => join(dir, name);
  const identity = GatewayIdentity.fromPem(
    settings.identity.privateKeyPem ||
      attempt('identity', () =>
        readOrCreateSecret(path(SECRET_FILES.identity), () =>
          generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        ).value,
      ),
  );
  return new GatewaySecrets(identity, auditKeyOf(settings, path(SECRET_FILES.auditKey), logger), adminKeyHashOf(settings, path(SECRET_FILES.adminKeyHash), logger), dir);
}

function auditKeyOf(settings: GatewaySettings, file: string, logger: Logger): string {
  if (settings.audit.hmacKey) return settings.audit.hmacKey;
  let key = '';
  let problem = 'the key file is empty';
  try {
    key = readOrCreateSecret(file, () => randomBytes(32).toString('hex')).value;
  } catch (error) {
    problem = (error as Error).message;
  }
  if (key) return key;
  if (!settings.audit.allowUnkeyed) {
    throw new AuditKeyMissingError(`no audit chain key (${file}: ${problem}); set audit.hmac_key, make the directory writable, or allow_unkeyed`);
  }
  logger.warn(`The audit chain is NOT keyed (audit.allow_unkeyed): whoever can write Redis can rewrite it. ${file}: ${problem}`);
  return '';
}

function adminKeyHashOf(settings: GatewaySettings, file: string, logger: Logger): Buffer | undefined {
  const http = settings.http;
  if (!http.apiKeyRequired) return undefined;
  if (http.apiKey) return hashAdminKey(http.apiKey);
  if (http.apiKeyHash) return Buffer.from(http.apiKeyHash, 'hex');
  let generated: string | undefined;
  const stored = attempt('admin key', () =>
    readOrCreateSecret(file, () => {
      generated = randomBytes(24).toString('base64url');
      return hashAdminKey(generated).toString('hex');
    }),
  );
  if (!/^[0-9a-f]{64}$/.test(stored.value)) throw new GatewaySecretsError(`${file} does not hold a hex SHA-256`);
  if (stored.created && generated) {
    logger.warn(`Generated the admin API key (shown once, only its hash is kept in ${file}): ${generated}`);
  }
  return Buffer.from(stored.value, 'hex');
}

function attempt<T>(what: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    throw new GatewaySecretsError(`cannot load the gateway's ${what}: ${(error as Error).message}`);
  }
}
