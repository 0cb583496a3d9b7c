import { hash } from 'node:crypto';
import type { RecentSet } from '../util/recent-set';

/** Prefix of a leaf hash (RFC 6962 style): a leaf can never pass for an inner node, nor the reverse. */
const LEAF = 0;
/** Prefix of an inner node hash. */
const NODE = 1;

/** One step of a proof: the sibling's hash, `L` when it sits on the left, `R` on the right, then its base64. */
export type MerkleStep = string;

/** SHA-256 of a leaf's bytes, domain-separated from inner nodes. */
export function merkleLeaf(bytes: Buffer): Buffer {
  const input = Buffer.allocUnsafe(bytes.length + 1);
  input[0] = LEAF;
  bytes.copy(input, 1);
  return sha256(input);
}

/**
 * SHA-256 of a leaf given as text: the same digest as {@link merkleLeaf} of its UTF-8 bytes (the
 * prefix byte 0 is the UTF-8 of U+0000), without encoding the text on its own first.
 */
export function merkleTextLeaf(text: string): Buffer {
  return sha256(`\u0000${text}`);
}

function node(left: Buffer, right: Buffer): Buffer {
  // Hashing reads the input at once: one buffer serves every node.
  NODE_INPUT[0] = NODE;
  left.copy(NODE_INPUT, 1);
  right.copy(NODE_INPUT, 33);
  return sha256(NODE_INPUT);
}

/**
 * One-shot SHA-256 (one call into the binding instead of a Hash object and its updates). Its digest
 * comes back as a latin1 string, one character per byte: asked for as a Buffer, the binding takes
 * about twice as long (Node 20).
 */
function sha256(input: Buffer | string): Buffer {
  return Buffer.from(sha256Latin1(input), 'latin1');
}

/** SHA-256 of `input` as a latin1 string (32 characters, one per byte): how the walks below keep nodes. */
function sha256Latin1(input: Buffer | string): string {
  return hash('sha256', input, 'binary'); // 'binary' is Node's name for latin1 here
}

/**
 * The root of a binary hash tree over `leaves` (at least one) and, for each leaf, the path from it to
 * the root. An odd node at the end of a level moves up unpaired (no step for it at that level).
 * Node `i` of a level has its sibling at `i ^ 1` and its parent at `i >> 1`, so each level is hashed
 * once and each proof is read off the levels.
 */
export function merkleTree(leaves: readonly Buffer[]): { root: Buffer; proofs: MerkleStep[][] } {
  if (!leaves.length) throw new RangeError('a Merkle tree needs at least one leaf');
  const levels: Buffer[][] = [[...leaves]];
  for (let below = levels[0]; below.length > 1; below = levels[levels.length - 1]) {
    const level: Buffer[] = [];
    for (let i = 0; i < below.length; i += 2) level.push(i + 1 < below.length ? node(below[i], below[i + 1]) : below[i]);
    levels.push(level);
  }
  const encoded = levels.map((level) => level.map((digest) => digest.toString('base64')));
  const proofs = leaves.map((_, leaf) => {
    const path: MerkleStep[] = [];
    for (let depth = 0, i = leaf; depth < levels.length - 1; depth += 1, i >>= 1) {
      const sibling = i ^ 1;
      if (sibling < levels[depth].length) path.push(`${sibling < i ? 'L' : 'R'}${encoded[depth][sibling]}`);
    }
    return path;
  });
  return { root: levels[levels.length - 1][0], proofs };
}

/** The root `proof` leads to from `leaf`; undefined when the proof is malformed. */
export function merkleRootOf(leaf: Buffer, proof: unknown): Buffer | undefined {
  const nodes = merklePathNodes(leaf, proof);
  return nodes && (nodes.length ? nodes[nodes.length - 1] : leaf);
}

/**
 * The inner nodes `proof` leads through from `leaf`, the root last; undefined when the proof is
 * malformed (every step is checked before any is hashed). With `known`, the walk stops at the first
 * node it is true for (that node last): a leaf under a node of a tree whose root was verified is in
 * that tree, so the rest of the path need not be hashed.
 */
export function merklePathNodes(leaf: Buffer, proof: unknown, known?: (node: Buffer) => boolean): Buffer[] | undefined {
  const nodes = pathWalk(leaf.toString('latin1'), proof, known && ((node) => known(Buffer.from(node, 'latin1'))));
  return nodes?.map((node) => Buffer.from(node, 'latin1'));
}

/**
 * {@link merklePathNodes} over nodes kept as latin1 strings (32 characters, one per byte): no Buffer
 * per step, and the strings are what the sets of known nodes hold.
 */
function pathWalk(leaf: string, proof: unknown, known?: (node: string) => boolean): string[] | undefined {
  if (!Array.isArray(proof) || proof.length > 64) return undefined;
  // Checked by form (the 44 base64 digits of 32 bytes), decoded only as far as the walk goes.
  for (const step of proof) if (typeof step !== 'string' || !STEP.test(step)) return undefined;
  const nodes: string[] = [];
  let hash = leaf;
  for (const step of proof as string[]) {
    // The sibling decoded straight into the node's input, beside the hash so far (no buffer per step).
    const left = step[0] === 'L';
    STEP_INPUT[0] = NODE;
    STEP_INPUT.write(step.slice(1), left ? 1 : 33, 32, 'base64');
    STEP_INPUT.write(hash, left ? 33 : 1, 32, 'latin1');
    hash = sha256Latin1(STEP_INPUT);
    nodes.push(hash);
    if (known?.(hash)) break;
  }
  return nodes;
}

/**
 * True when `leaf` is in a tree whose root `signed` accepts, given its `path` (an unchecked proof):
 * verified once per tree. `known` holds the nodes (32 bytes as latin1) of trees already verified
 * (one set per signing key): a path meeting one is in that tree, its root's signature is not checked
 * again; otherwise the root is checked with `signed`, and the path's nodes are remembered. False on
 * a malformed path or a root `signed` refuses.
 */
export function inVerifiedTree(leaf: Buffer, path: unknown, known: RecentSet<string>, signed: (root: Buffer) => boolean): boolean {
  let met = false;
  const start = leaf.toString('latin1');
  const nodes = pathWalk(start, path, (node) => (met = known.has(node)));
  if (!nodes) return false;
  if (!nodes.length) met = known.has(start); // a tree of one: the leaf is the root
  if (!met) {
    if (!signed(Buffer.from(nodes.length ? nodes[nodes.length - 1] : start, 'latin1'))) return false;
    for (const node of nodes.length ? nodes : [start]) known.add(node);
  } else {
    // The node met is remembered already (and was kept so by the look-up): the ones below it are new.
    for (let i = 0; i < nodes.length - 1; i += 1) known.add(nodes[i]);
  }
  return true;
}

/** The input of one step's node hash (prefix, left, right), reused: hashing reads it at once. */
const STEP_INPUT = Buffer.alloc(65);
/** The same for the nodes of a tree being built ({@link merkleTree}). */
const NODE_INPUT = Buffer.alloc(65);

/** A well-formed step: `L` or `R`, then a SHA-256 in base64 (43 digits and one `=`: exactly 32 bytes). */
const STEP = /^[LR][A-Za-z0-9+/]{43}=$/;
