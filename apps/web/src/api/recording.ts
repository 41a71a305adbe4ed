/**
 * Typed client of the case record (gateway `/api/v1/cases/…`, SPEC R1–R9; recording-svc reads). Shapes mirror
 * recording-svc's timeline and integrity report; record field rules come from libs/domain's record-type table.
 */
import type { CaseStep } from '@enforcement/domain/recording/recording.types';
import type { RecordType } from '@enforcement/domain/recording/record-types.table';
import type { CaseListFilter, CaseListPage } from '@enforcement/domain/recording/case-list.contract';
import { getJson, postJson, query } from './http';

export type { CaseListFilter, CaseListPage };

export interface TimelineEntry {
  seq: number;
  kind: string;
  at: string;
  actor: string;
  detail: unknown;
}

export interface CaseTimeline {
  caseNumber: string;
  unitId: string;
  category: string;
  title: string;
  party: { name: string; kind: string } | null;
  step: CaseStep;
  outcome: string;
  initiatedAt: string;
  closedAt: string | null;
  archivedAt: string | null;
  entries: TimelineEntry[];
}

export interface IntegrityReport {
  scope: { caseNumber: string | null };
  treeSize: number;
  rootHash: string;
  checkpoint: { treeSize: number; rootHash: string; signedAt: string; keyId: string } | null;
  entriesChecked: number;
  recordsChecked: number;
  intact: boolean;
  problems: { kind: string; subject: string; fields?: string[]; zh: string; en: string }[];
}

/** One finding of the whole-store check (R7): which file, case and record, what is wrong, in both languages. */
export interface StoreProblem {
  kind: 'file-altered' | 'file-missing' | 'file-row-altered' | 'file-row-missing' | 'file-unlogged';
  evidenceId: string;
  caseNumber: string | null;
  recordId: string | null;
  fileName: string | null;
  sha256: string | null;
  actualSha256?: string;
  location: string | null;
  zh: string;
  en: string;
}

/** A whole-store check run (R7): its progress while it runs, then its outcome. */
export interface StoreCheckRun {
  id: string;
  status: 'running' | 'finished' | 'failed';
  startedAt: string;
  startedBy: string;
  endedAt: string | null;
  progress: { filesChecked: number; filesTotal: number; bytesChecked: number; bytesTotal: number; batches: number };
  intact: boolean | null;
  problemCount: number;
  reason: string | null;
}

export interface StoreCheckReport extends StoreCheckRun {
  problems: StoreProblem[];
}

export interface NewRecord {
  type: RecordType;
  fields: Record<string, unknown>;
  avMissingReason?: string;
  /** 听证询问室 a transcript was taken in (its id in the register); the server puts the room into the record. */
  roomId?: string;
}

export interface CaseCommandResult {
  step: CaseStep;
  outcome: string;
  recordIds: string[];
}

const casePath = (caseNo: string) => `/api/v1/cases/${encodeURIComponent(caseNo)}`;

export const recordingApi = {
  /** The cases the person may see, newest first (R1, R8): the server decides whose. */
  cases: (filter: CaseListFilter) => getJson<CaseListPage>(`/api/v1/cases${query({ ...filter })}`),
  timeline: (caseNo: string) => getJson<CaseTimeline>(`${casePath(caseNo)}/timeline`),
  verify: (caseNo: string) => getJson<IntegrityReport>(`${casePath(caseNo)}/integrity`),
  addRecord: (caseNo: string, record: NewRecord) => postJson<CaseCommandResult>(`${casePath(caseNo)}/records`, record),
  /** The whole store, re-hashed in the background (R7): start (or join the run under way), read, list. */
  startStoreCheck: () => postJson<StoreCheckRun & { started: boolean }>('/api/v1/evidence/verify-runs'),
  storeCheck: (id: string) => getJson<StoreCheckReport>(`/api/v1/evidence/verify-runs/${encodeURIComponent(id)}`),
  storeChecks: () => getJson<StoreCheckRun[]>('/api/v1/evidence/verify-runs'),
  completeStep: (caseNo: string, step: CaseStep) =>
    postJson<CaseCommandResult>(`${casePath(caseNo)}/steps/${encodeURIComponent(step)}/complete`),
};
