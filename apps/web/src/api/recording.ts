/**
 * Typed client of the case record (gateway `/api/v1/cases/…`, SPEC R1–R9; recording-svc reads). Shapes mirror
 * recording-svc's timeline and integrity report; record field rules come from libs/domain's record-type table.
 */
import type { CaseStep } from '@enforcement/domain/recording/recording.types';
import type { RecordType } from '@enforcement/domain/recording/record-types.table';
import { getJson, postJson } from './http';

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

export interface NewRecord {
  type: RecordType;
  fields: Record<string, unknown>;
  avMissingReason?: string;
}

export interface CaseCommandResult {
  step: CaseStep;
  outcome: string;
  recordIds: string[];
}

const casePath = (caseNo: string) => `/api/v1/cases/${encodeURIComponent(caseNo)}`;

export const recordingApi = {
  timeline: (caseNo: string) => getJson<CaseTimeline>(`${casePath(caseNo)}/timeline`),
  verify: (caseNo: string) => getJson<IntegrityReport>(`${casePath(caseNo)}/integrity`),
  addRecord: (caseNo: string, record: NewRecord) => postJson<CaseCommandResult>(`${casePath(caseNo)}/records`, record),
  completeStep: (caseNo: string, step: CaseStep) =>
    postJson<CaseCommandResult>(`${casePath(caseNo)}/steps/${encodeURIComponent(step)}/complete`),
};

/** Case numbers this tab has opened, newest first: there is no case list API yet, so the list page keeps these. */
const RECENT_KEY = 'enforcement.recent-cases';
export function recentCases(): string[] {
  try {
    const list = JSON.parse(sessionStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}
export function rememberCase(caseNo: string): void {
  const list = [caseNo, ...recentCases().filter((c) => c !== caseNo)].slice(0, 20);
  sessionStorage.setItem(RECENT_KEY, JSON.stringify(list));
}
