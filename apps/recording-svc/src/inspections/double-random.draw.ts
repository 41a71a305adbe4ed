import { createHash } from 'node:crypto';

/**
 * 双随机 — the draw of inspection targets and inspectors (SPEC R12; seed 000 附件2 第三十条), reproducible by anyone
 * from what the draw record keeps: the seed, the two candidate lists and the counts.
 *
 * Algorithm `sha256-rank-v1`: every candidate's rank is SHA-256 over the UTF-8 text `<seed>\n<list>\n<id>` (list is
 * `targets` or `inspectors`), as lower-case hex; the candidates with the smallest ranks are drawn, ties (never met in
 * practice) broken by id. It needs nothing but a SHA-256 tool — `printf '%s\n%s\n%s' SEED targets ID | sha256sum` —
 * and does not depend on the order in which the lists were stored, so nobody can steer it by reordering a list.
 */
export const DRAW_ALGORITHM = 'sha256-rank-v1';

export interface DrawCandidate {
  id: string;
  name: string;
}

export interface DrawOutcome {
  algorithm: typeof DRAW_ALGORITHM;
  targets: (DrawCandidate & { rank: string })[];
  inspectors: (DrawCandidate & { rank: string })[];
}

function pick(seed: string, list: 'targets' | 'inspectors', candidates: readonly DrawCandidate[], count: number) {
  return candidates
    .map((c) => ({ ...c, rank: createHash('sha256').update(`${seed}\n${list}\n${c.id}`, 'utf8').digest('hex') }))
    .sort((a, b) => (a.rank === b.rank ? (a.id < b.id ? -1 : 1) : a.rank < b.rank ? -1 : 1))
    .slice(0, count);
}

export function drawDoubleRandom(input: {
  seed: string;
  targets: readonly DrawCandidate[];
  inspectors: readonly DrawCandidate[];
  targetCount: number;
  inspectorCount: number;
}): DrawOutcome {
  return {
    algorithm: DRAW_ALGORITHM,
    targets: pick(input.seed, 'targets', input.targets, input.targetCount),
    inspectors: pick(input.seed, 'inspectors', input.inspectors, input.inspectorCount),
  };
}
