import { InvalidAgentIdError } from './agent.errors';
import { MasError } from './mas.error';

/**
 * Redis refused a command with NOPERM: the connection's ACL user may not run `command`, or may not
 * touch `key` (or `channel`). In zero-trust mode this is what an agent sees when it reaches for
 * anything that is not its own.
 */
export class RedisPermissionError extends MasError {
  override readonly code = 'REDIS_NOPERM';
  constructor(
    /** The command refused, lower case (`xadd`, `evalsha`, ...). */
    readonly command: string,
    /** The key (or channel) the command named first, when it named one. */
    readonly key: string | undefined,
    /** Redis's own reply text. */
    readonly redisMessage: string,
  ) {
    super(`Redis refused ${command.toUpperCase()}${key !== undefined ? ` on "${key}"` : ''}: ${redisMessage}`);
  }
}

/**
 * An id that cannot be provisioned: empty, too long, or holding a glob character (`* ? [ ] \`),
 * `:` or white space (they would widen its ACL patterns). An {@link InvalidAgentIdError}.
 */
export class UnprovisionableAgentIdError extends InvalidAgentIdError {
  constructor(
    agentId: string,
    readonly reason: string,
  ) {
    super(agentId);
    this.message = `Agent id "${agentId}" cannot be provisioned: ${reason}`;
  }
}

/** A credentials string that is not one `mas provision` printed, or belongs to another id. */
export class InvalidCredentialsError extends MasError {
  override readonly code = 'INVALID_CREDENTIALS';
  constructor(
    /** What is wrong with them (e.g. `they were provisioned for "a", not "b"`). */
    readonly reason: string,
  ) {
    super(`Invalid agent credentials: ${reason}`);
  }
}

/** Provisioning needs an administrative Redis user (ACL SETUSER, ACL DELUSER, CLIENT KILL). */
export class ProvisioningNotPermittedError extends MasError {
  override readonly code = 'PROVISIONING_NOT_PERMITTED';
  constructor(cause: unknown) {
    super(`Provisioning needs an administrative Redis user: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/** A manifest (`mas provision --from agents.yaml`) that cannot be read. */
export class InvalidManifestError extends MasError {
  override readonly code = 'INVALID_MANIFEST';
  constructor(reason: string) {
    super(`Invalid provisioning manifest: ${reason}`);
  }
}

/** A provisioned agent asked to register with capabilities it was not granted at provisioning. */
export class CapabilityNotGrantedError extends MasError {
  override readonly code = 'CAPABILITY_NOT_GRANTED';
  constructor(
    readonly agentId: string,
    readonly capabilities: string[],
  ) {
    super(`"${agentId}" was not granted ${capabilities.map((c) => `"${c}"`).join(', ')} at provisioning`);
  }
}

/**
 * A connection that runs the MAS scripts as Redis functions (a provisioned agent's: its user may not
 * EVAL) found the MAS function library missing on a node: never loaded, lost with a restart without
 * persistence, deleted, a master added to a cluster after it was loaded there, or an older library
 * after MAS was upgraded. An administrator loads it with `mas functions load` (every provisioning
 * command loads it too).
 */
export class RedisFunctionsMissingError extends MasError {
  override readonly code = 'REDIS_FUNCTIONS_MISSING';
  constructor(
    /** The library the connection needs (`mas_<version>`). */
    readonly library: string,
    /** The node that lacks it (`host:port`), when known. */
    readonly node: string | undefined,
    /** Redis's own reply text. */
    readonly redisMessage: string,
  ) {
    super(
      `Redis${node ? ` node ${node}` : ''} has no MAS function library "${library}" (${redisMessage}): an administrator loads it with ` +
        '`mas functions load` (again after upgrading MAS, and on a master added to a cluster)',
    );
  }
}
