import type { YearArrangement } from '@/api/admin';

/**
 * The arrangement as typed in the form: one holiday break a line, `名称 | English name | dates` where dates are
 * `YYYY-MM-DD` separated by spaces or a range `YYYY-MM-DD~YYYY-MM-DD`; make-up working days one a line or spaced.
 */
export interface YearForm {
  year: number;
  title: string;
  docNo: string;
  issuedOn: string;
  holidays: string;
  makeupWorkdays: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function expand(token: string): string[] {
  const [from, to] = token.split('~');
  if (to === undefined || !DATE.test(from) || !DATE.test(to)) return [token];
  const out: string[] = [];
  // Civil dates: stepping in UTC keeps every day exactly once, whatever the browser's zone.
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`) && out.length < 40; d += 86_400_000)
    out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

const dates = (text: string): string[] =>
  text
    .split(/[\s,，]+/)
    .filter((t) => t.length > 0)
    .flatMap(expand);

/** The form as the API takes it; what is malformed is left for the server to name (W4 validation is its job). */
export function toArrangement(form: YearForm): YearArrangement {
  return {
    year: form.year,
    sources: [
      { title: form.title.trim(), ...(form.docNo.trim() ? { docNo: form.docNo.trim() } : {}), issuedOn: form.issuedOn },
    ],
    holidays: form.holidays
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .map((line) => {
        const [name = '', nameEn = '', days = ''] = line.split('|').map((p) => p.trim());
        return { name, nameEn, days: dates(days) };
      }),
    makeupWorkdays: dates(form.makeupWorkdays),
  };
}
