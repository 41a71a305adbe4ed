import { caseBehindSubject, taskSubjectOf, workbenchLinkOf } from './task-target';
import type { SupervisionKind } from './deadline-board';

const target = (kind: SupervisionKind, subjectId: string, caseNo: string) => {
  const subject = taskSubjectOf(kind, subjectId, caseNo);
  return { subject, link: workbenchLinkOf(kind, subject) };
};

describe('我的待办: each task’s subject and the workbench page where it is done (SPEC C2)', () => {
  it('C2, L13, R6, R10: reviews open the review page; footage, approval and archiving the case page', () => {
    expect(target('review', 'rev-1', 'C-1/2026')).toEqual({
      subject: { type: 'case', id: 'C-1/2026' },
      link: '/reviews/C-1%2F2026',
    });
    expect(target('av-handover', 'rec-9', 'C-1')).toEqual({ subject: { type: 'case', id: 'C-1' }, link: '/cases/C-1' });
    expect(target('archiving', 'C-1', 'C-1').link).toBe('/cases/C-1');
    expect(target('approval-backfill', 'C-1', 'C-1').link).toBe('/cases/C-1');
  });

  it('C2, D4, D8, D9: a draft and a take-down open the publication by its decision number; an objection the desk on it', () => {
    expect(target('publication', 'publication:衡民罚〔2026〕7号', 'C-7')).toEqual({
      subject: { type: 'decision', id: '衡民罚〔2026〕7号' },
      link: `/disclosure/publications/${encodeURIComponent('衡民罚〔2026〕7号')}`,
    });
    expect(target('take-down', 'publication:D-1', 'C-1').link).toBe('/disclosure/publications/D-1');
    expect(target('objection', 'objection:ob-1', 'C-1')).toEqual({
      subject: { type: 'objection', id: 'ob-1' },
      link: '/disclosure?objection=ob-1',
    });
  });

  it('C2, R11, D3, D10: a device by its asset number, an ex-ante item by its id, the annual report by its year', () => {
    expect(target('device-export', 'checkout-1', 'DSJ-012')).toEqual({
      subject: { type: 'device', id: 'DSJ-012' },
      link: '/devices',
    });
    expect(target('device-return', 'checkout-2', 'DSJ-013')).toEqual({
      subject: { type: 'device', id: 'DSJ-013' },
      link: '/devices',
    });
    expect(target('ex-ante-update', 'ex-ante:item-3', 'ex-ante:item-3')).toEqual({
      subject: { type: 'ex-ante-item', id: 'item-3' },
      link: '/disclosure',
    });
    expect(target('annual-report', 'annual-report:2025', 'annual-report-2025')).toEqual({
      subject: { type: 'annual-report', id: '2025' },
      link: '/disclosure/annual-reports',
    });
    expect(target('other', 'x', 'C-1').link).toBeNull();
  });

  it('C2, D3, D9, D10: the case line under a subject is a real case number — a decision’s or an objection’s, never an ex-ante item’s or a year’s key', () => {
    const behind = (kind: SupervisionKind, subjectId: string, caseNo: string) =>
      caseBehindSubject(taskSubjectOf(kind, subjectId, caseNo), caseNo);
    expect(behind('publication', 'publication:衡民罚〔2026〕7号', 'C-7/2026')).toBe('C-7/2026');
    expect(behind('objection', 'objection:ob-1', 'C-7/2026')).toBe('C-7/2026');
    expect(behind('ex-ante-update', 'ex-ante:item-3', 'ex-ante:item-3')).toBeNull();
    expect(behind('annual-report', 'annual-report:2025', 'annual-report-2025')).toBeNull();
    // A case or device row names its case or asset itself; an empty case number is no line at all.
    expect(behind('archiving', 'case:C-1', 'C-1')).toBeNull();
    expect(behind('device-export', 'checkout-1', 'DSJ-012')).toBeNull();
    expect(behind('take-down', 'publication:衡民罚〔2026〕8号', '')).toBeNull();
  });
});
