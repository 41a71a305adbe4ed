/** Typed client of time-limit supervision (gateway `/api/v1/supervision/…`, SPEC C2; review-svc's board). */
import { getJson, query } from './http';

export interface SupervisedLimit {
  key: string;
  process: string;
  limit: string;
  kind: string;
  subjectId: string;
  round: number | null;
  caseNo: string;
  unitId: string;
  responsibleUserId: string | null;
  responsibleRoles: string[];
  deadline: string;
  provisional: boolean;
  state: 'running' | 'warned' | 'missed';
  warnedAt: string | null;
  missedAt: string | null;
  workdaysLeft: number | null;
  overdue: boolean;
}

export interface UnitFigures {
  unitId: string;
  overdue: number;
  dueSoon: number;
  running: number;
  missed: number;
  late: number;
}

export interface PersonCount {
  unitId: string;
  responsibleUserId: string | null;
  missed: number;
  late: number;
}

/** A step a workflow gave up on (issue 12): listed beside the deadlines it may put at risk. */
export interface BoardStepFailure {
  source: string;
  workflowId: string;
  subject: string;
  unitId: string | null;
  step: string;
  code: string;
  reason: string;
  failedAt: string;
}

export interface SupervisionPage {
  total: number;
  page: number;
  pageSize: number;
  items: SupervisedLimit[];
  byUnit: UnitFigures[];
  byPerson: PersonCount[];
  /** The last 30 days' failed steps in the caller's scope, newest first (at most 20), and how many there are. */
  stepFailures: { total: number; items: BoardStepFailure[] };
}

export interface DigestLine {
  key: string;
  kind: string;
  caseNo: string;
  deadline: string;
  workdaysLeft: number | null;
  responsibleUserId: string | null;
}

export interface UnitDigest {
  unitId: string;
  day: string;
  generatedAt: string;
  overdue: DigestLine[];
  dueSoon: DigestLine[];
}

export interface DeadlineFilter {
  unit?: string;
  person?: string;
  caseNo?: string;
  kind?: string;
  state?: string;
  page?: number;
  pageSize?: number;
}

export const supervisionApi = {
  deadlines: (filter: DeadlineFilter) =>
    getJson<SupervisionPage>(`/api/v1/supervision/deadlines${query({ ...filter })}`),
  digests: (unit?: string) => getJson<{ items: UnitDigest[] }>(`/api/v1/supervision/digests${query({ unit })}`),
};
