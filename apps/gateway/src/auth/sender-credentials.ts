import type { ChainableCommander } from 'ioredis';
import { execAll, MasConnection, MasKeySpace, slotPipeline } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { AuthenticationFailedError } from '../message/gateway-denial.errors';
import type { IngressMessage } from '../message/ingress-message';
import { sameSecret } from './same-secret';

/** What the registry holds about one sender and the token one ingress entry presented. */
export interface SenderCredentials {
  /**
   * Registry token of the sender, from its secret key `mas:secret:token:{id}` (out of the record agents
   * may read); a direct-mode agent's token, kept in its record, does not authenticate at the gateway.
   */
  token: string | null;
  /** `status` of the sender's registry hash. */
  status: string | null;
  /** True when the presented token is in `revoked_tokens:{id}`. */
  revoked: boolean;
  /** True when the sender was provisioned (zero-trust: no token, its signature authenticates it). */
  provisioned: boolean;
}

/**
 * Reads the credentials of every entry of a batch in one round trip: per distinct sender its
 * registry token (secret key) and status (record) and whether it is provisioned, per distinct (sender, token) whether the
 * token is revoked. Entries without a decodable envelope get none (authentication refuses them as
 * malformed without asking Redis).
 */
export async function readSenderCredentials(redis: MasConnection, batch: readonly IngressMessage[]): Promise<Array<SenderCredentials | undefined>> {
  const pipeline = slotPipeline(redis.command);
  const read = queueSenderCredentials(pipeline, redis.keys, batch);
  return read(read.commands ? await execAll(pipeline) : []);
}

/** A batch read queued on a pipeline: turns the pipeline's replies into its result; `commands` it queued. */
export interface QueuedRead<T> {
  (results: unknown[]): T;
  commands: number;
}

/** Queues the reads of {@link readSenderCredentials} on `pipeline` (which may carry other commands before and after). */
export function queueSenderCredentials(pipeline: ChainableCommander, keys: MasKeySpace, batch: readonly IngressMessage[]): QueuedRead<Array<SenderCredentials | undefined>> {
  const offset = pipeline.length;
  const senders = new Map<string, number>();
  const tokens = new Map<string, number>();
  let index = 0;
  const slots = batch.map((ingress) => {
    const sender = ingress.message?.senderId;
    if (sender === undefined) return undefined;
    let record = senders.get(sender);
    if (record === undefined) {
      pipeline.get(keys.agentToken(sender)).hget(keys.agent(sender), 'status').exists(keys.provisionGrant(sender));
      senders.set(sender, (record = index));
      index += 3;
    }
    const pair = `${sender}\u0000${ingress.token}`;
    let revoked = tokens.get(pair);
    if (revoked === undefined) {
      pipeline.sismember(keys.revokedTokens(sender), ingress.token);
      tokens.set(pair, (revoked = index));
      index += 1;
    }
    return { record, revoked };
  });
  const read = ((results: unknown[]) =>
    slots.map((slot) => {
      if (!slot) return undefined;
      const token = results[offset + slot.record] as string | null;
      const status = results[offset + slot.record + 1] as string | null;
      return { token, status, provisioned: results[offset + slot.record + 2] === 1, revoked: results[offset + slot.revoked] === 1 };
    })) as QueuedRead<Array<SenderCredentials | undefined>>;
  read.commands = index;
  return read;
}

/** Why authentication refuses an entry: the reason for the sender and audit, and the violation code. */
export interface AuthenticationRefusal {
  reason: string;
  violation: string;
}

/**
 * Authenticates an ingress entry (not a DLQ replay) against the credentials read for it: the envelope
 * is well formed, the sender registered and ACTIVE, the presented token its registry token and not
 * revoked; a provisioned sender needs no token (its signature authenticates it). Returns the refusal,
 * or undefined when the entry is authenticated (no exception: a flood of junk costs no stack traces).
 */
export function authenticationRefusal(ingress: IngressMessage, credentials: SenderCredentials | undefined, settings: GatewaySettings): AuthenticationRefusal | undefined {
  const refuse = (reason: string, violation: string) => ({ reason, violation });
  if (!ingress.message || !credentials) return refuse(`malformed envelope: ${ingress.parseError}`, 'auth:malformed');
  const sender = ingress.message.senderId;
  const { token, status, revoked, provisioned } = credentials;
  if (provisioned) return status === 'ACTIVE' ? undefined : refuse(`sender "${sender}" is ${status ?? 'not registered'}`, 'auth:inactive');
  if (settings.zeroTrust.requireProvisioned) return refuse(`sender "${sender}" is not provisioned`, 'auth:not_provisioned');
  if (!ingress.token) return refuse('no token', 'auth:missing_token');
  if (!token || status === null) return refuse(`sender "${sender}" is not registered`, 'auth:unknown_agent');
  if (revoked) return refuse('token revoked', 'auth:revoked_token');
  if (!sameSecret(token, ingress.token)) return refuse('token does not match the registry', 'auth:invalid_token');
  if (status !== 'ACTIVE') return refuse(`sender "${sender}" is ${status ?? 'not ACTIVE'}`, 'auth:inactive');
  return undefined;
}

/**
 * {@link authenticationRefusal} as a check.
 * @throws AuthenticationFailedError naming the reason.
 */
export function authenticate(ingress: IngressMessage, credentials: SenderCredentials | undefined, settings: GatewaySettings): void {
  const refusal = authenticationRefusal(ingress, credentials, settings);
  if (refusal) throw new AuthenticationFailedError(refusal.reason, refusal.violation);
}
