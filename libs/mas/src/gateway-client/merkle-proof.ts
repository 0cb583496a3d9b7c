import { createHash } from 'node:crypto';

/** Prefix of a leaf hash (RFC 6962 style): a leaf can never pass for an inner node, nor the reverse. */
const LEAF = Buffer.from([0]);
/** Prefix of an inner node hash. */
const NODE = Buffer.from([1]);

/** One step of a proof: the sibling's hash, `L` when it sits on the left, `R` on the right, then its base64. */
export type MerkleStep = string;

/** SHA-256 of a leaf's bytes, domain-separated from inner nodes. */
export function merkleLeaf(bytes: Buffer): Buffer {
  return createHash('sha256').update(LEAF).update(bytes).digest();
}

function node(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE).update(left).update(right).digest();
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
  const encoded = levels.map((level) => level.map((hash) => hash.toString('base64')));
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
  if (!Array.isArray(proof) || proof.length > 64) return undefined;
  let hash = leaf;
  for (const step of proof) {
    if (typeof step !== 'string' || (step[0] !== 'L' && step[0] !== 'R')) return undefined;
    const sibling = Buffer.from(step.slice(1), 'base64');
    if (sibling.length !== 32) return undefined;
    hash = step[0] === 'L' ? node(sibling, hash) : node(hash, sibling);
  }
  return hash;
}
