import { adjustMarks, draftFromFindings, redactedText } from './redaction-draft.rules';

const TEXT = '当事人王建国，身份证号430223199001011234，证人李小红，电话13812345678。';
const at = (s: string) => TEXT.indexOf(s);
const span = (type: string, s: string) => ({ type, start: at(s), end: at(s) + s.length });
const AT = '2030-01-02T09:00:00+08:00';

describe('redaction draft (SPEC D6, C3)', () => {
  const findings = [
    span('id-number', '430223199001011234'),
    span('person-name', '李小红'),
    span('phone', '13812345678'),
  ];

  it('D6: the engine’s findings become marks; the published text keeps nothing of a marked span', () => {
    const draft = draftFromFindings(TEXT.length, findings);
    expect(draft.marks.map((m) => [m.id, m.type, m.origin])).toEqual([
      ['m1', 'id-number', 'engine'],
      ['m2', 'person-name', 'engine'],
      ['m3', 'phone', 'engine'],
    ]);
    const out = redactedText(TEXT, draft);
    expect(out).toBe('当事人王建国，身份证号＊＊＊＊，证人李某，电话＊＊＊＊。');
    for (const f of findings) expect(out).not.toContain(TEXT.slice(f.start + 1, f.end));
  });

  it('D6, C3: the officer adds, removes and resizes marks; every change is audited with before and after', () => {
    const draft = adjustMarks(
      draftFromFindings(TEXT.length, findings),
      [
        { op: 'remove', markId: 'm3' },
        { op: 'add', type: 'other', ...{ start: at('王建国'), end: at('王建国') + 3 } },
        { op: 'resize', markId: 'm1', start: at('430223'), end: at('430223') + 6 },
      ],
      'officer-1',
      AT,
    );
    expect(draft.marks.map((m) => m.id)).toEqual(['m4', 'm1', 'm2']);
    expect(draft.audit).toEqual([
      { at: AT, actorId: 'officer-1', op: 'remove', markId: 'm3', before: findings[2], after: null },
      { at: AT, actorId: 'officer-1', op: 'add', markId: 'm4', before: null, after: span('other', '王建国') },
      {
        at: AT,
        actorId: 'officer-1',
        op: 'resize',
        markId: 'm1',
        before: findings[0],
        after: { type: 'id-number', start: at('430223'), end: at('430223') + 6 },
      },
    ]);
    expect(redactedText(TEXT, draft)).toContain('13812345678');
  });

  it('D6: a mark outside the text, empty, or overlapping another is refused and nothing changes', () => {
    const draft = draftFromFindings(TEXT.length, findings);
    const refused = (change: Parameters<typeof adjustMarks>[1][number]) => {
      try {
        adjustMarks(draft, [change], 'o', AT);
      } catch (e) {
        return (e as { code: string }).code;
      }
      return 'accepted';
    };
    expect(refused({ op: 'add', type: 'other', start: 0, end: TEXT.length + 1 })).toBe('DISCLOSURE.MARK_OUT_OF_RANGE');
    expect(refused({ op: 'add', type: 'other', start: 3, end: 3 })).toBe('DISCLOSURE.MARK_OUT_OF_RANGE');
    expect(refused({ op: 'add', type: 'other', start: at('李小红') - 1, end: at('李小红') + 1 })).toBe(
      'DISCLOSURE.MARK_OVERLAPS',
    );
    expect(refused({ op: 'remove', markId: 'm9' })).toBe('DISCLOSURE.MARK_NOT_FOUND');
    expect(draft.marks).toHaveLength(3);
  });

  it('D6: overlapping engine findings merge into one mark', () => {
    const draft = draftFromFindings(20, [
      { type: 'address', start: 2, end: 10 },
      { type: 'person-name', start: 8, end: 12 },
    ]);
    expect(draft.marks).toEqual([{ id: 'm1', type: 'address', start: 2, end: 12, origin: 'engine' }]);
  });
});
