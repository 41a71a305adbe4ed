import type { CaseRecordInput } from '../record.rules';
import type { AvFileRef } from '../recording.types';

/** Test-only builders of complete records; each test removes what it wants to see refused. */
export const officers = [
  { name: '李明', certificateNo: '43040001', certificateShown: true },
  { name: '王芳', certificateNo: '43040002', certificateShown: true },
];

export const hash = (n: number): string => n.toString(16).padStart(64, '0');

export function video(
  startedAt: string,
  endedAt: string,
  n = 1,
  interruptions?: AvFileRef['interruptions'],
): AvFileRef {
  return interruptions
    ? { sha256: hash(n), kind: 'video', startedAt, endedAt, interruptions }
    : { sha256: hash(n), kind: 'video', startedAt, endedAt };
}

export const approval = (): CaseRecordInput => ({
  type: 'initiation-approval',
  fields: { approvedBy: '局长 赵强', approvedAt: '2030-01-01T01:00:00Z', basis: '《社会组织登记管理条例》' },
});

export const inspection = (): CaseRecordInput => ({
  type: 'inspection-transcript',
  fields: {
    officers,
    place: '某路1号',
    startedAt: '2030-01-02T01:00:00Z',
    endedAt: '2030-01-02T02:00:00Z',
    findings: '未按规定接受年检',
    signedBy: '张三',
  },
  av: [video('2030-01-02T01:00:00Z', '2030-01-02T02:00:00Z', 7)],
});

export const seizure = (av?: AvFileRef[]): CaseRecordInput => ({
  type: 'seizure',
  fields: {
    officers,
    basis: '《行政强制法》第二十二条',
    necessity: '防止证据灭失',
    items: ['账簿三册'],
    place: '某路1号',
    startedAt: '2030-01-03T01:00:00Z',
    endedAt: '2030-01-03T02:00:00Z',
    signedBy: '张三',
  },
  ...(av ? { av } : {}),
});

export const decisionDocument = (): CaseRecordInput => ({
  type: 'decision-document',
  fields: {
    documentNumber: '衡民罚决〔2030〕1号',
    decidedAt: '2030-02-01T01:00:00Z',
    text: '经查，当事人未按规定接受年度检查。决定罚款人民币一万元。',
    conclusion: '罚款人民币一万元',
    officers: ['李明', '王芳'],
    evidenceReasoning: '现场检查笔录与账簿相互印证',
    basisReasoning: '适用《社会组织登记管理条例》第三十条',
    discretionReasoning: '首次违法，从轻',
  },
});

export const directService = (): CaseRecordInput => ({
  type: 'service',
  fields: {
    method: 'direct',
    documentName: '行政处罚决定书',
    servedAt: '2030-02-02T01:00:00Z',
    place: '某路1号',
    servers: ['李明', '王芳'],
    recipient: '张三',
    receiptRef: '送达回证 1',
  },
});
