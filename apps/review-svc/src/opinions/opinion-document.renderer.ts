/**
 * 法制审核意见书 — renders the legal-review opinion document (SPEC L9; seed 000 Annex 3: 一式两份，一份连同案卷材料
 * 回复执法承办机构，一份留存本机构归档) as two PDF copies that differ only by the copy mark on every page.
 *
 * Pure apart from reading the font file: the same input gives the same bytes, because every date in the file (the
 * creation date, which also seeds the PDF file id) comes from the input and the embedded font subset is named
 * deterministically. So a SHA-256 kept with the opinion record can be checked by rendering again.
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import {
  checkFindings,
  checkOpinionAgainstFindings,
  OPINION_LABELS,
  REVIEW_ITEMS,
  type FindingOutcome,
  type IsoInstant,
  type OpinionCopy,
  type PartyKind,
  type PartyType,
} from '@enforcement/domain';
import { civilDate } from '@enforcement/workdays';
import { OpinionDocumentInputError, OpinionFontUnusableError } from './opinion-document.errors';
import { loadFontFace, locateOpinionFonts, type LoadedFontFace, type OpinionFonts } from './opinion-document.font';
import {
  OPINION_COPIES,
  OPINION_COPY_MARKS,
  type OpinionDocumentCopy,
  type OpinionDocumentInput,
  type OpinionDocumentResult,
  type OpinionSignature,
} from './opinion-document.types';
import { useFontFace } from './opinion-document.shared-font';
import { paragraphs, wrapText } from './opinion-document.wrap';

/** The document's name in Annex 3 (重大行政执法决定法制审核意见书). */
export const OPINION_DOCUMENT_TITLE = '重大行政执法决定法制审核意见书';

/** Options for callers that choose the font themselves (tests, or a service with its own configuration). */
export interface RenderOpinionOptions {
  /** Fonts to embed; by default `locateOpinionFonts()` (OPINION_FONT_PATH, then the Debian locations). */
  readonly fonts?: OpinionFonts;
}

/** Renders both registered copies of the opinion document. */
export async function renderOpinionDocument(
  input: OpinionDocumentInput,
  options: RenderOpinionOptions = {},
): Promise<OpinionDocumentResult> {
  validateInput(input);
  const located = options.fonts ?? locateOpinionFonts();
  const regular = loadFontFace(located.regular);
  const bold =
    located.bold.path === regular.path ? { ...located.bold, data: regular.data } : loadFontFace(located.bold);
  const copies: OpinionDocumentCopy[] = [];
  for (const copy of OPINION_COPIES) {
    const pdf = await renderCopy(input, copy, { regular, bold });
    copies.push({ copy, pdf, sha256: createHash('sha256').update(pdf).digest('hex') });
  }
  return { copies };
}

// ---------------------------------------------------------------------------------------------------------------
// Input checks: a document that goes into the case file must be complete and consistent with the review rules.

/** L9 初审、复审: each reviewer's line names the review they signed for. */
const REVIEWER_LINE: Readonly<Record<NonNullable<OpinionSignature['stage']> | 'plain', string>> = {
  draft: '审核人员（初审）',
  're-review': '审核人员（复审）',
  plain: '审核人员',
};

function validateInput(input: OpinionDocumentInput): void {
  const required: [string, string][] = [
    ['agency.name', input.agency.name],
    ['agency.legalSectionName', input.agency.legalSectionName],
    ['documentNo', input.documentNo],
    ['case.caseNo', input.case.caseNo],
    ['case.title', input.case.title],
    ['handlingUnitName', input.handlingUnitName],
    ['party.name', input.party.name],
    ['opinion.reasoning', input.opinion.reasoning],
    ...(input.legalSectionHead ? [['legalSectionHead.name', input.legalSectionHead.name] as [string, string]] : []),
    ...input.reviewers.map((r, i): [string, string] => [`reviewers[${i}].name`, r.name]),
  ];
  for (const [field, value] of required) {
    if (value.trim() === '') throw new OpinionDocumentInputError(field, '不能为空', 'must not be blank');
  }
  if (input.reviewers.length === 0) {
    throw new OpinionDocumentInputError('reviewers', '至少需要一名审核人员签名', 'at least one reviewer must sign');
  }
  const instants: [string, IsoInstant][] = [
    ['submittedAt', input.submittedAt],
    ['completeMaterialsReceivedAt', input.completeMaterialsReceivedAt],
    ['issuedAt', input.issuedAt],
    ...(input.legalSectionHead
      ? [['legalSectionHead.signedAt', input.legalSectionHead.signedAt] as [string, IsoInstant]]
      : []),
    ...input.reviewers.map((r, i): [string, IsoInstant] => [`reviewers[${i}].signedAt`, r.signedAt]),
  ];
  for (const [field, value] of instants) instantOf(field, value);
  if (Date.parse(input.completeMaterialsReceivedAt) < Date.parse(input.submittedAt)) {
    throw new OpinionDocumentInputError(
      'completeMaterialsReceivedAt',
      '收到完备材料的时间早于送审时间',
      'complete materials cannot arrive before the submission',
    );
  }
  if (Date.parse(input.issuedAt) < Date.parse(input.completeMaterialsReceivedAt)) {
    throw new OpinionDocumentInputError(
      'issuedAt',
      '出具意见的时间早于收到完备材料的时间',
      'the opinion cannot be issued before the complete materials arrived',
    );
  }
  // L8/L9: the same rules the review workflow applies, so a document can never contradict the record.
  const findingsError =
    checkFindings(input.findings) ?? checkOpinionAgainstFindings(input.opinion.type, input.findings);
  if (findingsError) throw findingsError;
  const { type, transfer } = input.opinion;
  if (type === 'transfer' && (transfer === null || transfer.to.trim() === '')) {
    throw new OpinionDocumentInputError(
      'opinion.transfer',
      '移送意见须写明移送机关',
      'a transfer names the receiving body',
    );
  }
  if (type !== 'transfer' && transfer !== null) {
    throw new OpinionDocumentInputError(
      'opinion.transfer',
      '只有移送意见才有移送机关',
      'only a transfer opinion has a receiving body',
    );
  }
  input.advisorOpinions.forEach((advisor, i) => {
    // L10: the section reviews the advisor's written opinion before it forms its own.
    if (advisor.reviewedAt === null || advisor.reviewNote === null || advisor.reviewNote.trim() === '') {
      throw new OpinionDocumentInputError(
        `advisorOpinions[${i}]`,
        '法律顾问书面意见须经法制机构复核后，方可形成正式审核意见',
        "the section must review the legal advisor's written opinion before issuing its own",
      );
    }
    instantOf(`advisorOpinions[${i}].reviewedAt`, advisor.reviewedAt);
  });
}

function instantOf(field: string, value: IsoInstant): Date {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw new OpinionDocumentInputError(field, `“${value}”不是有效时间`, `"${value}" is not an ISO-8601 instant`);
  }
  return instant;
}

/** `2026-03-05T02:00:00Z` → `2026年3月5日`, the civil date in Asia/Shanghai. */
function chineseDate(instant: IsoInstant): string {
  const [year, month, day] = civilDate(new Date(instant)).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const OUTCOME_LABELS: Readonly<Record<FindingOutcome, string>> = {
  satisfied: '未发现问题',
  problem: '存在问题',
  'not-applicable': '不涉及',
};

const PARTY_TYPE_LABELS: Readonly<Record<PartyType, string>> = { person: '个人', organisation: '单位' };

/** 当事人类型 as the case record (R1) names it; 个体工商户 is printed as such, not folded into 个人 or 单位. */
const PARTY_KIND_LABELS: Readonly<Record<PartyKind, string>> = {
  'natural-person': '个人',
  'individual-business': '个体工商户',
  organisation: '单位',
};

/** The party's line: name and kind; no kind where the case record has no party (the name points to the file). */
function partyAsPrinted(party: OpinionDocumentInput['party']): string {
  if (party.kind === null) return party.name;
  const label = party.kind === undefined ? PARTY_TYPE_LABELS[party.type] : PARTY_KIND_LABELS[party.kind];
  return `${party.name}（${label}）`;
}

const TRANSFER_GROUNDS = { 'beyond-powers': '超出本机关职权范围', 'suspected-crime': '涉嫌犯罪' } as const;

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

// ---------------------------------------------------------------------------------------------------------------
// Page geometry: A4 with the GB/T 9704 type area (156 mm × 225 mm, 37 mm from the top, 28 mm from the left edge).

const MM = 72 / 25.4;
const PAGE_HEIGHT = 297 * MM;
const LEFT = 28 * MM;
const TOP = 37 * MM;
const CONTENT_WIDTH = 156 * MM;
const BOTTOM = TOP + 225 * MM;
const CELL_PADDING = 4;

type FontName = 'regular' | 'bold';

interface TextStyle {
  readonly font: FontName;
  readonly size: number;
  /** Distance between baselines of consecutive lines. */
  readonly leading: number;
}

const TITLE: TextStyle = { font: 'bold', size: 22, leading: 32 };
const AGENCY: TextStyle = { font: 'bold', size: 16, leading: 26 };
const HEADING: TextStyle = { font: 'bold', size: 14, leading: 26 };
const BODY: TextStyle = { font: 'regular', size: 12, leading: 21 };
const BODY_BOLD: TextStyle = { ...BODY, font: 'bold' };
const CELL: TextStyle = { font: 'regular', size: 10.5, leading: 16 };
const CELL_BOLD: TextStyle = { ...CELL, font: 'bold' };
const MARGINALIA: TextStyle = { font: 'regular', size: 10.5, leading: 14 };

interface TableColumn {
  readonly width: number;
  readonly align: 'left' | 'center';
}

interface TableCell {
  readonly text: string;
  readonly style: TextStyle;
  /** Overrides the column's alignment (header cells are centred). */
  readonly align?: 'left' | 'center';
}

/** Lays text out line by line on A4 pages, breaking pages itself so nothing is ever clipped. */
class PageComposer {
  y = TOP;
  private readonly missingGlyphs = new Set<string>();
  private missingIn = '';
  /** Widths by font, size and text: laying out CJK text through the font is the slow part of rendering. */
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fontPaths: Readonly<Record<FontName, string>>,
  ) {}

  newPage(): void {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = TOP;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  space(height: number): void {
    this.y = Math.min(this.y + height, BOTTOM);
  }

  use(style: TextStyle): void {
    this.doc.font(style.font).fontSize(style.size);
  }

  wrap(text: string, width: number, style: TextStyle, indent = 0): string[] {
    return wrapText(text, width, (t) => this.width(t, style), indent);
  }

  width(text: string, style: TextStyle): number {
    const key = `${style.font}|${style.size}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      this.use(style);
      width = this.doc.widthOfString(text);
      this.widths.set(key, width);
    }
    return width;
  }

  /**
   * Draws one line whose line box starts at `top`; the glyphs sit in the middle of the box. With `justifyTo`, the
   * characters are spaced out to fill that width, as Chinese body text is set flush on both sides.
   */
  line(text: string, x: number, top: number, style: TextStyle, justifyTo?: number): void {
    this.use(style);
    this.checkGlyphs(text, style.font);
    const offset = (style.leading - this.doc.currentLineHeight()) / 2;
    const chars = [...text].length;
    const spacing = justifyTo === undefined || chars < 2 ? 0 : (justifyTo - this.width(text, style)) / (chars - 1);
    // A line cut short by a long unbreakable run stays ragged rather than spaced out letter by letter.
    const characterSpacing = spacing > 0 && spacing < style.size / 2 ? spacing : 0;
    this.doc.text(text, x, top + offset, { lineBreak: false, characterSpacing });
  }

  /** A paragraph, flowing onto new pages as needed. */
  paragraph(text: string, style: TextStyle, opts: { align?: 'left' | 'center' | 'right'; indent?: number } = {}): void {
    const indent = opts.indent ?? 0;
    const lines = this.wrap(text, CONTENT_WIDTH, style, indent);
    lines.forEach((line, i) => {
      this.ensure(style.leading);
      const lineIndent = i === 0 ? indent : 0;
      const free = CONTENT_WIDTH - lineIndent - this.width(line, style);
      const shift = opts.align === 'center' ? free / 2 : opts.align === 'right' ? free : 0;
      const justify = (opts.align ?? 'left') === 'left' && i < lines.length - 1;
      this.line(line, LEFT + lineIndent + shift, this.y, style, justify ? CONTENT_WIDTH - lineIndent : undefined);
      this.y += style.leading;
    });
  }

  /** Indented body paragraph (two characters, the Chinese convention). */
  body(text: string, style: TextStyle = BODY): void {
    this.paragraph(text, style, { indent: 2 * style.size });
  }

  /**
   * A bordered table. A row moves whole to the next page when it fits there; a row taller than a page continues on
   * the next one, line by line. The header row is repeated on every page the table reaches.
   */
  table(columns: readonly TableColumn[], header: readonly TableCell[] | null, rows: readonly TableCell[][]): void {
    const drawHeader = (): void => {
      if (header) this.row(columns, header, () => this.newPage());
    };
    this.ensure((header ? this.rowHeight(columns, header) : 0) + this.rowHeight(columns, rows[0] ?? []));
    drawHeader();
    for (const cells of rows) {
      this.row(columns, cells, () => {
        this.newPage();
        drawHeader();
      });
    }
  }

  private rowHeight(columns: readonly TableColumn[], cells: readonly TableCell[]): number {
    const lines = cells.map((cell, i) => this.wrap(cell.text, columns[i].width - 2 * CELL_PADDING, cell.style));
    return Math.max(...lines.map((l, i) => l.length * cells[i].style.leading)) + 2 * CELL_PADDING;
  }

  private row(columns: readonly TableColumn[], cells: readonly TableCell[], breakPage: () => void): void {
    const lines = cells.map((cell, i) => this.wrap(cell.text, columns[i].width - 2 * CELL_PADDING, cell.style));
    const fullHeight = this.rowHeight(columns, cells);
    const pageRoom = BOTTOM - TOP - 4 * CELL_PADDING - 2 * CELL.leading; // leave room for a repeated header
    if (this.y + fullHeight > BOTTOM && fullHeight <= pageRoom) breakPage();
    const done = cells.map(() => 0);
    for (;;) {
      // How many more lines of each cell fit on this page.
      const take = cells.map((cell, i) => {
        const room = Math.floor((BOTTOM - this.y - 2 * CELL_PADDING) / cell.style.leading);
        return Math.max(0, Math.min(lines[i].length - done[i], room));
      });
      if (take.every((n) => n === 0)) {
        breakPage();
        continue;
      }
      const height = Math.max(...take.map((n, i) => n * cells[i].style.leading)) + 2 * CELL_PADDING;
      let x = LEFT;
      cells.forEach((cell, i) => {
        const column = columns[i];
        this.doc.lineWidth(0.6).rect(x, this.y, column.width, height).stroke();
        const align = cell.align ?? column.align;
        const inner = column.width - 2 * CELL_PADDING;
        lines[i].slice(done[i], done[i] + take[i]).forEach((text, n) => {
          const shift = align === 'center' ? (inner - this.width(text, cell.style)) / 2 : 0;
          const justify = align === 'left' && done[i] + n < lines[i].length - 1;
          const top = this.y + CELL_PADDING + n * cell.style.leading;
          this.line(text, x + CELL_PADDING + shift, top, cell.style, justify ? inner : undefined);
        });
        done[i] += take[i];
        x += column.width;
      });
      this.y += height;
      if (done.every((n, i) => n >= lines[i].length)) return;
      breakPage();
    }
  }

  /** Marks in the page margins: the copy mark at the top, number and page count at the foot — on every page. */
  marginalia(copyMark: string, documentNo: string): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const markWidth = this.width(copyMark, MARGINALIA);
      this.line(copyMark, LEFT + CONTENT_WIDTH - markWidth, 20 * MM, MARGINALIA);
      const foot = `${documentNo}\u3000第${i - start + 1}页\u3000共${count}页`;
      this.line(foot, LEFT + (CONTENT_WIDTH - this.width(foot, MARGINALIA)) / 2, PAGE_HEIGHT - 22 * MM, MARGINALIA);
    }
  }

  /** Refuses to finish a document that would show empty boxes (豆腐块) for characters the font lacks. */
  assertGlyphs(): void {
    if (this.missingGlyphs.size === 0) return;
    const chars = [...this.missingGlyphs].slice(0, 20).join('');
    throw new OpinionFontUnusableError(
      this.missingIn,
      `字体缺少以下字符的字形：${chars}；请安装 fonts-noto-cjk 或设置 OPINION_FONT_PATH`,
      `the font has no glyph for: ${chars}; install fonts-noto-cjk or set OPINION_FONT_PATH`,
    );
  }

  private checkGlyphs(text: string, font: FontName): void {
    // pdfkit keeps the fontkit font of the current face at `_font.font`; fontkit answers per code point.
    const face = (this.doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?(cp: number): boolean } } })._font
      ?.font;
    if (typeof face?.hasGlyphForCodePoint !== 'function') {
      throw new Error(`cannot check glyph coverage of ${this.fontPaths[font]}: the PDF library's font API changed`);
    }
    for (const char of text) {
      if (/\s/.test(char)) continue;
      if (face.hasGlyphForCodePoint(char.codePointAt(0)!)) continue;
      this.missingGlyphs.add(char);
      this.missingIn ||= this.fontPaths[font];
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

async function renderCopy(
  input: OpinionDocumentInput,
  copy: OpinionCopy,
  fonts: Readonly<Record<FontName, LoadedFontFace>>,
): Promise<Buffer> {
  const copyMark = OPINION_COPY_MARKS[copy];
  const title = OPINION_DOCUMENT_TITLE;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${title} ${input.documentNo}`,
      Author: `${input.agency.name}${input.agency.legalSectionName}`,
      Subject: `${input.case.caseNo} ${input.case.title}`,
      // The copy mark is part of the info dictionary, so each copy gets its own PDF file id.
      Keywords: copyMark,
      Creator: 'review-svc opinion document renderer',
      CreationDate: new Date(input.issuedAt),
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const name of ['regular', 'bold'] as const) {
    useFontFace(doc, name, fonts[name]);
  }
  const page = new PageComposer(doc, { regular: fonts.regular.path, bold: fonts.bold.path });
  page.newPage();
  compose(page, input, title);
  page.marginalia(copyMark, input.documentNo);
  page.assertGlyphs();
  doc.end();
  return finished;
}

function compose(page: PageComposer, input: OpinionDocumentInput, title: string): void {
  page.paragraph(input.agency.name, AGENCY, { align: 'center' });
  page.paragraph(title, TITLE, { align: 'center' });
  page.space(6);
  page.paragraph(input.documentNo, BODY, { align: 'right' });
  page.space(8);

  const labelWidth = 10 * CELL.size + 2 * CELL_PADDING;
  const facts: [string, string][] = [
    ['案件名称', input.case.title],
    ['案件编号', input.case.caseNo],
    ['承办机构', input.handlingUnitName],
    ['当事人', partyAsPrinted(input.party)],
    ['送审日期', chineseDate(input.submittedAt)],
    ['收到完备送审材料日期', chineseDate(input.completeMaterialsReceivedAt)],
  ];
  page.table(
    [
      { width: labelWidth, align: 'center' },
      { width: CONTENT_WIDTH - labelWidth, align: 'left' },
    ],
    null,
    facts.map(([label, value]) => [
      { text: label, style: CELL_BOLD },
      { text: value, style: CELL },
    ]),
  );

  let section = 0;
  const heading = (text: string): void => {
    page.space(10);
    page.ensure(HEADING.leading + 2 * BODY.leading);
    page.paragraph(`${ORDINALS[section++]}、${text}`, HEADING);
  };

  heading('审核情况');
  page.body(`${input.agency.legalSectionName}依照重大行政执法决定法制审核的有关规定，对下列事项逐项进行了审核：`);
  page.space(4);
  const findings = REVIEW_ITEMS.map((entry, i) => {
    const finding = input.findings.find((f) => f.item === entry.item)!;
    return [
      { text: `（${ORDINALS[i]}）`, style: CELL },
      { text: entry.label_zh, style: CELL },
      { text: OUTCOME_LABELS[finding.outcome], style: finding.outcome === 'problem' ? CELL_BOLD : CELL },
      { text: finding.note.trim(), style: CELL },
    ];
  });
  page.table(
    [
      { width: 4 * CELL.size + 2 * CELL_PADDING, align: 'center' },
      { width: 15 * CELL.size + 2 * CELL_PADDING, align: 'left' },
      { width: 5 * CELL.size + 2 * CELL_PADDING, align: 'center' },
      { width: CONTENT_WIDTH - 24 * CELL.size - 6 * CELL_PADDING, align: 'left' },
    ],
    ['序号', '审核事项', '审核结论', '说明'].map((text) => ({ text, style: CELL_BOLD, align: 'center' as const })),
    findings,
  );

  heading('法律顾问意见');
  if (input.advisorOpinions.length === 0) page.body('本案无外聘法律顾问参与审核。');
  for (const advisor of input.advisorOpinions) {
    page.body(
      `法律顾问${advisor.advisorName}提交了书面意见（附后）。${input.agency.legalSectionName}于` +
        `${chineseDate(advisor.reviewedAt!)}复核，复核意见：${advisor.reviewNote!.trim()}`,
    );
  }

  heading('审核意见');
  const { type, transfer, reasoning } = input.opinion;
  page.body(`审核意见：${OPINION_LABELS[type].zh}`, BODY_BOLD);
  if (transfer) page.body(`移送机关：${transfer.to}；移送理由：${TRANSFER_GROUNDS[transfer.ground]}。`, BODY_BOLD);
  for (const text of paragraphs(reasoning)) page.body(text);
  if (type !== 'approve' && type !== 'transfer') {
    page.body('请承办机构按照本意见办理后，重新报送法制审核。');
  }
  page.body('承办机构对本审核意见有异议的，可以向分管法制工作的负责人申请召开专家论证会进行论证。');

  // Signatures stay together on one page with the sign-off.
  const signers: [string, string, IsoInstant][] = [
    ...input.reviewers.map((r): [string, string, IsoInstant] => [
      REVIEWER_LINE[r.stage ?? 'plain'],
      r.name,
      r.signedAt,
    ]),
    ...(input.legalSectionHead
      ? [
          ['法制机构负责人', input.legalSectionHead.name, input.legalSectionHead.signedAt] as [
            string,
            string,
            IsoInstant,
          ],
        ]
      : []),
  ];
  page.space(16);
  page.ensure((signers.length + 4) * BODY.leading + 24);
  for (const [role, name, at] of signers) {
    const date = chineseDate(at);
    page.line(`${role}：${name}`, LEFT + 2 * BODY.size, page.y, BODY);
    page.line(date, LEFT + CONTENT_WIDTH - page.width(date, BODY), page.y, BODY);
    page.y += BODY.leading;
  }
  page.space(24);
  page.paragraph(`${input.agency.name}${input.agency.legalSectionName}（印章）`, BODY, { align: 'right' });
  page.paragraph(chineseDate(input.issuedAt), BODY, { align: 'right' });
}
