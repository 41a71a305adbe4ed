import type { EnforcementCategory } from '../case/case.types';
import type { CaseStep, PartyKind } from './recording.types';

/**
 * 案件列表 — where a listed case stands, derived from the case record: `open` until closed (结案), `closed` until
 * archived (归档), `archived`, or `not-taken-up` (a complaint not taken up, R2).
 */
export const caseListStatuses = ['open', 'closed', 'archived', 'not-taken-up'] as const;
export type CaseListStatus = (typeof caseListStatuses)[number];

/** Most cases one page of the list may hold. */
export const CASE_LIST_MAX_PAGE_SIZE = 100;

/** Filters of the case list (SPEC R1, R8): every one optional; text filters match part of the value. */
export interface CaseListFilter {
  status?: CaseListStatus;
  step?: CaseStep;
  category?: EnforcementCategory;
  /** Part of the case number. */
  caseNo?: string;
  /** Part of the party's name. */
  party?: string;
  /** Agency-wide callers only: one unit (a unit-scoped caller always gets their own). */
  unitId?: string;
  page?: number;
  pageSize?: number;
}

/** One case of the list: enough to recognise it and to open it. */
export interface CaseListItem {
  caseNumber: string;
  title: string;
  category: EnforcementCategory;
  unitId: string;
  party: { name: string; kind: PartyKind } | null;
  step: CaseStep;
  status: CaseListStatus;
  initiatedAt: string;
  /** 执法期限, when the case has one (L3). */
  handlingDeadline: string | null;
}

/** One page, newest first; `total` counts every case the filter matches for this caller. */
export interface CaseListPage {
  items: CaseListItem[];
  page: number;
  pageSize: number;
  total: number;
}
