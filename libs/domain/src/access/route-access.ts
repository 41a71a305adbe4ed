import type { ReviewCommandType } from '../review/review.commands';
import { commandPermissions, personRolesOf } from './command-permissions';
import { DECIDER_ROLES, LEGAL_SECTION_ROLES, UNIT_ROLES, type RoleList } from './groups';
import { MY_TASK_ROLES, REVIEW_TASK_ROLES } from './my-tasks';

/** One HTTP route's access rule. */
export interface RouteAccess {
  /** Roles the route admits (the role guard's first fence). */
  readonly roles: RoleList;
  /**
   * `unit`: the route touches one unit's record, so unit-scoped callers (see `isUnitScoped`) reach only their own
   * unit's, and another unit's record answers 404 as if it did not exist. `agency`: agency-wide data, no owner.
   */
  readonly scope: 'unit' | 'agency';
}

/** Who holds review tasks (the assignees of the review's steps). */
const TASK_HOLDERS = REVIEW_TASK_ROLES;

/**
 * Every named HTTP route rule of every service (gateway and the services' read APIs share a name when they serve
 * the same thing, so they admit the same roles). Review commands have their rule from `commandPermissions` through
 * `commandRouteAccess`. A route declares its rule with `@Access(<name>)` (libs/platform); a test fails the build when
 * a route has none.
 */
export const routeAccess = {
  /** 立案 (R1/R2): the handling unit. */
  'cases.initiate': { roles: UNIT_ROLES, scope: 'unit' },
  /** Where a case stands. */
  'cases.read': {
    roles: [...UNIT_ROLES, ...LEGAL_SECTION_ROLES, 'supervising-leader', 'agency-head', 'records-administrator'],
    scope: 'unit',
  },
  /**
   * 案件列表 (R1, R8): the cases a person may see — an officer the cases they took part in, a unit head their unit's,
   * agency-wide roles every unit's (the same people who read a case's timeline).
   */
  'cases.list': {
    roles: [...UNIT_ROLES, ...LEGAL_SECTION_ROLES, 'supervising-leader', 'agency-head', 'records-administrator'],
    scope: 'unit',
  },
  /**
   * Who the caller is, as the server reads their token (C1): after signing in with the agency's identity provider the
   * workbench learns the person's roles and unit from here — every role may ask about itself.
   */
  'session.read': {
    roles: [
      ...UNIT_ROLES,
      ...LEGAL_SECTION_ROLES,
      'legal-advisor',
      'supervising-leader',
      ...DECIDER_ROLES,
      'records-administrator',
      'disclosure-officer',
      'agency-it',
    ],
    scope: 'agency',
  },
  /** 执法记录 (R1–R5): records and step completions of a case — its unit, and the agency head's approval (R2). */
  'recording.commands': { roles: [...UNIT_ROLES, 'agency-head'], scope: 'unit' },
  /** A case's timeline: every step, record and file in order (R1, R8: each view is logged). */
  'recording.timeline': {
    roles: [...UNIT_ROLES, ...LEGAL_SECTION_ROLES, 'supervising-leader', 'agency-head', 'records-administrator'],
    scope: 'unit',
  },
  /** 音像移交 (R5, R6): the handling unit uploads a case's AV files (tus, resumable). */
  'recording.evidence-upload': { roles: UNIT_ROLES, scope: 'unit' },
  /** Verifying one case against the integrity log (R7): whoever may see the case. */
  'recording.verify-case': {
    roles: [...UNIT_ROLES, 'legal-section-head', 'supervising-leader', 'agency-head', 'records-administrator'],
    scope: 'unit',
  },
  /** Verifying the whole store, and the log head with its signed checkpoints (R7). */
  'recording.verify-store': { roles: ['records-administrator', 'legal-section-head', 'agency-head'], scope: 'agency' },
  /** Signing a checkpoint of the log head on demand (R7). */
  'recording.checkpoint': { roles: ['records-administrator'], scope: 'agency' },
  /** 调阅、复制申请 (R8): any staff member applies; police/court and party requests are filed by the administrator. */
  'recording.access-apply': {
    roles: [...UNIT_ROLES, ...LEGAL_SECTION_ROLES, 'supervising-leader', 'agency-head', 'records-administrator'],
    scope: 'agency',
  },
  /** One access application: its applicant, its approvers and the records administrators (R8). */
  'recording.access-read': {
    roles: [...UNIT_ROLES, ...LEGAL_SECTION_ROLES, 'supervising-leader', 'agency-head', 'records-administrator'],
    scope: 'agency',
  },
  /** Deciding an access application (R8): supervising leader, unit head or agency head by the application's kind. */
  'recording.access-decide': { roles: ['supervising-leader', 'unit-head', 'agency-head'], scope: 'agency' },
  /** A case's records, and their watermarked export (R8): by right or on an approved application, each logged. */
  'recording.records-view': {
    roles: [...UNIT_ROLES, ...LEGAL_SECTION_ROLES, 'supervising-leader', 'agency-head', 'records-administrator'],
    scope: 'agency',
  },
  'recording.records-export': {
    roles: [...UNIT_ROLES, ...LEGAL_SECTION_ROLES, 'supervising-leader', 'agency-head', 'records-administrator'],
    scope: 'agency',
  },
  /** 立卷归档 and disposal after retention (R9, R10): the records administrator (管理员). */
  'recording.archive': { roles: ['records-administrator'], scope: 'agency' },
  /** A case's archive bundle and its cover/index PDF (R10): whoever reads the case's records, each read logged (R8). */
  'recording.archive-read': {
    roles: [...UNIT_ROLES, ...LEGAL_SECTION_ROLES, 'supervising-leader', 'agency-head', 'records-administrator'],
    scope: 'agency',
  },
  /** 双随机 (R12): keeping the lists of targets and inspectors — the records administrator and unit heads. */
  'recording.inspection-roster': { roles: ['records-administrator', 'unit-head'], scope: 'agency' },
  /** Drawing targets and inspectors (R12): the unit head organises the draw. */
  'recording.inspection-draw': { roles: ['unit-head'], scope: 'unit' },
  /** A draw, its re-run and its forms (R12): the unit, and those who supervise inspections. */
  'recording.inspection-read': {
    roles: [...UNIT_ROLES, ...LEGAL_SECTION_ROLES, 'supervising-leader', 'agency-head', 'records-administrator'],
    scope: 'unit',
  },
  /** 执法检查表 (R12): the drawn inspectors (officers) or their unit head. */
  'recording.inspection-form': { roles: UNIT_ROLES, scope: 'unit' },
  /** 执法记录仪登记 (R11): devices are registered and periodically checked by the records administrator (管理员). */
  'recording.device-register': { roles: ['records-administrator'], scope: 'agency' },
  /** The register and a device's log (R11): its unit, the administrator, and the legal section that spot-checks. */
  'recording.device-read': {
    roles: [...UNIT_ROLES, ...LEGAL_SECTION_ROLES, 'records-administrator'],
    scope: 'unit',
  },
  /**
   * 执法记录仪配备 (R11; seed 000 每5名执法人员至少配备一台执法记录仪): body cameras per unit against its officers — the
   * unit head (their own unit), the records administrator who equips the units, the legal section that supervises.
   */
  'recording.device-coverage': {
    roles: ['unit-head', 'records-administrator', ...LEGAL_SECTION_ROLES],
    scope: 'unit',
  },
  /** 领用 (R11): an officer or unit head of the device's unit asks for it, with the pre-use check. */
  'recording.device-checkout': { roles: UNIT_ROLES, scope: 'unit' },
  /** 批准 (R11, 000 附件6 第五条): the head of the borrower's unit, never the borrower. */
  'recording.device-approve': { roles: ['unit-head'], scope: 'unit' },
  /** 交回 and 导出保存 (R11): the borrower, their unit head or the administrator who receives the device. */
  'recording.device-handback': { roles: [...UNIT_ROLES, 'records-administrator'], scope: 'unit' },
  /**
   * 报废/停用 and 调拨 (R11; 000 附件6 第六条 固定资产管理, 004 第二十八条 办公室负责登记、发放、更新): the records
   * administrator, who keeps the register, retires a device or moves it to another unit or administrator.
   */
  'recording.device-lifecycle': { roles: ['records-administrator'], scope: 'agency' },
  /** 管理员名册 (R11, 000 附件6 第六条 指定专人管理): the records administrator appoints and removes administrators. */
  'recording.device-roster': { roles: ['records-administrator'], scope: 'agency' },
  /** The roster (name, unit, phone, devices kept): the records administrator and the legal section that spot-checks. */
  'recording.device-roster-read': { roles: ['records-administrator', ...LEGAL_SECTION_ROLES], scope: 'agency' },
  /**
   * 听证询问室 (R11; seed 000 三(二)3(1) 每个单位必须配备一间带有视频监控录音录像功能的听证询问室): the records
   * administrator, who equips the units, registers each room and records its changes (AV, out of service).
   */
  'recording.room-register': { roles: ['records-administrator'], scope: 'agency' },
  /** The rooms and their history: a unit head their own unit's, the administrator and the legal section every unit's. */
  'recording.room-read': { roles: ['unit-head', 'records-administrator', ...LEGAL_SECTION_ROLES], scope: 'unit' },
  /**
   * The room a transcript names (R5 place rule, seed 000 三(二)3(2) 执法办案场所): whoever makes the case's records
   * (`recording.commands`) resolves it — their own unit's rooms only; the record form lists those in service, with
   * name and AV only (never a room's history, which stays `recording.room-read`).
   */
  'recording.room-place': { roles: [...UNIT_ROLES, 'agency-head'], scope: 'unit' },
  /** 案卷评查 (R13): the legal section organises and records case-file evaluations. */
  'recording.evaluate': { roles: LEGAL_SECTION_ROLES, scope: 'agency' },
  /** R13 accountability counts per unit: the legal section and the leaders; a unit head sees their own unit. */
  'recording.accountability': {
    roles: [...LEGAL_SECTION_ROLES, 'supervising-leader', 'agency-head', 'unit-head'],
    scope: 'unit',
  },
  /**
   * 审计记录 (C3) and 调阅登记 (R8): every state change and every logged read (view, list, copy, export) of a case or
   * by a person — the legal section and the agency head across the agency, a unit head within their own unit (the
   * services filter by the rows' unit).
   */
  'audit.read': { roles: [...LEGAL_SECTION_ROLES, 'agency-head', 'unit-head'], scope: 'unit' },
  /** 报送法制审核 (L2–L4). */
  'reviews.submit': { roles: UNIT_ROLES, scope: 'unit' },
  /** 初审 (L2): the unit head signs. */
  'reviews.preliminary-review': { roles: ['unit-head'], scope: 'unit' },
  /** 初审 (L2): the latest sign-off of the caller's unit, which a submission or resubmission carries (review-svc). */
  'reviews.preliminary-review.latest': { roles: UNIT_ROLES, scope: 'unit' },
  /** Task inbox (L6, C2). */
  'reviews.tasks': { roles: TASK_HOLDERS, scope: 'unit' },
  /** review-svc's copy of a case record (unit, handling deadline) that a submission takes its L3 deadline from. */
  'reviews.case-record': { roles: UNIT_ROLES, scope: 'unit' },
  /**
   * C1 (issue 12): who held which seat in the earlier reviews of the unit's case, which a new submission brings in
   * so that one person takes at most one seat across them (review-svc).
   */
  'reviews.case-seats': { roles: UNIT_ROLES, scope: 'unit' },
  /** L13 statistics: whoever answers for the agency's review work. */
  'reviews.statistics': { roles: ['legal-section-head', 'supervising-leader', 'agency-head'], scope: 'agency' },
  /** One review: everyone who takes part in reviews. */
  'reviews.read': { roles: [...TASK_HOLDERS, 'legal-advisor'], scope: 'unit' },
  /** 法制审核意见书 (L9). */
  'reviews.opinion-documents': {
    roles: [...LEGAL_SECTION_ROLES, 'agency-head', 'supervising-leader', ...UNIT_ROLES],
    scope: 'unit',
  },
  /** The decision gate (L12): the unit that would issue the decision, and the deciders. */
  'reviews.decision-attempt': { roles: [...UNIT_ROLES, ...DECIDER_ROLES], scope: 'unit' },
  /** The catalogue in force and its versions (L1). */
  'catalogue.read': {
    roles: [...UNIT_ROLES, ...LEGAL_SECTION_ROLES, 'supervising-leader', ...DECIDER_ROLES, 'agency-it'],
    scope: 'agency',
  },
  /** Publishing the next catalogue version (L1). */
  'catalogue.publish': { roles: ['agency-it', 'legal-section-head'], scope: 'agency' },
  /** Assessing a proposed decision against the catalogue (L1). */
  'catalogue.assess': { roles: [...UNIT_ROLES, ...LEGAL_SECTION_ROLES], scope: 'agency' },
  /** Publishing a year's working-day arrangement (W4). */
  'calendar.publish': { roles: ['agency-it'], scope: 'agency' },
  /** Reading the runtime calendar. */
  'calendar.read': { roles: ['agency-it', ...LEGAL_SECTION_ROLES], scope: 'agency' },
  /** A decision's publication: draft beside the original, marks, limits (D4–D6); its legal section oversees. */
  'disclosure.publications.read': { roles: ['disclosure-officer', 'legal-section-head'], scope: 'unit' },
  /** Reviewing a publication: adjust marks, publish, or record an exemption with its 备案 filing (D2, D5, D6). */
  'disclosure.publications.review': { roles: ['disclosure-officer'], scope: 'unit' },
  /** D12: late, missing and stale publications per unit; unit-scoped callers see their own unit. */
  'disclosure.accountability': { roles: ['disclosure-officer', 'legal-section-head', 'unit-head'], scope: 'unit' },
  /** 更正申请 (D9): the handling unit's disclosure officer reads and answers it, correcting the item if it is wrong. */
  'disclosure.objections.decide': { roles: ['disclosure-officer'], scope: 'unit' },
  /** 事前公开 (D1–D3): items and their versions, for whoever drafts, reviews or publishes them. */
  'disclosure.ex-ante.read': {
    roles: ['disclosure-officer', ...LEGAL_SECTION_ROLES, 'agency-head'],
    scope: 'unit',
  },
  /** Drafting, revising and submitting an ex-ante item for review; publishing and withdrawing it (D1, D2). */
  'disclosure.ex-ante.draft': { roles: ['disclosure-officer'], scope: 'unit' },
  /** 法制审核 of an ex-ante item (D2; 000 附件1 第九条: 经政策法规科审核). */
  'disclosure.ex-ante.legal-review': { roles: LEGAL_SECTION_ROLES, scope: 'unit' },
  /** 保密审查 (D2): the secrecy office's opinion, recorded by the legal section head or the agency head. */
  'disclosure.ex-ante.secrecy-review': { roles: ['legal-section-head', 'agency-head'], scope: 'unit' },
  /** D3: a law changed or a function moved — the affected items are flagged, 20 working days to update them. */
  'disclosure.ex-ante.flag': { roles: ['disclosure-officer', 'legal-section-head'], scope: 'agency' },
  /** The disclosure officer's inbox: drafts to review, items to publish, objections to answer (C2). */
  'disclosure.inbox': { roles: ['disclosure-officer'], scope: 'unit' },
  /** 统计年报 (D10): the year's figures, limits and PDF, agency-wide. */
  'disclosure.annual-report.read': {
    roles: ['disclosure-officer', 'legal-section-head', 'agency-head'],
    scope: 'agency',
  },
  /** D10: starting a year's report by hand, recording its submission to the justice bureau, making it public. */
  'disclosure.annual-report.manage': { roles: ['disclosure-officer', 'legal-section-head'], scope: 'agency' },
  /** 时限监督 (C2, L13, D12): every running limit of the three services; a unit head sees their own unit's only. */
  'supervision.deadlines': {
    roles: ['unit-head', ...LEGAL_SECTION_ROLES, 'supervising-leader', 'agency-head'],
    scope: 'unit',
  },
  /**
   * 我的待办 (C2, L13): the caller's own work across the three services — review tasks and the running limits that
   * are theirs to act on, by person or by role (`my-tasks.ts` says who sees what); a unit's roles their own unit's.
   */
  'tasks.mine': { roles: MY_TASK_ROLES, scope: 'unit' },
  /** 每日时限提醒 (C2): the stored morning digests, per unit, for the same readers. */
  'supervision.digests': {
    roles: ['unit-head', ...LEGAL_SECTION_ROLES, 'supervising-leader', 'agency-head'],
    scope: 'unit',
  },
} as const satisfies Record<string, RouteAccess>;

/**
 * Routes open to the public without a token (SPEC C1 "the public", D11): each is named here, so an open route is a
 * choice made in the access module too, never an accident. Declared with `@Public()` and the name as access rule.
 */
export const publicRouteAccess = {
  /** 公示平台: browse and search what is published (D11). */
  'portal.browse': 'D11',
  /** 公示平台: one published item (D11). */
  'portal.item': 'D11',
  /** 更正申请: anyone with evidence asks for a correction (D9). */
  'portal.objection-submit': 'D9',
  /** 更正申请: where it stands and the answer, for whoever holds its id (D9). */
  'portal.objection-status': 'D9',
  /** 统计年报: a year's report once it is public (D10). */
  'portal.annual-report': 'D10',
} as const;

export type PublicRouteName = keyof typeof publicRouteAccess;

/** Whether `name` is a public route rule of the access module. */
export function isPublicRouteRule(name: string | undefined): boolean {
  return name !== undefined && Object.hasOwn(publicRouteAccess, name);
}

export type RouteAccessName = keyof typeof routeAccess;

/** The rule of the HTTP route that sends one review command: its roles are `commandPermissions`' person roles. */
export function commandRouteAccess(type: ReviewCommandType): RouteAccess {
  return { roles: personRolesOf(type), scope: 'unit' };
}

/** The name a command route's rule is known by (`review-command:<type>`), for the route test and the docs. */
export function commandRouteAccessName(type: ReviewCommandType): `review-command:${ReviewCommandType}` {
  return `review-command:${type}`;
}

/** Every rule name a route may declare. */
export type AccessRuleName = RouteAccessName | `review-command:${ReviewCommandType}`;

/** The rule a name stands for, or undefined for a name the module does not know. */
export function accessRuleOf(name: string): RouteAccess | undefined {
  if (name.startsWith('review-command:')) {
    const type = name.slice('review-command:'.length) as ReviewCommandType;
    return Object.hasOwn(commandPermissions, type) ? commandRouteAccess(type) : undefined;
  }
  return Object.hasOwn(routeAccess, name) ? (routeAccess as Record<string, RouteAccess>)[name] : undefined;
}
