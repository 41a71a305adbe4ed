import { decisionRevocationKinds } from '../events/case-decision-revoked.v1';
import type { CaseLifecycle, CaseRecordEntry, DecisionRevocation, IssuedDecision } from './case-lifecycle.types';
import { isBlank, isInstant } from './record.rules';
import type { MissingItem } from './recording.types';

/** What a decision document lacks beyond its record type's fields: a permit says whether it was granted; a party. */
export function decisionProblems(
  fields: Record<string, unknown>,
  s: Pick<CaseLifecycle, 'category' | 'party'>,
): MissingItem[] {
  const out: MissingItem[] = [];
  if (s.category === 'permit' && typeof fields.permitGranted !== 'boolean') {
    out.push({ field: 'fields.permitGranted', zh: '是否准予行政许可', en: 'whether the permit was granted' });
  }
  // The decision is published with its party (D*): a case started before the record carried one must not issue blind.
  if (!s.party) out.push({ field: 'party', zh: '案件的当事人信息', en: "the case's party" });
  return out;
}

/** The decision a (valid) decision-document record issues. */
export function decisionOf(entry: CaseRecordEntry, category: CaseLifecycle['category']): IssuedDecision {
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    recordId: entry.id,
    documentNumber: text(entry.fields.documentNumber),
    decidedAt: text(entry.fields.decidedAt),
    text: text(entry.fields.text),
    conclusion: text(entry.fields.conclusion),
    permitGranted: category === 'permit' ? entry.fields.permitGranted === true : null,
    officers: Array.isArray(entry.fields.officers) ? entry.fields.officers.filter((o): o is string => !isBlank(o)) : [],
  };
}

/** What a revocation lacks (SPEC R1, D8): its kind, the legal document that undid the decision, the explanation. */
export function revocationProblems(r: Partial<DecisionRevocation> | undefined): MissingItem[] {
  const out: MissingItem[] = [];
  if (!decisionRevocationKinds.includes(r?.kind as never)) {
    out.push({
      field: 'revocation.kind',
      zh: '撤销、变更或确认违法等情形',
      en: 'what happened to the decision (revoked, changed …)',
    });
  }
  const doc = r?.legalDocument;
  if (isBlank(doc?.number))
    out.push({ field: 'revocation.legalDocument.number', zh: '法律文书文号', en: "the legal document's number" });
  if (isBlank(doc?.issuedBy))
    out.push({
      field: 'revocation.legalDocument.issuedBy',
      zh: '作出法律文书的机关',
      en: 'who issued the legal document',
    });
  if (!isInstant(doc?.receivedAt)) {
    out.push({
      field: 'revocation.legalDocument.receivedAt',
      zh: '收到法律文书的时间',
      en: 'when the legal document was received',
    });
  }
  if (isBlank(r?.explanation)) out.push({ field: 'revocation.explanation', zh: '必要说明', en: 'the explanation' });
  if (r?.newDecisionNumber !== null && r?.newDecisionNumber !== undefined && isBlank(r.newDecisionNumber)) {
    out.push({
      field: 'revocation.newDecisionNumber',
      zh: '新决定书文号（没有的填 null）',
      en: 'the new decision number (or null)',
    });
  }
  return out;
}
