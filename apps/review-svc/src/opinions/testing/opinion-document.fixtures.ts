/**
 * A realistic opinion document for tests: a civil-affairs penalty case against an elderly-care company, returned
 * for amendment because the discretion benchmark was misapplied.
 */
import { REVIEW_ITEMS, type ReviewFinding } from '@enforcement/domain';
import { opinionDocumentNumber } from '../opinion-document.number';
import type { OpinionDocumentInput } from '../opinion-document.types';

const NOTES: Partial<Record<ReviewFinding['item'], string>> = {
  'facts-and-evidence': '现场检查笔录、询问笔录与消防检查记录相互印证，违法事实清楚。',
  discretion:
    '当事人系首次违法且已主动整改，依照《衡阳市民政行政处罚裁量权基准》属从轻情形，拟处罚款5,000元适用一般情形，裁量偏重。',
  'criminal-referral': '未发现涉嫌犯罪情形。',
};

export function findingsFor(problems: readonly ReviewFinding['item'][] = ['discretion']): ReviewFinding[] {
  return REVIEW_ITEMS.map(({ item }) => ({
    item,
    outcome: problems.includes(item) ? 'problem' : 'satisfied',
    note: NOTES[item] ?? '',
  }));
}

export function opinionInput(overrides: Partial<OpinionDocumentInput> = {}): OpinionDocumentInput {
  return {
    agency: { name: '衡阳市民政局', legalSectionName: '政策法规科' },
    documentNo: opinionDocumentNumber('衡民', 2026, 12),
    case: { caseNo: '衡民罚〔2026〕3号', title: '衡阳市某某养老服务有限公司未按规定履行安全管理义务案' },
    handlingUnitName: '衡阳市民政综合行政执法支队',
    party: { name: '衡阳市某某养老服务有限公司', type: 'organisation' },
    submittedAt: '2026-03-02T01:30:00.000Z',
    completeMaterialsReceivedAt: '2026-03-02T01:30:00.000Z',
    findings: findingsFor(),
    opinion: {
      type: 'amend',
      reasoning:
        '经审核，承办机构认定的违法事实清楚，证据确凿，程序合法，适用法律正确。\n' +
        '但当事人系首次违法，且在责令改正期限内已全部整改到位，符合裁量基准规定的从轻处罚情形。' +
        '建议承办机构依照裁量基准变更处罚幅度，并在决定书中写明从轻处罚的理由。',
      transfer: null,
    },
    advisorOpinions: [],
    reviewers: [
      { name: '陈明', signedAt: '2026-03-04T07:00:00.000Z', stage: 'draft' },
      { name: '李华', signedAt: '2026-03-04T07:30:00.000Z', stage: 're-review' },
    ],
    legalSectionHead: { name: '刘强', signedAt: '2026-03-04T08:00:00.000Z' },
    issuedAt: '2026-03-04T08:30:00.000Z',
    ...overrides,
  };
}
