import { createHash } from 'node:crypto';
import { generateSigningKeys, MasConnection, SignatureAlgorithm } from '@mas/core';
import { NotFoundError } from '../cli.errors';
import { AgentCatalog } from './agent-catalog';

/** Outcome of `mas revoke`. */
export interface RevocationResult {
  agent: string;
  /** First characters of the SHA-256 of the revoked token (the token itself is never printed). */
  tokenFingerprint: string;
  /** False when that token was already revoked. */
  newlyRevoked: boolean;
  /** How many tokens of the agent are revoked now. */
  revokedCount: number;
}

/** Outcome of `mas rotate-key`. */
export interface KeyRotationResult {
  agent: string;
  alg: SignatureAlgorithm;
  /** What the agent signed with before (`none` when it had no key). */
  previousAlg: SignatureAlgorithm | 'none';
  /** SHA-256 prefix of the new verification key. */
  fingerprint: string;
  /** The new HMAC secret (hex) or Ed25519 private key (PEM): only for `--show-secret`. */
  secret: string;
}

/** Short fingerprint of secret material. */
export function fingerprint(material: string): string {
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

/** Revokes tokens and rotates signing keys in the gateway's keys. */
export class CredentialStore {
  private readonly catalog: AgentCatalog;

  constructor(private readonly connection: MasConnection) {
    this.catalog = new AgentCatalog(connection);
  }

  /**
   * Adds the current token of `agent:{id}` to `revoked_tokens:{id}`: the gateway then rejects its
   * messages (AUTH_FAILED) until the agent registers with a new token.
   * @throws NotFoundError when the agent is not registered (no token to revoke).
   */
  async revoke(agent: string): Promise<RevocationResult> {
    const token = await this.catalog.token(agent);
    if (!token) throw new NotFoundError(`agent "${agent}" is not registered: no token to revoke`);
    const redis = this.connection.command;
    const added = await redis.sadd(this.connection.keys.revokedTokens(agent), token);
    const revokedCount = await redis.scard(this.connection.keys.revokedTokens(agent));
    return { agent, tokenFingerprint: fingerprint(token), newlyRevoked: added === 1, revokedCount };
  }

  /**
   * Replaces the verification key the gateway holds for `agent` with a fresh one (same algorithm
   * unless `alg` says). The running agent keeps signing with its old key, so its messages fail the
   * signature check until it is restarted (it then publishes a key of its own) or given the new one.
   * @throws NotFoundError when the agent is neither registered nor has a key.
   */
  async rotateKey(agent: string, alg?: SignatureAlgorithm): Promise<KeyRotationResult> {
    const redis = this.connection.command;
    const [hmac, publicKey, registered] = await Promise.all([
      redis.get(this.connection.keys.signingKey(agent)),
      redis.get(this.connection.keys.publicKey(agent)),
      redis.exists(this.connection.keys.agent(agent)),
    ]);
    const previousAlg: KeyRotationResult['previousAlg'] = hmac ? 'hmac-sha256' : publicKey ? 'ed25519' : 'none';
    if (previousAlg === 'none' && !registered) {
      throw new NotFoundError(`agent "${agent}" has no signing key and is not registered`);
    }
    const keys = generateSigningKeys(alg ?? (previousAlg === 'none' ? 'hmac-sha256' : previousAlg));
    const multi = redis.multi();
    if (keys.alg === 'hmac-sha256') {
      multi.set(this.connection.keys.signingKey(agent), keys.secret).del(this.connection.keys.publicKey(agent));
    } else {
      multi.set(this.connection.keys.publicKey(agent), keys.publicKeyPem).del(this.connection.keys.signingKey(agent));
    }
    await multi.exec();
    return keys.alg === 'hmac-sha256'
      ? { agent, alg: keys.alg, previousAlg, fingerprint: fingerprint(keys.secret), secret: keys.secret }
      : {
          agent,
          alg: keys.alg,
          previousAlg,
          fingerprint: fingerprint(keys.publicKeyPem),
          secret: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        };
  }
}
