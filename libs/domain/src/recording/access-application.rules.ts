import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { isUnitScoped } from '../access/groups';
import type { Actor, Role } from '../access/roles';

/**
 * 调阅、复制申请 — an application to view or copy a case's records (SPEC R8; seed 000 附件6 第二十条、第二十一条, 第十八条;
 * 004 第三十一条). Who applies decides who approves:
 * - `staff`: other agency staff, for their work → the supervising leader (处罚部门主管领导, 000 第二十条);
 * - `police-court`: police, courts and other functional bodies → the unit head (单位负责人, 000 第二十一条);
 * - `party-copy`: the party asks for a copy → the agency head (行政机关负责人, 000 十八; secret parts excluded).
 */
export const accessApplicationKinds = ['staff', 'police-court', 'party-copy'] as const;
export type AccessApplicationKind = (typeof accessApplicationKinds)[number];

export const ACCESS_APPROVER_ROLE: Readonly<Record<AccessApplicationKind, Role>> = {
  staff: 'supervising-leader',
  'police-court': 'unit-head',
  'party-copy': 'agency-head',
};

/** What an approved application lets its applicant do: view the records, or export them as a watermarked PDF. */
export const accessActions = ['view', 'export'] as const;
export type AccessAction = (typeof accessActions)[number];

/**
 * Time limits of an application. The seeds set none, so these defaults are ours (configurable in recording-svc):
 * the approver decides within 72 hours or the application lapses; an approval is good for 7 days.
 */
export const defaultAccessLimits = { decisionHours: 72, grantDays: 7 } as const;

/**
 * Who may view a case's records without an application (000 第二十条): the officers who made them (本人), and the
 * unit's authorised staff, the legal section head and the unit head. Records administrators handle every approved
 * application (管理员统一办理), so they see across units too.
 */
export function mayAccessDirectly(
  actor: Pick<Actor, 'id' | 'roles' | 'unitId'>,
  kase: { unitId: string; officerIds: readonly string[] },
): boolean {
  if (actor.roles.includes('legal-section-head') || actor.roles.includes('records-administrator')) return true;
  if (actor.roles.includes('unit-head') && actor.unitId === kase.unitId) return true;
  return actor.roles.includes('officer') && kase.officerIds.includes(actor.id);
}

/**
 * Whether `actor` sees only the cases they took part in (SPEC R8: 执法人员可以查询本人执法活动的信息资料): an officer
 * with no unit-wide or agency-wide role. Unit heads see their unit's cases; the agency-wide roles every unit's.
 */
export function seesOwnCasesOnly(actor: Pick<Actor, 'roles'>): boolean {
  return isUnitScoped(actor) && !actor.roles.includes('unit-head');
}

/** Whether `actor` is the right approver of an application of `kind` about a case of `caseUnitId`. */
export function mayDecideAccess(
  actor: Pick<Actor, 'roles' | 'unitId'>,
  kind: AccessApplicationKind,
  caseUnitId: string,
): boolean {
  const role = ACCESS_APPROVER_ROLE[kind];
  if (!actor.roles.includes(role)) return false;
  // A unit head approves for their own unit's case only.
  return role !== 'unit-head' || actor.unitId === caseUnitId;
}

export interface AccessApplicationInput {
  id: string;
  caseNumber: string;
  caseUnitId: string;
  kind: AccessApplicationKind;
  actions: AccessAction[];
  /** 事由 */
  reason: string;
  /** 调阅、复制内容简要: which records, times, officers. */
  items: string;
  applicantId: string;
  applicantUnitId: string;
  /** For police/court and party requests filed by the administrator: who actually asks (name, organisation). */
  requester: string | null;
  decisionHours: number;
  grantDays: number;
}

export type AccessApplicationState = 'pending' | 'approved' | 'refused' | 'lapsed';

export interface AccessApplicationStatus {
  id: string;
  state: AccessApplicationState;
  approverRole: Role;
  appliedAt: string | null;
  decideBy: string | null;
  decidedBy: string | null;
  validUntil: string | null;
}

export interface AccessDecision {
  approve: boolean;
  reason: string;
  by: string;
  byRoles: Role[];
  byUnitId: string;
}

/** The approver's decision; refused (ApplicationFailure `AccessRefused`) when not pending or not theirs. */
export const decideAccessUpdate = defineUpdate<AccessApplicationStatus, [AccessDecision]>('decideAccess');
export const accessStatusQuery = defineQuery<AccessApplicationStatus>('accessStatus');
export const ACCESS_REFUSED = 'AccessRefused';

export function accessApplicationWorkflowId(id: string): string {
  return `AccessApplication:${id}`;
}
