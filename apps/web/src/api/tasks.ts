/** Typed client of the personal inbox (gateway `GET /api/v1/tasks/mine`, SPEC C2; review-svc's MyTask). */
import type { SupervisionKind } from '@enforcement/domain/supervision/deadline-board';
import type { TaskSubject } from '@enforcement/domain/supervision/task-target';
import type { ReviewStep } from '@enforcement/domain/review/review.workflow-contract';
import { getJson, query } from './http';

export type { SupervisionKind, TaskSubject };

/** One task: a review step, or a running limit that is the person's by name or by role. */
export interface MyTask {
  key: string;
  kind: SupervisionKind;
  subject: TaskSubject;
  caseNo: string;
  unitId: string;
  assignedBy: 'review' | 'person' | 'role';
  deadline: string | null;
  provisional: boolean;
  warningAt: string | null;
  state: 'running' | 'warned' | 'missed';
  workdaysLeft: number | null;
  overdue: boolean;
  /** The workbench route where the work is done. */
  link: string | null;
  review: {
    status: string;
    statusLabel: { zh: string; en: string };
    step: ReviewStep;
    assigneeRoles: string[];
    round: number;
    lateSubmission: boolean;
  } | null;
}

export interface MyTaskPage {
  total: number;
  page: number;
  pageSize: number;
  items: MyTask[];
}

export const tasksApi = {
  mine: (params: { kind?: SupervisionKind; page: number; pageSize: number }) =>
    getJson<MyTaskPage>(`/api/v1/tasks/mine${query(params)}`),
};
