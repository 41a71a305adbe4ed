/**
 * The party on the opinion document (L9, R1; issue 9): the case record's, never the submission's. The PDFs are read
 * back with poppler's pdftotext (Debian poppler-utils), like opinion-document.spec.ts, so what is checked is printed.
 */
import { execFileSync } from 'node:child_process';
import { PARTY_NOT_RECORDED, withRecordedParty } from './opinion-document.party';
import { renderOpinionDocument } from './opinion-document.renderer';
import { opinionInput } from './testing/opinion-document.fixtures';

jest.setTimeout(60_000);

async function printedText(input: ReturnType<typeof opinionInput>): Promise<string> {
  const rendered = await renderOpinionDocument(input);
  const pdf = rendered.copies[0].pdf;
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: pdf })
    .toString('utf8')
    .replace(/\s/g, '');
}

describe('the party the opinion document prints (L9, R1)', () => {
  const submitted = opinionInput({ party: { name: '报送时填写的名称', type: 'person' } });

  it('L9, R1: the case record’s party replaces whatever the review’s input carried, with its kind', () => {
    const document = withRecordedParty(submitted, { name: '衡阳市某某便利店', kind: 'individual-business' });
    expect(document.party).toEqual({ name: '衡阳市某某便利店', type: 'person', kind: 'individual-business' });
    expect(withRecordedParty(submitted, { name: '某公司', kind: 'organisation' }).party).toEqual({
      name: '某公司',
      type: 'organisation',
      kind: 'organisation',
    });
    // Everything else is the input's own.
    expect({ ...document, party: submitted.party }).toEqual(submitted);
  });

  it('L9, R1: a case record without a party prints 详见案卷 and no kind — never the submitted name', () => {
    const document = withRecordedParty(submitted, null);
    expect(document.party).toMatchObject({ name: PARTY_NOT_RECORDED, kind: null });
    expect(JSON.stringify(document)).not.toContain('报送时填写的名称');
  });

  it('L9, R1: the printed PDF shows the recorded name and kind (个体工商户, 个人, 单位), and not the submitted name', async () => {
    const cases = [
      [{ name: '衡阳市某某便利店', kind: 'individual-business' }, '当事人衡阳市某某便利店（个体工商户）'],
      [{ name: '张某某', kind: 'natural-person' }, '当事人张某某（个人）'],
      [{ name: '衡阳市某某养老服务有限公司', kind: 'organisation' }, '当事人衡阳市某某养老服务有限公司（单位）'],
      [null, `当事人${PARTY_NOT_RECORDED}送审日期`],
    ] as const;
    for (const [recorded, expected] of cases) {
      const text = await printedText(withRecordedParty(submitted, recorded));
      expect(text).toContain(expected);
      expect(text).not.toContain('报送时填写的名称');
    }
  });
});
