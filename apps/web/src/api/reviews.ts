/**
 * Typed client of the legal review's API (gateway `/api/v1/reviews`, SPEC L1–L12). Request bodies mirror the
 * gateway's DTOs (apps/gateway/src/reviews/*.dto.ts); the server validates them and decides.
 */
import type { Actor } from '@enforcement/domain/access/roles';
import type { CaseStatus } from '@enforcement/domain/case/case.workflow-contract';
import type { EnforcementCategory } from '@enforcement/domain/case/case.types';
import type { FindingOutcome, ReviewItem, ReviewOpinionType } from '@enforcement/domain/review/findings.rules';
import type { CaseFacts, MaterialItemId, SubmittedMaterial } from '@enforcement/domain/review/materials.rules';
import type { OpinionCopy } from '@enforcement/domain/review/review.state';
import type { ReviewStep, ReviewView } from '@enforcement/domain/review/review.workflow-contract';
import { getBlob, getJson, getJsonWith, postJson } from './http';

export type { CaseStatus, OpinionCopy, ReviewStep, ReviewView };

const base = '/api/v1/reviews';
const one = (caseNo: string) => `${base}/${encodeURIComponent(caseNo)}`;

export interface ProposedDecision {
  category: EnforcementCategory;
  procedure: 'general' | 'simplified';
  partyType: 'organisation' | 'person';
  fineYuan?: number;
}

export interface SubmitReviewBody {
  caseNo: string;
  proposedDecision: ProposedDecision;
  partyName: string;
  caseFacts: CaseFacts;
  materials: SubmittedMaterial[];
  urgent: boolean;
}

export interface ReviewSubmitted {
  caseNo: string;
  reviewId: string;
  view: ReviewView | null;
}

export interface PreliminaryReviewBody {
  outcome: 'passed' | 'not-passed';
  documentRef: string;
  opinion?: string;
}

export interface Finding {
  item: ReviewItem;
  outcome: FindingOutcome;
  note: string;
}

export interface Transfer {
  to: string;
  ground: 'beyond-powers' | 'suspected-crime';
}

export interface OpinionBody {
  opinion: ReviewOpinionType;
  documentNo: string;
  summary: string;
  transfer?: Transfer;
}

export interface DecisionBody {
  mode: 'agency-head-approval' | 'collective-discussion';
  minutesRef?: string;
  decisionRef: string;
}

/** The body of each command route (`POST /api/v1/reviews/:caseNo/<path>`). */
export interface CommandBodies {
  accept: Record<string, never>;
  'missing-materials': { missing: MaterialItemId[] };
  'acceptance-refusal': { missing: MaterialItemId[] };
  supplement: { materials: SubmittedMaterial[] };
  pauses: { kind: 'expert-consultation' | 'verification'; reason: string };
  'extension-requests': { reason: string };
  'extension-requests/approve': Record<string, never>;
  findings: { findings: Finding[] };
  'advisor-opinions': { advisorName?: string; documentRef: string };
  opinion: OpinionBody;
  'opinion-draft': OpinionBody;
  'opinion-re-review': { decision: 'approve' | 'send-back'; reasons?: string };
  resubmit: { caseFacts: CaseFacts; materials: SubmittedMaterial[]; note: string };
  'transfer-acceptance': Record<string, never>;
  withdraw: { reason: string };
  disagreement: { reasons: string };
  'expert-meeting': Record<string, never>;
  'expert-meeting/outcome': {
    agreed: boolean;
    agreedOpinion?: ReviewOpinionType;
    transfer?: Transfer;
    minutesRef: string;
  };
  'collective-discussion': { resolvedOpinion: ReviewOpinionType; transfer?: Transfer; minutesRef: string };
  decision: DecisionBody;
}

export const reviewsApi = {
  view: (caseNo: string) => getJson<ReviewView>(one(caseNo)),
  submit: (body: SubmitReviewBody) => postJson<ReviewSubmitted>(base, body),
  signPreliminaryReview: (caseNo: string, body: PreliminaryReviewBody) =>
    postJson<{ id: number; signedAt: string; signerName: string; outcome: string }>(
      `${one(caseNo)}/preliminary-review`,
      body,
    ),
  command: <P extends keyof CommandBodies>(caseNo: string, path: P, body: CommandBodies[P]) =>
    postJson<ReviewView>(`${one(caseNo)}/${path}`, body),
  resume: (caseNo: string, pauseId: string) =>
    postJson<ReviewView>(`${one(caseNo)}/pauses/${encodeURIComponent(pauseId)}/resume`, {}),
  attemptDecision: (caseNo: string, body: { decisionRef?: string }) =>
    postJson<{ allowed: true; decision: { decidedAt: string; decisionRef: string; mode: string } }>(
      `${one(caseNo)}/decision-attempts`,
      body,
    ),
  opinionDocument: (caseNo: string, copy: OpinionCopy) =>
    getBlob(`${one(caseNo)}/opinion-documents/${encodeURIComponent(copy)}`),
};

export const casesApi = {
  get: (caseNumber: string) => getJson<CaseStatus>(`/api/v1/cases/${encodeURIComponent(caseNumber)}`),
};

export interface WebConfig {
  signIn: 'demo' | 'oidc' | 'none';
  oidc: { issuer: string; clientId: string; scope: string } | null;
}

export const authApi = {
  config: () => getJson<WebConfig>('/web-config.json'),
  demoUsers: () => getJson<Actor[]>('/api/v1/dev/demo-users'),
  demoToken: (userId: string) => postJson<{ token: string; actor: Actor }>('/api/v1/dev/demo-tokens', { userId }),
  /** Who a token names, as the server reads it (after the identity provider's sign-in, before it is kept). */
  session: (token: string) => getJsonWith<Actor>('/api/v1/session', token),
};
