/** Roles of SPEC C1. A token carries one or more; every endpoint names the roles it admits. */
export const roles = [
  'officer', // 执法人员
  'unit-head', // 承办机构负责人
  'legal-reviewer', // 法制审核人员
  'legal-section-head', // 法制机构负责人
  'legal-advisor', // 法律顾问
  'supervising-leader', // 分管领导
  'agency-head', // 机关负责人
  'leadership-meeting', // 集体讨论 (whoever records the meeting's minutes)
  'records-administrator', // 管理员 (records and devices)
  'disclosure-officer', // 公示工作人员
  'agency-it', // the agency's IT staff: calendar, catalogue and system administration
] as const;
export type Role = (typeof roles)[number];

/** The authenticated caller as every service sees it. */
export interface Actor {
  /** User id (token `sub`). */
  id: string;
  name: string;
  roles: Role[];
  /** 承办机构 / 科室 the user belongs to; ownership checks compare it with the case's unit. */
  unitId: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
