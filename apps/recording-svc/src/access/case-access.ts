import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mayAccessDirectly, type AccessAction, type Actor } from '@enforcement/domain';
import { AppError } from '@enforcement/platform';
import { caseNotFound } from '../integrity/integrity.controller';

/**
 * The officers whose own recordings a case holds (R8 本人): who initiated it, who made a record, who uploaded a file.
 */
export async function caseOfficerIds(m: EntityManager, caseNumber: string, initiatedBy: string): Promise<string[]> {
  const rows = await m.query<{ by: string }[]>(
    `select recorded_by as by from case_records where case_number = $1
     union select uploaded_by from evidence_files where case_number = $1`,
    [caseNumber],
  );
  return [initiatedBy, ...rows.map((o) => o.by)];
}

export interface CaseAccessGrant {
  caseNumber: string;
  unitId: string;
  title: string;
  /** Who approved the application this access rests on; null for access by right (own records, listed roles). */
  approver: string | null;
  applicationId: string | null;
  reason: string | null;
}

/**
 * May `actor` view or export `caseNumber`'s records now (SPEC R8)? By right (000 附件6 第二十条), or on an approved
 * application of theirs that covers the action and has not run out. Refused with 403 naming the way to apply; a case
 * that does not exist answers 404.
 */
export async function authoriseCaseAccess(
  m: EntityManager,
  actor: Actor,
  caseNumber: string,
  action: AccessAction,
): Promise<CaseAccessGrant> {
  const [kase] = await m.query<{ unit_id: string; title: string; initiated_by: string }[]>(
    `select unit_id, title, initiated_by from cases where case_number = $1`,
    [caseNumber],
  );
  if (!kase) throw caseNotFound(caseNumber);
  const officerIds = await caseOfficerIds(m, caseNumber, kase.initiated_by);
  const base = { caseNumber, unitId: kase.unit_id, title: kase.title };
  if (mayAccessDirectly(actor, { unitId: kase.unit_id, officerIds })) {
    return { ...base, approver: null, applicationId: null, reason: null };
  }
  const [grant] = await m.query<{ id: string; decided_by: string; reason: string }[]>(
    `select a.id, d.decided_by, a.reason from access_applications a
       join access_decisions d on d.application_id = a.id
      where a.case_number = $1 and a.applicant = $2 and $3 = any(a.actions)
        and d.outcome = 'approved' and d.valid_until > now()
      order by d.decided_at desc limit 1`,
    [caseNumber, actor.id, action],
  );
  if (grant) return { ...base, approver: grant.decided_by, applicationId: grant.id, reason: grant.reason };
  throw applicationRequired(caseNumber);
}

/** 403, not 404: applying by a case number one was given is the sanctioned way in, so the refusal says how. */
export function applicationRequired(caseNumber: string): AppError {
  return new AppError(
    'ACCESS.APPLICATION_REQUIRED',
    HttpStatus.FORBIDDEN,
    {
      zh: `调阅、复制案件 ${caseNumber} 的执法记录须先提交书面申请并经批准（POST /access-applications）`,
      en: `Viewing or copying the records of case ${caseNumber} needs an approved application first (POST /access-applications)`,
    },
    [{ field: 'caseNumber', problems: ['no approved access application'] }],
  );
}
