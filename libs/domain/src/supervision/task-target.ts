import type { SupervisionKind } from './deadline-board';

/** What a task is about, as the person knows it: a case, a decision, an objection, a device, an item, a year. */
export type TaskSubjectType = 'case' | 'decision' | 'objection' | 'device' | 'ex-ante-item' | 'annual-report';

export interface TaskSubject {
  readonly type: TaskSubjectType;
  /** Case number, decision number (决定书文号), objection id, asset number, ex-ante item id or the report's year. */
  readonly id: string;
}

/** Strips a workflow id's `<prefix>:`; a board row without it (never written so) keeps its id as it is. */
const after = (prefix: string, id: string) => (id.startsWith(`${prefix}:`) ? id.slice(prefix.length + 1) : id);

/**
 * The subject of a limit on the board (C2). Each producer fills `subjectId` and `caseNo` its own way: a publication
 * and its take-down run on `publication:<decision number>`, an objection on `objection:<id>`, an ex-ante item on
 * `ex-ante:<item id>`; a device's export, return and periodic check put its asset number where the case number goes, the annual report
 * `annual-report-<year>`.
 */
export function taskSubjectOf(kind: SupervisionKind, subjectId: string, caseNo: string): TaskSubject {
  switch (kind) {
    case 'publication':
    case 'take-down':
      return { type: 'decision', id: after('publication', subjectId) };
    case 'objection':
      return { type: 'objection', id: after('objection', subjectId) };
    case 'ex-ante-update':
      return { type: 'ex-ante-item', id: after('ex-ante', subjectId) };
    case 'device-export':
    case 'device-return':
    case 'device-check':
      return { type: 'device', id: caseNo };
    case 'annual-report':
      return { type: 'annual-report', id: caseNo.replace(/^annual-report-/, '') };
    default:
      return { type: 'case', id: caseNo };
  }
}

/**
 * The case a task's subject belongs to, for the line under it: a decision and an objection each come from one case.
 * A case or device row already names it, and an ex-ante item or an annual report has none — their `caseNo` holds the
 * producer's key (`ex-ante:<id>`, `annual-report-<year>`), which is no case a person could look up.
 */
export function caseBehindSubject(subject: TaskSubject, caseNo: string): string | null {
  return (subject.type === 'decision' || subject.type === 'objection') && caseNo !== '' ? caseNo : null;
}

/**
 * Where in the workbench the work is done (its route, for a link): the review page for a review step, the case page
 * for footage, approval and archiving, the publication's review page for a draft or a take-down, the disclosure desk
 * opened on the objection or its ex-ante items, the annual report and the device register. `null` for a kind the
 * workbench has no page for.
 */
export function workbenchLinkOf(kind: SupervisionKind, subject: TaskSubject): string | null {
  const id = encodeURIComponent(subject.id);
  switch (kind) {
    case 'review':
    case 'review-supplement':
      return `/reviews/${id}`;
    case 'av-handover':
    case 'approval-backfill':
    case 'archiving':
      return `/cases/${id}`;
    case 'publication':
    case 'take-down':
      return `/disclosure/publications/${id}`;
    case 'objection':
      return `/disclosure?objection=${id}`;
    case 'ex-ante-update':
      return '/disclosure';
    case 'annual-report':
      return '/disclosure/annual-reports';
    case 'device-export':
    case 'device-return':
    case 'device-check':
      return '/devices';
    case 'other':
      return null;
  }
}
