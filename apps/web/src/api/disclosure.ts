/**
 * Typed client of the disclosure officer's routes (gateway `/api/v1/disclosure/…`, SPEC D2, D4–D6, D9) and the
 * public objection routes of the portal (D9). The view is disclosure-svc's `PublicationView` (type-only import).
 */
import type { PublicationView } from '@enforcement/domain/disclosure/publication.workflow-contract';
import type { PublicationMode } from '@enforcement/domain/disclosure/publication-mode.rules';
import { getJson, postJson } from './http';

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
