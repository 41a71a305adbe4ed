import PDFDocument from 'pdfkit';
import { HttpStatus } from '@nestjs/common';
import { findCjkFonts, readFontFile } from '@enforcement/platform/documents/cjk-font';
import { AppError } from '@enforcement/platform';

/** One line of an export or a case-file index: a text record or an AV file, with its hash. */
export interface DocumentRow {
  seq: number;
  step: string;
  kind: string;
  at: string;
  by: string;
  sha256: string;
  note: string;
}

export interface DocumentSpec {
  title: string;
  /** Lines under the title: case number, case title, unit, party… */
  heading: string[];
  columns: string;
  rows: DocumentRow[];
  /** Drawn across every page (R8 export watermark); none for the archive cover. */
  watermark: string | null;
  footer: string;
}

const GREY = '#9a9a9a';

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
 * Renders a records document: the export of a case's records (SPEC R8, watermarked with the requester and time on
 * every page so a leaked copy names its source) or the archive's cover and case-file index (R10, 卷内文件目录).
 */
export async function renderRecordsDocument(spec: DocumentSpec): Promise<Buffer> {
  const fonts = fontsOrFail();
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: spec.title }, bufferPages: true });
  doc.registerFont('body', readFontFile(fonts.regular.path), fonts.regular.family);
  doc.registerFont('bold', readFontFile(fonts.bold.path), fonts.bold.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const stamp = () => {
    // Drawn in the bottom margin: with the margin in force pdfkit would open a page for it, and stamp that one too.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.save();
    doc
      .font('body')
      .fontSize(8)
      .fillColor(GREY)
      .text(spec.footer, 56, doc.page.height - 40, {
        width: doc.page.width - 112,
        lineBreak: false,
      });
    if (spec.watermark) {
      doc.fillOpacity(0.3).fontSize(13);
      for (let row = 0; row < 6; row++) {
        doc.save();
        doc.rotate(-30, { origin: [doc.page.width / 2, 110 + row * 130] });
        doc.text(spec.watermark, 40, 110 + row * 130, {
          width: doc.page.width - 80,
          align: 'center',
          lineBreak: false,
        });
        doc.restore();
      }
    }
    doc.restore();
    doc.page.margins.bottom = bottom;
  };

  doc.font('bold').fontSize(18);
  doc.text(spec.title, { align: 'center' });
  doc.moveDown(0.8);
  doc.font('body').fontSize(10.5);
  for (const line of spec.heading) doc.text(line);
  doc.moveDown(0.6);
  doc.font('bold').fontSize(9);
  doc.text(spec.columns);
  doc.font('body').fontSize(9);
  for (const r of spec.rows) {
    doc.moveDown(0.3);
    doc.text(`${r.seq}. [${r.step}] ${r.kind}  ${r.at}  ${r.by}`);
    if (r.note) doc.text(r.note, { indent: 14 });
    doc.fillColor('#333333').text(`SHA-256 ${r.sha256}`, { indent: 14 }).fillColor('black');
  }
  // Stamped once the pages exist: drawing while pdfkit is breaking a paragraph across pages disturbs its layout.
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    stamp();
  }
  doc.end();
  return done;
}
