import type { DataSource } from 'typeorm';
import type { PartyKind, PartyType } from '@enforcement/domain';
import type { OpinionDocumentInput } from './opinion-document.types';

/** 当事人 as the case record holds it (`case.initiated.v1`, R1). */
export interface RecordedParty {
  readonly name: string;
  readonly kind: PartyKind;
}

/** Printed for the party when the case record has none: 详见案卷 (see the case file) — never a submitter's name. */
export const PARTY_NOT_RECORDED = '详见案卷';

/** The catalogue's two-way split (L1 fine thresholds): a business run by a person counts as a person. */
const TYPE_OF_KIND: Readonly<Record<PartyKind, PartyType>> = {
  'natural-person': 'person',
  'individual-business': 'person',
  organisation: 'organisation',
};

/**
 * The party the opinion document prints (L9; issue 9): the case record's, whatever the review's input carried — a
 * submission's body never decides who the decision is addressed to. Pure, so the rule is tested on its own.
 */
export function withRecordedParty(
  document: OpinionDocumentInput,
  recorded: RecordedParty | null,
): OpinionDocumentInput {
  const party: OpinionDocumentInput['party'] = recorded
    ? { name: recorded.name, type: TYPE_OF_KIND[recorded.kind], kind: recorded.kind }
    : { name: PARTY_NOT_RECORDED, type: document.party.type, kind: null };
  return { ...document, party };
}

/** The case's party from review-svc's copy of the case record; null when none was announced. */
export async function recordedPartyOf(dataSource: DataSource, caseNo: string): Promise<RecordedParty | null> {
  const [row] = await dataSource.query<{ party_name: string; party_kind: PartyKind }[]>(
    `select party_name, party_kind from case_deadlines where case_number = $1 and party_name is not null`,
    [caseNo],
  );
  return row ? { name: row.party_name, kind: row.party_kind } : null;
}
