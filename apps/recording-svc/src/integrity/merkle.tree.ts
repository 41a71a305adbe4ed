import { createHash } from 'node:crypto';

/**
 * The RFC 9162 Merkle tree of the integrity log (SPEC R7, §2.1.1): leaf hash SHA-256(0x00 ‖ entry), interior node
 * SHA-256(0x01 ‖ left ‖ right), the split at the largest power of two below the size. Works on the leaf hashes the
 * log stores; the proofs are checked by `verifyInclusion`/`verifyConsistency` in libs/domain.
 */
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export function leafHash(entry: string | Buffer): string {
  return createHash('sha256').update(LEAF).update(entry).digest('hex');
}

export function nodeHash(leftHex: string, rightHex: string): string {
  return createHash('sha256')
    .update(NODE)
    .update(Buffer.from(leftHex, 'hex'))
    .update(Buffer.from(rightHex, 'hex'))
    .digest('hex');
}

/** SHA-256 of nothing: the root of the empty tree. */
export const EMPTY_ROOT = createHash('sha256').digest('hex');

/** The largest power of two strictly below `n` (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH — the root of the tree over `leaves` (leaf hashes). */
export function treeRoot(leaves: readonly string[]): string {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0];
  const k = split(leaves.length);
  return nodeHash(treeRoot(leaves.slice(0, k)), treeRoot(leaves.slice(k)));
}

/** PATH(m, D[n]) — the inclusion proof of leaf `index`. */
export function inclusionPath(index: number, leaves: readonly string[]): string[] {
  if (index < 0 || index >= leaves.length) throw new RangeError(`leaf ${index} is not in a tree of ${leaves.length}`);
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return index < k
    ? [...inclusionPath(index, leaves.slice(0, k)), treeRoot(leaves.slice(k))]
    : [...inclusionPath(index - k, leaves.slice(k)), treeRoot(leaves.slice(0, k))];
}

/** PROOF(m, D[n]) — the consistency proof between the first `firstSize` leaves and all of them. */
export function consistencyProof(firstSize: number, leaves: readonly string[]): string[] {
  if (firstSize < 0 || firstSize > leaves.length)
    throw new RangeError(`no tree of ${firstSize} inside ${leaves.length}`);
  if (firstSize === 0 || firstSize === leaves.length) return [];
  return subproof(firstSize, leaves, true);
}

function subproof(m: number, leaves: readonly string[], complete: boolean): string[] {
  const n = leaves.length;
  if (m === n) return complete ? [] : [treeRoot(leaves)];
  const k = split(n);
  return m <= k
    ? [...subproof(m, leaves.slice(0, k), complete), treeRoot(leaves.slice(k))]
    : [...subproof(m - k, leaves.slice(k), false), treeRoot(leaves.slice(0, k))];
}
