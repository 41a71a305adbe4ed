import { verifyConsistency, verifyInclusion } from '@enforcement/domain';
import { consistencyProof, EMPTY_ROOT, inclusionPath, leafHash, nodeHash, treeRoot } from './merkle.tree';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(`entry ${i}`));

describe('integrity log Merkle tree (RFC 9162)', () => {
  it('R7: leaves and nodes are domain-separated, and the empty tree has the hash of nothing', () => {
    expect(EMPTY_ROOT).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // SHA-256(0x00) — the leaf hash of an empty entry.
    expect(leafHash('')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(treeRoot(leaves(2))).toBe(nodeHash(leaves(2)[0], leaves(2)[1]));
  });

  it('R7: every leaf of trees of 1 to 33 leaves is proved included, and only at its own index', () => {
    for (let n = 1; n <= 33; n++) {
      const tree = leaves(n);
      const root = treeRoot(tree);
      for (let i = 0; i < n; i++) {
        const path = inclusionPath(i, tree);
        expect(verifyInclusion(nodeHash, tree[i], i, n, path, root)).toBe(true);
        if (n > 1) expect(verifyInclusion(nodeHash, tree[i], (i + 1) % n, n, path, root)).toBe(false);
        expect(verifyInclusion(nodeHash, leafHash('forged'), i, n, path, root)).toBe(false);
      }
    }
  });

  it('R7: every earlier tree head is proved a prefix of every later one', () => {
    for (let n = 1; n <= 33; n++) {
      const tree = leaves(n);
      for (let m = 0; m <= n; m++) {
        const proof = consistencyProof(m, tree);
        expect(verifyConsistency(nodeHash, m, n, proof, treeRoot(tree.slice(0, m)), treeRoot(tree))).toBe(true);
      }
    }
  });

  it('R7: a rewritten entry breaks consistency with a checkpoint taken before it', () => {
    const tree = leaves(20);
    const oldRoot = treeRoot(tree.slice(0, 13));
    const rewritten = [...tree];
    rewritten[5] = leafHash('entry 5, edited');
    const proof = consistencyProof(13, rewritten);
    expect(verifyConsistency(nodeHash, 13, 20, proof, oldRoot, treeRoot(rewritten))).toBe(false);
    expect(verifyConsistency(nodeHash, 13, 20, consistencyProof(13, tree), oldRoot, treeRoot(rewritten))).toBe(false);
    expect(verifyConsistency(nodeHash, 21, 20, [], oldRoot, treeRoot(tree))).toBe(false);
  });
});
