/**
 * The opinion document as a reader sees it: the PDFs are read back with poppler's pdftotext/pdfinfo (Debian
 * poppler-utils), so these tests check what is printed, not what we meant to print. They read the installed CJK font
 * (infra/local/fonts) and run poppler; neither is optional, so a machine without them fails with the fix named.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPINION_LABELS, REVIEW_ITEMS, ReviewRuleError } from '@enforcement/domain';
import {
  OpinionDocumentInputError,
  OpinionFontNotFoundError,
  OpinionFontUnusableError,
} from './opinion-document.errors';
import { locateOpinionFonts, OPINION_FONT_CANDIDATES } from './opinion-document.font';
import { opinionDocumentNumber } from './opinion-document.number';
import { OPINION_DOCUMENT_TITLE, renderOpinionDocument } from './opinion-document.renderer';
import { OPINION_COPY_MARKS, type OpinionDocumentInput, type OpinionDocumentResult } from './opinion-document.types';
import { findingsFor, opinionInput } from './testing/opinion-document.fixtures';

jest.setTimeout(60_000);

const workDir = mkdtempSync(join(tmpdir(), 'opinion-document-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function poppler(tool: 'pdftotext' | 'pdfinfo', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${tool} not found; these tests read the PDFs back with it. Fix: apt-get install -y poppler-utils`,
      );
    }
    throw error;
  }
}

let files = 0;
function pdfFile(pdf: Buffer): string {
  const file = join(workDir, `opinion-${++files}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/**
 * Text of each page in drawing order (`-raw`, so a wrapped table cell reads as one run), whitespace removed: the
 * line breaks and the spacing of justified lines are layout, not content.
 */
function pagesOf(pdf: Buffer): string[] {
  const text = poppler('pdftotext', ['-raw', '-enc', 'UTF-8', pdfFile(pdf), '-']);
  return text
    .split('\f')
    .slice(0, -1) // pdftotext ends every page with a form feed
    .map((page) => page.replace(/\s/g, ''));
}

function pageCount(pdf: Buffer): number {
  const info = poppler('pdfinfo', [pdfFile(pdf)]);
  return Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
}

const squeeze = (text: string): string => text.replace(/\s/g, '');

/** The document's running text, without what is printed in the margins of every page and the repeated table head. */
function body(pdf: Buffer, input: OpinionDocumentInput): string {
  const marks = Object.values(OPINION_COPY_MARKS).map(squeeze);
  return pagesOf(pdf)
    .map((page) => {
      let text = page.replace(new RegExp(`${squeeze(input.documentNo)}第\\d+页共\\d+页`, 'g'), '');
      for (const mark of marks) text = text.split(mark).join('');
      return text;
    })
    .join('')
    .split('序号审核事项审核结论说明')
    .join('');
}

describe('opinion document number', () => {
  it('L9: opinionDocumentNumber makes 机关代字 + 法审〔year〕sequence号', () => {
    expect(opinionDocumentNumber('X民', 2026, 12)).toBe('X民法审〔2026〕12号');
    expect(opinionDocumentNumber(' 衡民 ', 2026, 1)).toBe('衡民法审〔2026〕1号');
  });

  it.each([
    ['', 2026, 1],
    ['衡 民', 2026, 1],
    ['衡民', 26, 1],
    ['衡民', 2026, 0],
    ['衡民', 2026, 1.5],
  ])('L9: opinionDocumentNumber refuses %p, %p, %p', (abbrev, year, seq) => {
    expect(() => opinionDocumentNumber(abbrev, year, seq)).toThrow(OpinionDocumentInputError);
  });
});

describe('法制审核意见书 renderer', () => {
  const input = opinionInput();
  let issued: OpinionDocumentResult;
  beforeAll(async () => {
    issued = await renderOpinionDocument(input);
  });
  const copy = (n: 0 | 1): Buffer => issued.copies[n].pdf;

  it('L9: the opinion document is issued in two registered copies with their SHA-256', () => {
    expect(issued.copies.map((c) => c.copy)).toEqual(['handling-unit-with-case-file', 'legal-section-archive']);
    for (const { pdf, sha256 } of issued.copies) {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\n?$/);
      expect(sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
      // Nine findings and the opinion take two A4 pages; the font is embedded as a subset, not whole (~20 MB).
      expect(pageCount(pdf)).toBe(2);
      expect(pdf.length).toBeLessThan(400_000);
    }
    expect(issued.copies[0].sha256).not.toBe(issued.copies[1].sha256);
  });

  it('L8, L9: it prints the title, number, case, every review item with its finding, and the opinion label', () => {
    const text = body(copy(0), input);
    expect(text).toContain('法制审核意见书');
    expect(text).toContain(OPINION_DOCUMENT_TITLE);
    for (const expected of [
      input.agency.name,
      input.documentNo,
      input.case.caseNo,
      input.case.title,
      input.handlingUnitName,
      `${input.party.name}（单位）`,
      '送审日期2026年3月2日',
      '收到完备送审材料日期2026年3月2日',
      `审核意见：${OPINION_LABELS.amend.zh}`,
      squeeze(input.opinion.reasoning),
      '审核人员（初审）：陈明2026年3月4日',
      '审核人员（复审）：李华2026年3月4日',
      '法制机构负责人：刘强2026年3月4日',
      '衡阳市民政局政策法规科（印章）2026年3月4日',
      '本案无外聘法律顾问参与审核',
    ]) {
      expect(text).toContain(squeeze(expected));
    }
    const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    REVIEW_ITEMS.forEach(({ item, label_zh }, i) => {
      const finding = input.findings.find((f) => f.item === item)!;
      const outcome = finding.outcome === 'problem' ? '存在问题' : '未发现问题';
      expect(text).toContain(`（${ordinals[i]}）${label_zh}${outcome}${squeeze(finding.note)}`);
    });
  });

  it('L9: both names are on the opinion document — the drafter (初审) and the re-reviewer (复审), with no section-head line nobody signed', async () => {
    const reviewedByPeers = opinionInput({ legalSectionHead: null });
    const text = body((await renderOpinionDocument(reviewedByPeers)).copies[1].pdf, reviewedByPeers);
    expect(text).toContain(squeeze('审核人员（初审）：陈明2026年3月4日'));
    expect(text).toContain(squeeze('审核人员（复审）：李华2026年3月4日'));
    expect(text).not.toContain('法制机构负责人：');
    // An opinion from before the two-person review prints its one signer as before.
    const older = opinionInput({ reviewers: [{ name: '陈明', signedAt: '2026-03-04T07:00:00.000Z' }] });
    expect(body((await renderOpinionDocument(older)).copies[0].pdf, older)).toContain(
      squeeze('审核人员：陈明2026年3月4日'),
    );
  });

  it('L9: the same input gives the same bytes and the same SHA-256', async () => {
    // A document with other text in between: the font parse shared across documents must not carry anything over.
    await renderOpinionDocument(
      opinionInput({ opinion: { ...input.opinion, reasoning: '另案：罚款数额畸高，裁量明显不当。' } }),
    );
    const again = await renderOpinionDocument(opinionInput());
    expect(again.copies.map((c) => c.sha256)).toEqual(issued.copies.map((c) => c.sha256));
    expect(again.copies[0].pdf.equals(copy(0))).toBe(true);
    // The file's dates come from the input, never from the clock.
    const info = poppler('pdfinfo', ['-isodates', pdfFile(copy(0))]);
    expect(info).toMatch(/^CreationDate:\s+2026-03-04T08:30:00(Z|\+00)/m);
    const later = await renderOpinionDocument(opinionInput({ issuedAt: '2026-03-04T09:00:00.000Z' }));
    expect(later.copies[0].sha256).not.toBe(issued.copies[0].sha256);
  });

  it('L9: the two copies differ only in their copy mark, printed on every page', () => {
    const unitMark = squeeze(OPINION_COPY_MARKS['handling-unit-with-case-file']);
    const archiveMark = squeeze(OPINION_COPY_MARKS['legal-section-archive']);
    const unitPages = pagesOf(copy(0));
    const archivePages = pagesOf(copy(1));
    expect(unitPages).toHaveLength(2);
    for (const page of unitPages) expect(page.split(unitMark)).toHaveLength(2);
    for (const page of archivePages) expect(page.split(archiveMark)).toHaveLength(2);
    expect(unitPages.join('')).not.toContain(archiveMark);
    expect(archivePages.map((p) => p.replace(archiveMark, unitMark))).toEqual(unitPages);
    unitPages.forEach((page, i) => expect(page).toContain(`${squeeze(input.documentNo)}第${i + 1}页共2页`));
  });

  it('L9: a long reasoning wraps onto further pages without losing a character', async () => {
    const reasoning = Array.from(
      { length: 40 },
      (_, i) =>
        `第${i + 1}点：当事人于2026年1月15日在衡阳市某某区开展养老服务活动时，未按规定配备消防设施（含“烟感报警器”），` +
        `经责令改正后仍未全部整改，罚款5,000元的裁量理由应予补充说明。`,
    ).join('\n');
    const long = opinionInput({ opinion: { ...input.opinion, reasoning } });
    const { copies } = await renderOpinionDocument(long);
    const pages = pageCount(copies[0].pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(body(copies[0].pdf, long)).toContain(squeeze(reasoning));
    expect(pagesOf(copies[0].pdf).at(-1)).toContain(`第${pages}页共${pages}页`);
  });

  it('L8: a finding note longer than a page continues on the next page, under a repeated table head', async () => {
    const note = Array.from({ length: 60 }, (_, i) => `第${i + 1}项证据与现场检查笔录记载的时间、地点不一致。`).join(
      '',
    );
    const long = opinionInput({
      findings: findingsFor(['discretion']).map((f) => (f.item === 'discretion' ? { ...f, note } : f)),
    });
    const { copies } = await renderOpinionDocument(long);
    const pages = pagesOf(copies[0].pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[1].startsWith(`${'序号审核事项审核结论说明'}`)).toBe(true);
    expect(body(copies[0].pdf, long)).toContain(`行政裁量权运用是否适当存在问题${note}`);
  });

  it('L9: a transfer opinion names the receiving body and its ground', async () => {
    const transfer = opinionInput({
      findings: findingsFor(['criminal-referral']).map((f) =>
        f.item === 'criminal-referral' ? { ...f, note: '当事人骗取养老服务补贴数额较大，涉嫌诈骗罪。' } : f,
      ),
      opinion: {
        type: 'transfer',
        reasoning: '当事人的行为涉嫌犯罪，依照《行政执法机关移送涉嫌犯罪案件的规定》，应当移送公安机关。',
        transfer: { to: '衡阳市公安局', ground: 'suspected-crime' },
      },
    });
    const { copies } = await renderOpinionDocument(transfer);
    const text = body(copies[0].pdf, transfer);
    expect(text).toContain(`审核意见：${OPINION_LABELS.transfer.zh}`);
    expect(text).toContain('移送机关：衡阳市公安局；移送理由：涉嫌犯罪。');
    expect(text).not.toContain('重新报送法制审核');
  });

  it('L10: a legal advisor’s opinion is printed once the legal section has reviewed it, and refused before', async () => {
    const advisor = { advisorName: '湖南某某律师事务所王律师', reviewNote: '同意其关于裁量偏重的意见。' };
    await expect(
      renderOpinionDocument(opinionInput({ advisorOpinions: [{ ...advisor, reviewedAt: null }] })),
    ).rejects.toMatchObject({ code: 'OPINION_DOCUMENT.INVALID_INPUT', field: 'advisorOpinions[0]' });

    const reviewed = opinionInput({ advisorOpinions: [{ ...advisor, reviewedAt: '2026-03-03T06:00:00.000Z' }] });
    const { copies } = await renderOpinionDocument(reviewed);
    const text = body(copies[0].pdf, reviewed);
    expect(text).toContain(
      squeeze(
        `法律顾问${advisor.advisorName}提交了书面意见（附后）。政策法规科于2026年3月3日复核，复核意见：${advisor.reviewNote}`,
      ),
    );
    expect(text).not.toContain('本案无外聘法律顾问参与审核');
  });

  it('L8, L9: findings and opinions the review rules refuse are refused here too', async () => {
    const incomplete = opinionInput({ findings: findingsFor().filter((f) => f.item !== 'procedure') });
    await expect(renderOpinionDocument(incomplete)).rejects.toMatchObject({ code: 'REVIEW.FINDINGS_INCOMPLETE' });
    const contradicting = opinionInput({ opinion: { ...input.opinion, type: 'approve' } });
    await expect(renderOpinionDocument(contradicting)).rejects.toBeInstanceOf(ReviewRuleError);
    const noBody = opinionInput({
      findings: findingsFor(['authority']).map((f) =>
        f.item === 'authority' ? { ...f, note: '属市场监管部门职权。' } : f,
      ),
      opinion: { ...input.opinion, type: 'transfer', transfer: null },
    });
    await expect(renderOpinionDocument(noBody)).rejects.toMatchObject({ field: 'opinion.transfer' });
    const beforeMaterials = opinionInput({ issuedAt: '2026-03-01T00:00:00.000Z' });
    await expect(renderOpinionDocument(beforeMaterials)).rejects.toMatchObject({ field: 'issuedAt' });
    await expect(renderOpinionDocument(opinionInput({ reviewers: [] }))).rejects.toMatchObject({ field: 'reviewers' });
  });
});

describe('opinion document font', () => {
  it('L9: without a Chinese font the renderer fails naming the Debian package to install', () => {
    const nothing = (): boolean => false;
    expect(() => locateOpinionFonts({}, nothing)).toThrow(OpinionFontNotFoundError);
    expect(() => locateOpinionFonts({}, nothing)).toThrow(/apt-get install -y fonts-noto-cjk/);
    expect(() => locateOpinionFonts({ OPINION_FONT_PATH: '/nowhere/font.ttc' })).toThrow(
      /OPINION_FONT_PATH=\/nowhere\/font\.ttc/,
    );
  });

  it('L9: the font comes from OPINION_FONT_PATH first, then the Debian locations', () => {
    const noto = OPINION_FONT_CANDIDATES[0].fonts;
    expect(locateOpinionFonts({})).toEqual(noto);
    // A known Debian collection needs no member name; any other collection needs OPINION_FONT_FAMILY.
    const configured = locateOpinionFonts({ OPINION_FONT_PATH: noto.regular.path });
    expect(configured.regular).toEqual(noto.regular);
    expect(configured.bold).toEqual(noto.regular);
    const named = locateOpinionFonts({
      OPINION_FONT_PATH: noto.regular.path,
      OPINION_FONT_FAMILY: 'NotoSerifCJKtc-Regular',
    });
    expect(named.regular.family).toBe('NotoSerifCJKtc-Regular');
  });

  it('L9: a font collection without a member name is refused with the setting to use', async () => {
    const path = OPINION_FONT_CANDIDATES[0].fonts.regular.path;
    const face = { path, family: undefined };
    await expect(renderOpinionDocument(opinionInput(), { fonts: { regular: face, bold: face } })).rejects.toThrow(
      /OPINION_FONT_FAMILY/,
    );
  });

  it('L9: a character the font has no glyph for is refused instead of printed as an empty box', async () => {
    // Old household-registration systems put rare name characters in the Private Use Area; no public font has them.
    const party = { name: '张\uE000', type: 'person' as const };
    const rendering = renderOpinionDocument(opinionInput({ party }));
    await expect(rendering).rejects.toBeInstanceOf(OpinionFontUnusableError);
    await expect(rendering).rejects.toThrow(/\uE000/);
  });
});
