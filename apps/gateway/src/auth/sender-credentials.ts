import { createPublicKey, hash, KeyObject } from 'node:crypto';
import type { ChainableCommander } from 'ioredis';
import { execAll, MasConnection, MasKeySpace, memoised, slotPipeline, verifyEnvelopeText } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { AuthenticationFailedError } from '../message/gateway-denial.errors';
import type { EnvelopeRoute } from '../message/envelope-route';
import type { IngressMessage } from '../message/ingress-message';
import { sameSecret } from './same-secret';

/** What the registry holds about one sender and the token one ingress entry presented. */
export interface SenderCredentials {
  /**
   * Registry token of the sender, from its secret key `mas:secret:token:{id}` (out of the record agents
   * may read); a direct-mode agent's token, kept in its record, does not authenticate at the gateway.
   */
  readonly token: string | null;
  /** `status` of the sender's registry hash. */
  readonly status: string | null;
  /** True when the presented token is in `revoked_tokens:{id}`. */
  readonly revoked: boolean;
  /** True when the sender was provisioned (zero-trust: no token, its signature authenticates it). */
  readonly provisioned: boolean;
  /** The sender's published Ed25519 public key (PEM), which authenticates a provisioned sender. */
  readonly publicKeyPem: string | null;
}

/**
 * Reads the credentials of every entry of a batch in one round trip: per distinct sender its
 * registry token (secret key) and status (record) and whether it is provisioned, per distinct (sender, token) whether the
 * token is revoked, the sender being the one the envelope names ({@link IngressMessage.route}, read
 * without decoding it). Entries whose envelope names none get none (authentication refuses them as
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

/**
 * Queues the reads of {@link readSenderCredentials} on `pipeline` (which may carry other commands
 * before and after). Entries presenting the same token for the same sender share one credentials
 * object, so a flood costs per entry two map lookups, and {@link authenticateBatch} judges each
 * distinct (sender, token) once.
 */
export function queueSenderCredentials(pipeline: ChainableCommander, keys: MasKeySpace, batch: readonly IngressMessage[]): QueuedRead<Array<SenderCredentials | undefined>> {
  const offset = pipeline.length;
  const senders = new Map<string, { record: number; tokens: Map<string, number> }>();
  const pairs: Array<{ record: number; revoked: number }> = [];
  let index = 0;
  const slots = batch.map((ingress) => {
    const sender = ingress.route?.senderId;
    if (sender === undefined) return -1;
    let known = senders.get(sender);
    if (!known) {
      pipeline.get(keys.agentToken(sender)).hget(keys.agent(sender), 'status').exists(keys.provisionGrant(sender)).get(keys.publicKey(sender));
      senders.set(sender, (known = { record: index, tokens: new Map() }));
      index += 4;
    }
    let pair = known.tokens.get(ingress.token);
    if (pair === undefined) {
      pipeline.sismember(keys.revokedTokens(sender), ingress.token);
      known.tokens.set(ingress.token, (pair = pairs.push({ record: known.record, revoked: index }) - 1));
      index += 1;
    }
    return pair;
  });
  const read = ((results: unknown[]) => {
    const credentials = pairs.map(({ record, revoked }): SenderCredentials => ({
      token: results[offset + record] as string | null,
      status: results[offset + record + 1] as string | null,
      provisioned: results[offset + record + 2] === 1,
      publicKeyPem: results[offset + record + 3] as string | null,
      revoked: results[offset + revoked] === 1,
    }));
    return slots.map((pair) => (pair < 0 ? undefined : credentials[pair]));
  }) as QueuedRead<Array<SenderCredentials | undefined>>;
  read.commands = index;
  return read;
}

/** Why authentication refuses an entry: the reason for the sender and audit, and the violation code. */
export interface AuthenticationRefusal {
  reason: string;
  violation: string;
}

/**
 * Authenticates an ingress entry (not a DLQ replay) against the credentials read for the sender its
 * envelope names ({@link IngressMessage.route}): the sender registered and ACTIVE, the presented token
 * its registry token and not revoked (a provisioned sender needs no token: its entry signature
 * authenticates it, checked before the envelope is decoded), and the envelope well formed, naming
 * the sender and target of its route. The envelope is decoded only once the credentials (and a
 * provisioned sender's signature) pass, so junk costs no parse. Returns the refusal, or undefined
 * when the entry is authenticated (no exception: a flood of junk costs no stack traces).
 */
export function authenticationRefusal(ingress: IngressMessage, credentials: SenderCredentials | undefined, settings: GatewaySettings): AuthenticationRefusal | undefined {
  const refuse = (reason: string, violation: string) => ({ reason, violation });
  const route = ingress.route;
  if (!credentials || route === undefined) return refuse(`malformed envelope: ${ingress.parseError}`, 'auth:malformed');
  return credentialsRefusal(route.senderId, ingress.token, credentials, settings) ?? entryRefusal(ingress, route, credentials);
}

/** What {@link authenticationRefusal} checks once the sender's credentials passed: its entry signature (provisioned) and its envelope. */
function entryRefusal(ingress: IngressMessage, route: EnvelopeRoute, credentials: SenderCredentials): AuthenticationRefusal | undefined {
  const refuse = (reason: string, violation: string) => ({ reason, violation });
  const sender = route.senderId;
  const refusal = credentials.provisioned ? entrySignatureRefusal(ingress, sender, credentials.publicKeyPem) : undefined;
  if (refusal) return refusal;
  if (!ingress.message) return refuse(`malformed envelope: ${ingress.parseError}`, 'auth:malformed');
  if (ingress.message.senderId !== sender) return refuse('malformed envelope: its "sender_id" is not the sender its entry names', 'auth:malformed');
  if (ingress.message.targetId !== route.targetId) return refuse('malformed envelope: its "target_id" is not the target its entry names', 'auth:malformed');
  return undefined;
}

/**
 * SHA-256 (hex) of a provisioned sender's public key (PEM), worked out once per key: kept in the dead
 * letters of its admitted messages, it says which key authenticated them (see `QueuedMessage.senderKeyHash`).
 */
export const senderKeyHashOf = memoised((pem: string): string => hash('sha256', pem), 1_024);

/** A public key parsed once per PEM, not per message. */
export const publicKeyOf = memoised((pem: string): KeyObject => createPublicKey(pem), 1_024);

/**
 * A provisioned sender presents no token: the Ed25519 signature of its entry (the `signature` field,
 * over the envelope text as written), with the public key it was provisioned with, is what
 * authenticates it, whether or not `features.messageSigning` is on (that feature adds freshness and
 * the single-use nonce). It is checked before the envelope is decoded: a hash of the text and one
 * verification. Anyone may append an entry naming alice to the shared ingress; without her signature
 * it is unauthenticated ingress. Registration requests are held to the same check.
 */
export function entrySignatureRefusal(ingress: IngressMessage, sender: string, publicKeyPem: string | null): AuthenticationRefusal | undefined {
  if (!publicKeyPem) return { reason: `no public key is published for "${sender}"`, violation: 'auth:no_key' };
  if (ingress.entrySignatureField === undefined) {
    return { reason: `"${sender}" authenticates with its ed25519 signature of the envelope as written (entry field "signature"); the entry has none`, violation: 'auth:unsigned' };
  }
  const signature = ingress.entrySignature;
  const text = ingress.envelopeText;
  if (!signature || signature.sender !== sender) return { reason: `the entry's signature is malformed or not "${sender}"'s`, violation: 'auth:bad_signature' };
  if (text === undefined || ingress.oversized) return { reason: `malformed envelope: ${ingress.parseError}`, violation: 'auth:malformed' }; // refused by size, not parsed
  // The batch screening verified it already with this very key (the guard judges the same credentials again): not twice.
  if (ingress.signatureVerifiedWith === publicKeyPem) return undefined;
  if (!verifyEnvelopeText(text, signature, publicKeyOf(publicKeyPem))) return { reason: `the signature is not "${sender}"'s`, violation: 'auth:bad_signature' };
  ingress.signatureVerified = true;
  ingress.signatureVerifiedWith = publicKeyPem;
  return undefined;
}

function credentialsRefusal(sender: string, presented: string, credentials: SenderCredentials, settings: GatewaySettings): AuthenticationRefusal | undefined {
  const refuse = (reason: string, violation: string) => ({ reason, violation });
  const { token, status, revoked, provisioned } = credentials;
  if (provisioned) return status === 'ACTIVE' ? undefined : refuse(`sender "${sender}" is ${status ?? 'not registered'}`, 'auth:inactive');
  if (settings.zeroTrust.requireProvisioned) return refuse(`sender "${sender}" is not provisioned`, 'auth:not_provisioned');
  if (!presented) return refuse('no token', 'auth:missing_token');
  if (!token || status === null) return refuse(`sender "${sender}" is not registered`, 'auth:unknown_agent');
  if (revoked) return refuse('token revoked', 'auth:revoked_token');
  if (!sameSecret(token, presented)) return refuse('token does not match the registry', 'auth:invalid_token');
  if (status !== 'ACTIVE') return refuse(`sender "${sender}" is ${status ?? 'not ACTIVE'}`, 'auth:inactive');
  return undefined;
}

/**
 * {@link authenticationRefusal} of each entry of a batch whose credentials {@link queueSenderCredentials}
 * read (shared per sender and token): the credentials of each distinct object are judged once, so
 * the entries of a flood presenting one token for one sender share one refusal and none is decoded.
 */
export function authenticateBatch(batch: readonly IngressMessage[], settings: GatewaySettings): Array<AuthenticationRefusal | undefined> {
  const judged = new Map<SenderCredentials, AuthenticationRefusal | undefined>();
  return batch.map((ingress) => {
    const credentials = ingress.credentials;
    const route = ingress.route;
    if (!credentials || route === undefined) return authenticationRefusal(ingress, credentials, settings);
    if (!judged.has(credentials)) judged.set(credentials, credentialsRefusal(route.senderId, ingress.token, credentials, settings));
    // Credentials that passed are not judged again for each entry presenting them: only the entry itself is.
    return judged.get(credentials) ?? entryRefusal(ingress, route, credentials);
  });
}

/**
 * {@link authenticationRefusal} as a check.
 * @throws AuthenticationFailedError naming the reason.
 */
export function authenticate(ingress: IngressMessage, credentials: SenderCredentials | undefined, settings: GatewaySettings): void {
  const refusal = authenticationRefusal(ingress, credentials, settings);
  if (refusal) throw new AuthenticationFailedError(refusal.reason, refusal.violation);
}
