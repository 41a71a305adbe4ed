import type { ExAnteContent, ExAnteFlagCause } from './ex-ante.rules';

/**
 * 法律法规规章立改废、职能调整 (SPEC D3; 000 附件1 第八条): the legal section records what changed — the legal bases
 * (by name) or the catalogue items affected — and every published ex-ante item citing one of them is flagged, to be
 * updated within 20 working days.
 */
export interface LawChange {
  readonly cause: ExAnteFlagCause;
  /** The amending or repealing instrument, or the function-transfer document (文号). */
  readonly reference: string;
  /** Names of the legal bases or catalogue items affected, as cited in the items (《》 optional). */
  readonly legalBases: readonly string[];
  /** Items named explicitly, cited or not. */
  readonly itemIds: readonly string[];
}

/** A name as it is compared: without 《》〈〉 and white space, full-width letters and digits folded (NFKC). */
export function normaliseCitation(name: string): string {
  return name.normalize('NFKC').replace(/[《》〈〉<>\s]/gu, '');
}

/** Whether an item's published text cites one of the names (a name shorter than two characters cites nothing). */
export function citesAny(content: Pick<ExAnteContent, 'title' | 'body'>, legalBases: readonly string[]): boolean {
  const text = normaliseCitation(`${content.title}\n${content.body}`);
  return legalBases.map(normaliseCitation).some((name) => name.length >= 2 && text.includes(name));
}

/** A published item as the finder sees it. */
export interface PublishedExAnteItem {
  readonly itemId: string;
  readonly content: Pick<ExAnteContent, 'title' | 'body'>;
}

/** The items a change affects: named explicitly, or citing one of its legal bases; in the order given. */
export function affectedItems(items: readonly PublishedExAnteItem[], change: LawChange): string[] {
  return items
    .filter((item) => change.itemIds.includes(item.itemId) || citesAny(item.content, change.legalBases))
    .map((item) => item.itemId);
}
