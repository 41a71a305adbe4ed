import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { totalOf, type UnitYearStatistics } from '@enforcement/domain';
import { renderAnnualReport } from './annual-report.pdf';

/*
 * D10: the annual report's PDF, read back with poppler-utils (infra/local/os-packages): its text, and one page
 * rendered to PNG (kept in the printed folder, to be looked at). Fixed figures and dates, never today's.
 */
const unit = (unitId: string, n: number): UnitYearStatistics => ({
  unitId,
  decisions: 10 * n,
  published: 9 * n,
  publishedOnTime: 8 * n,
  publishedLate: n,
  missing: n,
  exempted: n,
  withdrawnPeriodEnded: 2 * n,
  withdrawnRevoked: n,
  corrected: n,
  objectionsReceived: 2 * n,
  objectionsCorrected: n,
  objectionsRefused: n,
  objectionsLate: 0,
  objectionsOverdue: 0,
});

describe('annual report PDF (D10)', () => {
  it('D10: the report PDF names the year, every unit with its counts and the total, the categories and both January limits, in Chinese', async () => {
    const units = [unit('unit-a', 1), unit('unit-b', 3)];
    const pdf = await renderAnnualReport({
      statistics: {
        year: 2031,
        assembledAt: '2031-12-31T16:05:00.000Z',
        units,
        total: totalOf(units),
        publishedByCategory: { penalty: 30, permit: 6 },
      },
      agencyName: '某市生态环境局',
      submitBy: '2032-01-15T16:00:00.000Z',
      publicBy: '2032-01-31T16:00:00.000Z',
      submittedAt: '2032-01-12T02:30:00.000Z',
      submissionReference: '司报〔2032〕3号',
      publishedAt: null,
    });
    const dir = mkdtempSync(join(tmpdir(), 'annual-report-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('某市生态环境局2031年度行政执法统计年报');
    expect(text).toMatch(/报送司法行政部门期限：2032-01-15\s+已报送：2032-01-12 10:30（司报〔2032〕3号）/);
    expect(text).toMatch(/向社会公开期限：2032-01-31\s+尚未公开/);
    expect(text).toMatch(/unit-b\s+30\s+27\s+24\s+3\s+3\s+3\s+6\s+3\s+3\s+6\s+3\s+3\s+0\s+0/);
    expect(text).toMatch(/合计 total\s+40\s+36\s+32\s+4\s+4/);
    expect(text).toContain('行政处罚：30');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const png = readFileSync(join(dir, 'page-1.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    console.log(`annual report page rendered: ${join(dir, 'page-1.png')}`);
  });
});
