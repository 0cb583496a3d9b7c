import { hash, KeyObject, sign, verify } from 'node:crypto';
import { RecentSet } from '../util/recent-set';
import type { SignatureBlock } from './gateway.constants';
import { inVerifiedTree, merkleLeaf, MerkleStep, merkleTree } from './merkle-proof';
import { freshNonce } from './nonce';

/**
 * Signatures of zero-trust (provisioned) agents: the Ed25519 signature of the envelope text exactly
 * as written to the ingress entry, carried beside it in the entry's own `signature` field
 * (`INGRESS_FIELDS.signature`) with the sender and target the envelope names, not inside the
 * envelope. The gateway checks it before it parses the envelope: the field tells whose key to check
 * it with, then a hash of the text and one verification of a fixed-size input, so an envelope
 * naming a provisioned sender under a junk signature costs no JSON parse and no canonical form.
 *
 * The entries an agent writes in one event-loop turn are signed together ({@link signEnvelopeTexts}):
 * one Ed25519 signature over the root of a hash tree whose leaves are the entries' signing inputs,
 * each entry carrying its path to that root (`path`). The gateway then checks one signature per
 * batch and a few hashes per entry, as agents check the gateway's own batches.
 */

/** The `signature` field of a provisioned sender's ingress entry. */
export interface EntrySignature extends SignatureBlock {
  alg: 'ed25519';
  /** The envelope's `sender_id` (whose public key verifies it). */
  sender: string;
  /** The envelope's `target_id`. */
  target: string;
  /**
   * Signed with other entries: the path from this entry's leaf ({@link entryLeaf}) to the root of
   * their tree, which `value` signs ({@link entryBatchSigningInput}). Absent: `value` signs this
   * entry alone ({@link entrySigningInput}).
   */
  path?: MerkleStep[];
}

/** Domain tag at the head of what an entry signature covers: a key signs nothing else in this form. */
const ENTRY_SIGNATURE_DOMAIN = 'mas.ingress.envelope.v1';
/** Domain tag of what a batch's signature covers (then the root): neither an entry's input nor the gateway's batches. */
const ENTRY_BATCH_DOMAIN = Buffer.from('mas.ingress.batch.v1\n');
/** Longest path read: a batch holds at most 2^16 entries (agents sign at most {@link MAX_ENTRY_BATCH}). */
const MAX_PATH_STEPS = 16;
/** Most entries signed together (their paths stay at most 8 steps long, well inside the field's size). */
export const MAX_ENTRY_BATCH = 256;

/** Longest `signature` field read (nonce, value and the JSON around them take under 300 characters; the rest is for the two ids). */
export const ENTRY_SIGNATURE_MAX_CHARS = 2_048;

/** What a nonce may be: it is written into the signing input between newlines. */
const NONCE_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Bytes of an Ed25519 signature. */
const ED25519_SIGNATURE_BYTES = 64;

/**
 * The bytes an entry signature covers: the domain tag, then `[nonce, sender, target]` as JSON, then
 * the SHA-256 of the envelope text (UTF-8), on lines of their own. As large as the ids whatever the
 * envelope's size: hashing the text is the only cost that grows with it.
 */
export function entrySigningInput(envelopeText: string, signature: Pick<EntrySignature, 'nonce' | 'sender' | 'target'>): Buffer {
  const head = `${ENTRY_SIGNATURE_DOMAIN}\n${JSON.stringify([signature.nonce, signature.sender, signature.target])}\n`;
  // The digest as latin1 (one character per byte): the binding writes a string faster than a Buffer.
  return Buffer.concat([Buffer.from(head), Buffer.from(hash('sha256', envelopeText, 'binary'), 'latin1')]);
}

/** Signs `envelopeText` (the very string to be written to the entry, from `sender` to `target`) with a fresh nonce. */
export function signEnvelopeText(envelopeText: string, route: { sender: string; target: string }, privateKey: KeyObject): EntrySignature {
  const unsigned = { alg: 'ed25519' as const, sender: route.sender, target: route.target, nonce: freshNonce() };
  return { ...unsigned, value: sign(null, entrySigningInput(envelopeText, unsigned), privateKey).toString('base64') };
}

/** The leaf of an entry in a batch: the hash of its {@link entrySigningInput}. */
export function entryLeaf(envelopeText: string, signature: Pick<EntrySignature, 'nonce' | 'sender' | 'target'>): Buffer {
  return merkleLeaf(entrySigningInput(envelopeText, signature));
}

/** The bytes the signature of a batch of entries covers: its domain tag, then the root (32 bytes). */
export function entryBatchSigningInput(root: Buffer): Buffer {
  return Buffer.concat([ENTRY_BATCH_DOMAIN, root]);
}

/**
 * Signs the envelope texts of `entries` (at least one) together, each with a fresh nonce: one
 * Ed25519 signature over the root of the tree of their leaves, each signature with its entry's
 * path; a single entry is signed alone ({@link signEnvelopeText}).
 * @throws RangeError when `entries` is empty or holds more than {@link MAX_ENTRY_BATCH}.
 */
export function signEnvelopeTexts(entries: ReadonlyArray<{ text: string; sender: string; target: string }>, privateKey: KeyObject): EntrySignature[] {
  if (!entries.length || entries.length > MAX_ENTRY_BATCH) throw new RangeError(`a batch of entry signatures holds 1 to ${MAX_ENTRY_BATCH} entries (got ${entries.length})`);
  if (entries.length === 1) return [signEnvelopeText(entries[0].text, entries[0], privateKey)];
  const unsigned = entries.map(({ sender, target }) => ({ alg: 'ed25519' as const, sender, target, nonce: freshNonce() }));
  const { root, proofs } = merkleTree(entries.map(({ text }, i) => entryLeaf(text, unsigned[i])));
  const value = sign(null, entryBatchSigningInput(root), privateKey).toString('base64');
  return unsigned.map((signature, i) => ({ ...signature, value, path: proofs[i] }));
}

/** The `signature` field of an ingress entry carrying `signature`. */
export function encodeEntrySignature(signature: EntrySignature): string {
  const { alg, sender, target, nonce, value, path } = signature;
  return JSON.stringify(path ? { alg, sender, target, nonce, value, path } : { alg, sender, target, nonce, value });
}

/**
 * The signature of an entry's `signature` field; undefined when it is longer than
 * {@link ENTRY_SIGNATURE_MAX_CHARS}, not JSON, or not an Ed25519 signature with a well-formed
 * nonce, a value and two non-empty ids. Never throws.
 */
export function decodeEntrySignature(field: string): EntrySignature | undefined {
  if (field.length > ENTRY_SIGNATURE_MAX_CHARS) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(field);
  } catch {
    return undefined;
  }
  const { alg, sender, target, nonce, value, path } = (parsed ?? {}) as Partial<Record<keyof EntrySignature, unknown>>;
  if (alg !== 'ed25519' || typeof nonce !== 'string' || !NONCE_PATTERN.test(nonce) || typeof value !== 'string') return undefined;
  if (typeof sender !== 'string' || !sender || typeof target !== 'string' || !target) return undefined;
  if (path === undefined) return { alg, sender, target, nonce, value };
  if (!Array.isArray(path) || path.length > MAX_PATH_STEPS || !path.every((step) => typeof step === 'string')) return undefined;
  return { alg, sender, target, nonce, value, path: path as MerkleStep[] };
}

/** Nodes of batch trees whose root was verified, per public key (a tree of {@link MAX_ENTRY_BATCH} entries has 511). */
const VERIFIED_NODES_KEPT = 1_024;
const verifiedNodes = new WeakMap<KeyObject, RecentSet<string>>();

function verifiedNodesOf(publicKey: KeyObject): RecentSet<string> {
  let nodes = verifiedNodes.get(publicKey);
  if (!nodes) verifiedNodes.set(publicKey, (nodes = new RecentSet(VERIFIED_NODES_KEPT)));
  return nodes;
}

/**
 * True when `signature` is a valid signature of `envelopeText` by `publicKey`; false on any mismatch, never throws.
 * A batch signature is checked once per batch: the nodes of a tree whose root `publicKey` verified
 * are remembered (per key), and an entry whose path meets one is in that tree.
 */
export function verifyEnvelopeText(envelopeText: string, signature: EntrySignature, publicKey: KeyObject): boolean {
  if (signature.alg !== 'ed25519' || !NONCE_PATTERN.test(signature.nonce)) return false;
  const value = Buffer.from(signature.value, 'base64');
  if (value.length !== ED25519_SIGNATURE_BYTES) return false;
  try {
    if (signature.path === undefined) return verify(null, entrySigningInput(envelopeText, signature), publicKey, value);
    const leaf = entryLeaf(envelopeText, signature);
    return inVerifiedTree(leaf, signature.path, verifiedNodesOf(publicKey), (root) => verify(null, entryBatchSigningInput(root), publicKey, value));
  } catch {
    return false;
  }
}
