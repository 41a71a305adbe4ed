import PDFDocument from 'pdfkit';
import { HttpStatus } from '@nestjs/common';
import type { AnnualStatistics, UnitYearStatistics } from '@enforcement/domain';
import { AppError } from '@enforcement/platform';
import { findCjkFonts, readFontFile } from '@enforcement/platform/documents/cjk-font';

/** What the PDF shows besides the figures. */
export interface AnnualReportDocument {
  statistics: AnnualStatistics;
  /** Agency name as the portal shows it; the heading falls back to the generic title when unknown. */
  agencyName: string | null;
  submitBy: string;
  publicBy: string;
  submittedAt: string | null;
  submissionReference: string | null;
  publishedAt: string | null;
}

/** Columns of the per-unit table: Chinese heading, English heading, the count. */
const COLUMNS: readonly [string, string, keyof Omit<UnitYearStatistics, 'unitId'>][] = [
  ['决定', 'decisions', 'decisions'],
  ['公示', 'published', 'published'],
  ['按时', 'on time', 'publishedOnTime'],
  ['逾期', 'late', 'publishedLate'],
  ['未公示', 'missing', 'missing'],
  ['不予公开', 'exempted', 'exempted'],
  ['到期撤下', 'expired', 'withdrawnPeriodEnded'],
  ['撤销撤下', 'revoked', 'withdrawnRevoked'],
  ['更正', 'corrected', 'corrected'],
  ['更正申请', 'objections', 'objectionsReceived'],
  ['予以更正', 'upheld', 'objectionsCorrected'],
  ['不予更正', 'refused', 'objectionsRefused'],
  ['逾期答复', 'late answer', 'objectionsLate'],
  ['超期未答复', 'overdue', 'objectionsOverdue'],
];

const CATEGORY_NAMES: Record<string, string> = {
  permit: '行政许可',
  penalty: '行政处罚',
  'coercive-measure': '行政强制',
  inspection: '行政检查',
  expropriation: '行政征收征用',
  fee: '行政收费',
  confirmation: '行政确认',
  other: '其他',
};

/** Beijing wall-clock date and time of an instant, as the report prints it. */
function beijing(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/** The limit's last civil day (a limit ends at 24:00 of it). */
function lastDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000 - 1).toISOString().slice(0, 10);
}

function fontsOrFail() {
  const fonts = findCjkFonts({ path: process.env.DOCUMENT_FONT_PATH, family: process.env.DOCUMENT_FONT_FAMILY });
  if (!fonts) {
    throw new AppError('DOCUMENT.FONT_MISSING', HttpStatus.SERVICE_UNAVAILABLE, {
      zh: '服务器未安装中文字体（fonts-noto-cjk），无法生成 PDF',
      en: 'No Chinese font is installed on the server (fonts-noto-cjk); the PDF cannot be made',
    });
  }
  return fonts;
}

/**
 * 行政执法统计年报 as a PDF (SPEC D10): A4 landscape, the per-unit table with a total line, the published items per
 * category, both limits and what was done. The same document goes to the justice bureau and, once public, the portal.
 */
export async function renderAnnualReport(report: AnnualReportDocument): Promise<Buffer> {
  const fonts = fontsOrFail();
  const { statistics: s } = report;
  const title = `${report.agencyName ?? ''}${s.year}年度行政执法统计年报`;
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 40, info: { Title: title } });
  doc.registerFont('body', readFontFile(fonts.regular.path), fonts.regular.family);
  doc.registerFont('bold', readFontFile(fonts.bold.path), fonts.bold.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(18).text(title, { align: 'center' });
  doc.font('body').fontSize(10).text(`Annual enforcement disclosure statistics ${s.year}`, { align: 'center' });
  doc.moveDown(0.8);
  doc.fontSize(10);
  doc.text(`统计期间：${s.year}年1月1日至12月31日（北京时间）    统计时间：${beijing(s.assembledAt)}`);
  doc.text(
    `报送司法行政部门期限：${lastDay(report.submitBy)}    ` +
      (report.submittedAt
        ? `已报送：${beijing(report.submittedAt)}（${report.submissionReference ?? ''}）`
        : '尚未报送'),
  );
  doc.text(
    `向社会公开期限：${lastDay(report.publicBy)}    ` +
      (report.publishedAt ? `已公开：${beijing(report.publishedAt)}` : '尚未公开'),
  );
  doc.moveDown(0.8);

  // The table: a unit column, then one narrow column per count; rows never break across a page.
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const unitWidth = 92;
  const cell = (width - unitWidth) / COLUMNS.length;
  const rowHeight = 18;
  const line = (y: number) =>
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .stroke();
  let y = doc.y;
  line(y);
  doc.font('bold').fontSize(8);
  doc.text('单位 unit', left + 2, y + 4, { width: unitWidth - 4 });
  COLUMNS.forEach(([zh, en], i) => {
    doc.text(zh, left + unitWidth + i * cell, y + 3, { width: cell, align: 'center' });
    doc
      .font('body')
      .fontSize(6.5)
      .text(en, left + unitWidth + i * cell, y + 15, { width: cell, align: 'center' });
    doc.font('bold').fontSize(8);
  });
  y += 28;
  line(y);
  const rows: UnitYearStatistics[] = [...s.units, { ...s.total, unitId: '合计 total' }];
  rows.forEach((row, n) => {
    if (y + rowHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = doc.page.margins.top;
      line(y);
    }
    doc.font(n === rows.length - 1 ? 'bold' : 'body').fontSize(9);
    doc.text(row.unitId, left + 2, y + 5, { width: unitWidth - 4, lineBreak: false, ellipsis: true });
    COLUMNS.forEach(([, , key], i) => {
      doc.text(String(row[key]), left + unitWidth + i * cell, y + 5, { width: cell, align: 'center' });
    });
    y += rowHeight;
    line(y);
  });

  doc.x = left;
  doc.y = y + 14;
  doc.font('bold').fontSize(11).text('按执法类别公示数量 Published by category', left);
  doc.font('body').fontSize(10);
  const categories = Object.entries(s.publishedByCategory);
  if (categories.length === 0) doc.text('本年度无公示信息 — nothing published this year');
  for (const [category, n] of categories) doc.text(`${CATEGORY_NAMES[category] ?? category}：${n}`);
  doc.moveDown(0.8);
  doc
    .fontSize(8.5)
    .fillColor('#444444')
    .text(
      '说明：公示、撤下、更正按发生时间计入年度；应公示未公示、超期未答复为统计时状态。依据：行政执法公示制度，' +
        '每年1月15日前报送同级司法行政部门，1月31日前向社会公开。',
      { width },
    );
  doc.end();
  return done;
}
