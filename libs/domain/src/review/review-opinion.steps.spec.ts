import type { ReviewFinding } from './findings.rules';
import { decide } from './review.machine';
import { Flow, bj, env, findingsWithProblems, reviewer, sectionHead } from './testing/review.fixtures';

function transferAfter(findings: ReviewFinding[], ground: 'beyond-powers' | 'suspected-crime') {
  const flow = Flow.accepted().do({ type: 'recordFindings', actor: reviewer, findings }, bj('2025-03-04 09:00'));
  return decide(
    flow.current,
    {
      type: 'issueOpinion',
      actor: sectionHead,
      opinion: 'transfer',
      documentNo: 'N-T',
      summary: '移送',
      transfer: { to: ground === 'suspected-crime' ? '某市公安局' : '某市市场监督管理局', ground },
    },
    bj('2025-03-04 10:00'),
    env(),
  );
}

describe('transfer opinion (SPEC L9)', () => {
  it('L9: 超出本机关职权范围的，提出移送意见 — a transfer as beyond the powers needs the authority finding to say so', () => {
    const refused = transferAfter(findingsWithProblems('criminal-referral'), 'beyond-powers');
    expect(!refused.ok && refused.error.code).toBe('REVIEW.TRANSFER_GROUND_NOT_FOUND');
    expect(!refused.ok && refused.error.message_zh).toContain('超出本机关职权范围');
    expect(transferAfter(findingsWithProblems('authority'), 'beyond-powers').ok).toBe(true);
  });

  it('L9: 违法行为是否涉嫌犯罪需要移送司法机关 — a transfer for suspected crime needs the crime finding to say so', () => {
    const refused = transferAfter(findingsWithProblems('authority'), 'suspected-crime');
    expect(!refused.ok && refused.error.code).toBe('REVIEW.TRANSFER_GROUND_NOT_FOUND');
    expect(!refused.ok && refused.error.message_en).toContain('suspected crime');
    const other = transferAfter(findingsWithProblems('other'), 'suspected-crime');
    expect(!other.ok && other.error.code).toBe('REVIEW.TRANSFER_GROUND_NOT_FOUND');
    expect(transferAfter(findingsWithProblems('criminal-referral'), 'suspected-crime').ok).toBe(true);
  });
});
