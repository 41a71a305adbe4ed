import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderRecordsDocument, type DocumentRow } from './records-export.pdf';

/* The export read back as a reader sees it, with poppler (pdftotext, pdfinfo, pdftoppm — infra/local/os-packages). */
const rows: DocumentRow[] = Array.from({ length: 90 }, (_, i) => ({
  seq: i + 1,
  step: '调查取证',
  kind: '现场检查笔录',
  at: '2026-03-02T08:00:00.000Z',
  by: 'u-officer-1',
  sha256: 'ab'.repeat(32),
  note: `record r-${i + 1}`,
}));

describe('records export PDF', () => {
  it('R8: the requester and the time are watermarked on every page of an export', async () => {
    const pdf = await renderRecordsDocument({
      title: '执法全过程记录（调阅导出）',
      heading: ['案件编号 Case: 衡民罚〔2026〕7号'],
      columns: '序号  环节  记录/音像  时间  制作人 / SHA-256',
      rows,
      watermark: '李调阅 u-officer-2 2026-03-05T01:02:03.000Z 仅供调阅 不得外传',
      footer: '调阅人 李调阅 (u-officer-2) · 2026-03-05T01:02:03.000Z',
    });
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    const file = join(dir, 'export.pdf');
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(2);
    for (let p = 1; p <= pages; p++) {
      const text = execFileSync('pdftotext', ['-raw', '-f', `${p}`, '-l', `${p}`, '-enc', 'UTF-8', file, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, '');
      expect(text).toContain('李调阅u-officer-22026-03-05T01:02:03.000Z仅供调阅');
      expect(text).toContain('调阅人李调阅(u-officer-2)');
    }
    // A picture of the first page for a person to look at (test artefact, not in git).
    const out = join(__dirname, '../../../../.local/test-results/recording-documents');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, join(out, 'records-export')]);
  }, 60_000);
});
