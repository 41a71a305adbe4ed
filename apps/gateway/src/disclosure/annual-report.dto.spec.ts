import { AppError } from '@enforcement/platform';
import { YearPipe } from './annual-report.dto';

describe('annual report at the edge (D10)', () => {
  const pipe = new YearPipe();

  it('D10: a four-digit year in the path is the year, also after the global pipe made it a number', () => {
    expect(pipe.transform('2025')).toBe(2025);
    expect(pipe.transform(2025)).toBe(2025);
  });

  it.each(['19x', '202', '20255', '1999', '-2025', '', NaN, 1999, 2025.5])(
    'D10: %p is a bilingual 400 naming year',
    (value) => {
      let error: unknown;
      try {
        pipe.transform(value);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      const e = error as AppError;
      expect(e.status).toBe(400);
      expect(e.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(e.messages.en).toMatch(/year/);
      expect(e.messages.zh).toMatch(/四位年份/);
    },
  );
});
