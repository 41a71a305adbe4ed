import { OpinionDocumentInputError } from './opinion-document.errors';

/**
 * 意见书文号 — the document number, in the 发文字号 form of GB/T 9704: agency abbreviation + 法审 (the kind of
 * document), the year in hexagonal brackets 〔〕, the sequence number without leading zeros or 第, then 号.
 * `opinionDocumentNumber('衡民', 2026, 12)` → `衡民法审〔2026〕12号`.
 *
 * The sequence is per agency and year; allocating it (without gaps or repeats) is the caller's job.
 */
export function opinionDocumentNumber(agencyAbbrev: string, year: number, seq: number): string {
  const abbrev = agencyAbbrev.trim();
  if (abbrev === '' || /\s/.test(abbrev)) {
    throw new OpinionDocumentInputError(
      'agencyAbbrev',
      '机关代字不能为空或含空格',
      'the agency abbreviation must be non-empty, without spaces',
    );
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new OpinionDocumentInputError('year', `年份 ${year} 应为四位数字`, `year ${year} must have four digits`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new OpinionDocumentInputError(
      'seq',
      `顺序号 ${seq} 应为正整数`,
      `sequence ${seq} must be a positive integer`,
    );
  }
  return `${abbrev}法审〔${year}〕${seq}号`;
}
