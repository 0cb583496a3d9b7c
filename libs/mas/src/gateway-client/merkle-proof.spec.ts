import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RecentSet } from '../util/recent-set';
import { inVerifiedTree, merkleLeaf, merkleRootOf, merkleTree } from './merkle-proof';

const leavesOf = (n: number) => Array.from({ length: n }, () => merkleLeaf(randomBytes(40)));

describe('merkleTree / merkleRootOf', () => {
  it('gives every leaf of trees of 1 to 70 leaves a path to the root, and no other leaf that path', () => {
    for (let n = 1; n <= 70; n += 1) {
      const leaves = leavesOf(n);
      const { root, proofs } = merkleTree(leaves);
      expect(proofs).toHaveLength(n);
      leaves.forEach((leaf, i) => {
        expect(merkleRootOf(leaf, proofs[i])?.equals(root), `leaf ${i} of ${n}`).toBe(true);
        expect(proofs[i].length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        if (n > 1) expect(merkleRootOf(leaves[(i + 1) % n], proofs[i])?.equals(root), `leaf ${(i + 1) % n} on the path of ${i}`).toBe(false);
      });
    }
  });

  it('a lone leaf is its own root; a tampered, reordered or malformed path leads elsewhere or nowhere', () => {
    const [only] = leavesOf(1);
    expect(merkleTree([only])).toEqual({ root: only, proofs: [[]] });
    const leaves = leavesOf(9);
    const { root, proofs } = merkleTree(leaves);
    const path = proofs[4];
    const flipped = path.map((step, i) => (i === 0 ? (step[0] === 'L' ? 'R' : 'L') + step.slice(1) : step));
    expect(merkleRootOf(leaves[4], flipped)?.equals(root)).toBe(false);
    expect(merkleRootOf(leaves[4], [...path].reverse())?.equals(root)).toBe(false);
    expect(merkleRootOf(leaves[4], path.slice(1))?.equals(root)).toBe(false);
    expect(merkleRootOf(leaves[4], ['X' + path[0].slice(1)])).toBeUndefined();
    expect(merkleRootOf(leaves[4], ['L' + Buffer.alloc(31).toString('base64')])).toBeUndefined();
    expect(merkleRootOf(leaves[4], 'L')).toBeUndefined();
    expect(merkleRootOf(leaves[4], Array(65).fill(path[0]))).toBeUndefined();
    expect(() => merkleTree([])).toThrow(RangeError);
  });

  it('a leaf hash never passes for an inner node (domain separation)', () => {
    const leaves = leavesOf(2);
    const { root } = merkleTree(leaves);
    expect(merkleLeaf(Buffer.concat(leaves)).equals(root)).toBe(false);
  });
});

describe('inVerifiedTree', () => {
  const leaves = Array.from({ length: 5 }, (_, i) => merkleLeaf(Buffer.from(`record ${i}`)));
  const { root, proofs } = merkleTree(leaves);

  it('checks the root once per tree, then takes the other leaves by their paths, and nothing else', () => {
    const known = new RecentSet<string>(64);
    const roots: Buffer[] = [];
    const signed = (candidate: Buffer) => (roots.push(candidate), candidate.equals(root));
    expect(leaves.every((leaf, i) => inVerifiedTree(leaf, proofs[i], known, signed))).toBe(true);
    expect(roots).toHaveLength(1);
    expect(inVerifiedTree(merkleLeaf(Buffer.from('record 9')), proofs[0], known, signed)).toBe(false);
    expect(inVerifiedTree(leaves[0], ['Xnot-a-step'], known, signed)).toBe(false);
    expect(inVerifiedTree(leaves[0], proofs[0], new RecentSet<string>(64), () => false)).toBe(false);
  });
});
