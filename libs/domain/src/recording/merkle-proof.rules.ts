/**
 * Checking proofs of the recording integrity log (SPEC R7): an RFC 9162 Merkle tree (§2.1.3.2 inclusion, §2.1.4.2
 * consistency), hashes as lower-case hex. Pure: the interior-node hash — SHA-256(0x01 ‖ left ‖ right) — is passed
 * in, so a browser, a workflow or a third party's verifier can use the same code with its own SHA-256.
 */
export type NodeHasher = (leftHex: string, rightHex: string) => string;

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/** True when `leafHash` is leaf `index` of the tree of `size` leaves whose root is `root`. */
export function verifyInclusion(
  node: NodeHasher,
  leafHash: string,
  index: number,
  size: number,
  path: readonly string[],
  root: string,
): boolean {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = node(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = node(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r === root;
}

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

/**
 * True when the tree of `firstSize` leaves with root `firstRoot` is a prefix of the tree of `secondSize` leaves with
 * root `secondRoot`: nothing logged before the first checkpoint was changed or removed afterwards.
 */
export function verifyConsistency(
  node: NodeHasher,
  firstSize: number,
  secondSize: number,
  path: readonly string[],
  firstRoot: string,
  secondRoot: string,
): boolean {
  if (!Number.isInteger(firstSize) || !Number.isInteger(secondSize) || firstSize < 0 || firstSize > secondSize) {
    return false;
  }
  if (firstSize === secondSize) return path.length === 0 && firstRoot === secondRoot;
  if (firstSize === 0) return path.length === 0;
  if (path.length === 0) return false;
  const proof = isPowerOfTwo(firstSize) ? [firstRoot, ...path] : [...path];
  let fn = firstSize - 1;
  let sn = secondSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = proof[0];
  let sr = proof[0];
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = node(c, fr);
      sr = node(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = node(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return fr === firstRoot && sr === secondRoot && sn === 0;
}
