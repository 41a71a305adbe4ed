/**
 * Typed client of the disclosure officer's routes (gateway `/api/v1/disclosure/…`, SPEC D2, D4–D6, D9) and the
 * public objection routes of the portal (D9). The view is disclosure-svc's `PublicationView` (type-only import).
 */
import type { PublicationView } from '@enforcement/domain/disclosure/publication.workflow-contract';
import type { PublicationMode } from '@enforcement/domain/disclosure/publication-mode.rules';
import { getBlob, getJson, postJson, query } from './http';

export type { PublicationView };

/** One mark adjustment (D6), as `POST …/marks` takes it. */
export type MarkChangeInput =
  | { op: 'add'; type: string; start: number; end: number }
  | { op: 'remove'; markId: string }
  | { op: 'resize'; markId: string; start: number; end: number };

/** An objection as anyone may see it (D9): where it stands and the answer, never the submitter's details. */
export interface ObjectionStatus {
  objectionId: string;
  status: string;
  urgent: boolean;
  receivedAt: string;
  decideBy: string | null;
  decideByProvisional: boolean;
  decision: { outcome: 'corrected' | 'refused'; reasons: string; decidedAt: string } | null;
}

export interface ObjectionAnswer {
  outcome: 'corrected' | 'refused';
  reasons: string;
  correction?: { changes: MarkChangeInput[]; summary: string };
}

export interface NewObjection {
  itemId: string;
  name: string;
  contact: string;
  content: string;
  evidenceRefs: string[];
  urgent?: boolean;
  urgencyReason?: string;
}

const publicationPath = (decisionNumber: string) =>
  `/api/v1/disclosure/publications/${encodeURIComponent(decisionNumber)}`;

export const disclosureApi = {
  publication: (decisionNumber: string) => getJson<PublicationView>(publicationPath(decisionNumber)),
  adjustMarks: (decisionNumber: string, changes: MarkChangeInput[]) =>
    postJson<PublicationView>(`${publicationPath(decisionNumber)}/marks`, { changes }),
  publish: (decisionNumber: string, mode: PublicationMode) =>
    postJson<PublicationView>(`${publicationPath(decisionNumber)}/publish`, { mode }),
  objection: (objectionId: string) =>
    getJson<ObjectionStatus>(`/api/v1/portal/objections/${encodeURIComponent(objectionId)}`),
  answerObjection: (objectionId: string, answer: ObjectionAnswer) =>
    postJson<unknown>(`/api/v1/disclosure/objections/${encodeURIComponent(objectionId)}/decision`, answer),
  submitObjection: (objection: NewObjection) =>
    postJson<{ objectionId: string; decideBy: string | null }>('/api/v1/portal/objections', objection),
};

/** One ex-ante item as the list shows it (D1–D3; disclosure-svc's ExAnteSummary). */
export interface ExAnteSummary {
  itemId: string;
  kind: string;
  unitId: string;
  agencyId: string;
  title: string;
  draftStage: string | null;
  draftVersion: number | null;
  publishedVersion: number | null;
  publishedAt: string | null;
  withdrawnAt: string | null;
  flaggedAt: string | null;
  /** D3: by when the flagged item must be current again. */
  updateBy: string | null;
}

/** D3: a law change or a moved function as recorded, with the items it flagged. */
export interface LawChangeRecord {
  id: string;
  cause: 'law-changed' | 'function-reassigned';
  reference: string;
  legalBases: string[];
  /** Items named explicitly. */
  itemIds: string[];
  /** Each item flagged (its new limit), or refused (e.g. not published). */
  outcomes: { itemId: string; updateBy: string | null; refused: { code: string; zh: string; en: string } | null }[];
  recordedAt: string;
  recordedBy: string;
}

export interface NewLawChange {
  cause: 'law-changed' | 'function-reassigned';
  reference: string;
  legalBases: string[];
}

const exAntePath = (itemId: string) => `/api/v1/disclosure/ex-ante/${encodeURIComponent(itemId)}`;

export const exAnteApi = {
  list: (page: number, pageSize: number) =>
    getJson<{ items: ExAnteSummary[]; hasMore: boolean }>(`/api/v1/disclosure/ex-ante${query({ page, pageSize })}`),
  /** D11: off the portal at once, with the reason. */
  withdraw: (itemId: string, reason: string) => postJson<unknown>(`${exAntePath(itemId)}/withdraw`, { reason }),
  lawChanges: () => getJson<{ changes: LawChangeRecord[] }>('/api/v1/disclosure/law-changes'),
  recordLawChange: (change: NewLawChange) => postJson<LawChangeRecord>('/api/v1/disclosure/law-changes', change),
};

/** 统计年报 (D10) as disclosure-svc keeps it: both limits and what was done. */
export interface AnnualReport {
  year: number;
  assembledAt: string;
  /** Due to the justice bureau: end of 15 January of the next year. */
  submitBy: string;
  /** Due to the public: end of 31 January of the next year. */
  publicBy: string;
  /** C2: when each limit is warned, as its workflow warns — one working day left (null: the calendar lacks the year). */
  submitWarningAt: string | null;
  publicWarningAt: string | null;
  provisional: boolean;
  submittedAt: string | null;
  submittedBy: string | null;
  submissionReference: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
}

const reportPath = (year: number) => `/api/v1/disclosure/annual-reports/${year}`;

export const annualReportApi = {
  get: (year: number) => getJson<AnnualReport>(reportPath(year)),
  pdf: (year: number) => getBlob(`${reportPath(year)}/pdf`),
  start: (year: number) => postJson<unknown>('/api/v1/disclosure/annual-reports', { year }),
  submit: (year: number, reference: string) => postJson<AnnualReport>(`${reportPath(year)}/submit`, { reference }),
  publish: (year: number) => postJson<AnnualReport>(`${reportPath(year)}/publish`),
};
