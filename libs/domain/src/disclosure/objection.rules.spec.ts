import { checkObjectionDecision } from './objection.rules';

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('objection answers (SPEC D9)', () => {
  it('D9: every answer gives its reasons; a refusal explains itself and corrects nothing', () => {
    expect(code(() => checkObjectionDecision({ outcome: 'refused', reasons: '不予更正', correction: null }))).toBe(
      'DISCLOSURE.OBJECTION_REASONS_REQUIRED',
    );
    expect(
      checkObjectionDecision({ outcome: 'refused', reasons: '  经核实公示内容准确，不予更正。 ', correction: null })
        .reasons,
    ).toBe('经核实公示内容准确，不予更正。');
    expect(
      code(() =>
        checkObjectionDecision({
          outcome: 'refused',
          reasons: '经核实公示内容准确，不予更正。',
          correction: { changes: [], summary: 'x' },
        }),
      ),
    ).toBe('DISCLOSURE.CORRECTION_REQUIRED');
  });

  it('D9: a correction says what it corrects', () => {
    const reasons = '经核实公示金额有误，予以更正。';
    expect(code(() => checkObjectionDecision({ outcome: 'corrected', reasons, correction: null }))).toBe(
      'DISCLOSURE.CORRECTION_REQUIRED',
    );
    expect(
      checkObjectionDecision({ outcome: 'corrected', reasons, correction: { changes: [], summary: '更正罚款金额' } })
        .outcome,
    ).toBe('corrected');
  });
});
