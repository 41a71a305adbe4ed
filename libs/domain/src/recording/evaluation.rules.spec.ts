import { gradeEvaluation } from './evaluation.rules';

describe('gradeEvaluation', () => {
  it('R13: a case file is graded by its share of points (90 % excellent, 60 % qualified)', () => {
    const items = (a: number, b: number) => [
      { criterion: '文字记录完整', score: a, max: 50 },
      { criterion: '音像记录规范', score: b, max: 50 },
    ];
    expect(gradeEvaluation(items(48, 45))).toMatchObject({ total: 93, max: 100, grade: 'excellent', problems: [] });
    expect(gradeEvaluation(items(40, 20))).toMatchObject({ grade: 'qualified' });
    expect(gradeEvaluation(items(30, 20))).toMatchObject({ grade: 'unqualified' });
  });
  it('R13: a score above its maximum is named', () => {
    expect(gradeEvaluation([{ criterion: '说理', score: 12, max: 10 }]).problems).toEqual([
      'items[0].score must lie between 0 and max (10)',
    ]);
  });
});
