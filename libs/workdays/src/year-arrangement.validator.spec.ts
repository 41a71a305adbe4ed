import type { YearArrangementIssue } from './calendar.errors';
import { BUNDLED_YEAR_ARRANGEMENTS } from './holidays.data';
import { hypothetical2027 } from './testing/year-arrangement.fixture';
import { validateYearArrangement } from './year-arrangement.validator';

type Mutable<T> = {
  -readonly [K in keyof T]: T[K] extends readonly (infer U)[]
    ? Mutable<U>[]
    : T[K] extends object
      ? Mutable<T[K]>
      : T[K];
};

/** A deep, writable copy of the fixture for each test to break in one place. */
const draft = (): Mutable<ReturnType<typeof hypothetical2027>> => JSON.parse(JSON.stringify(hypothetical2027()));

function issuesOf(input: unknown): YearArrangementIssue[] {
  const result = validateYearArrangement(input);
  return result.ok ? [] : [...result.errors];
}

function codes(input: unknown): string[] {
  return issuesOf(input).map((issue) => `${issue.path} ${issue.code}`);
}

describe('validateYearArrangement (SPEC W4 admin input)', () => {
  it('W4: accepts a well-formed arrangement and returns a frozen, sorted copy', () => {
    const input = draft();
    input.makeupWorkdays.reverse();
    const result = validateYearArrangement(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.makeupWorkdays).toEqual(['2027-02-14', '2027-04-25', '2027-09-26', '2027-10-09']);
    expect(Object.isFrozen(result.value)).toBe(true);
    expect(Object.isFrozen(result.value.holidays[0].days)).toBe(true);
    expect(result.value).not.toBe(input);
  });

  it('W4: every bundled year passes', () => {
    for (const arrangement of BUNDLED_YEAR_ARRANGEMENTS) expect(issuesOf(arrangement)).toEqual([]);
  });

  it('W4: a date both off and working is rejected, naming the date and both places', () => {
    const input = draft();
    input.makeupWorkdays.push('2027-10-02'); // a Saturday inside National Day
    const [issue] = issuesOf(input);
    expect(issue).toMatchObject({ path: 'makeupWorkdays[4]', code: 'WORKDAYS.DATE_BOTH_OFF_AND_WORKING' });
    expect(issue.message_zh).toContain('2027-10-02');
    expect(issue.message_zh).toContain('holidays[6].days[1]');
    expect(issue.message_en).toContain('both as a holiday');
  });

  it('W4: every date must lie inside the stated year', () => {
    const input = draft();
    input.holidays[0].days.unshift('2026-12-31');
    input.makeupWorkdays.push('2028-01-08');
    expect(codes(input)).toEqual(
      expect.arrayContaining([
        'holidays[0].days[0] WORKDAYS.DATE_OUTSIDE_YEAR',
        'makeupWorkdays[4] WORKDAYS.DATE_OUTSIDE_YEAR',
      ]),
    );
  });

  it('W4: dates must be real ISO dates', () => {
    const input = draft();
    input.holidays[4].days = ['2027-06-31'];
    input.makeupWorkdays[0] = '2027/02/14';
    const issues = issuesOf(input);
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'holidays[4].days[0] WORKDAYS.DATE_INVALID',
      'makeupWorkdays[0] WORKDAYS.DATE_INVALID',
    ]);
    expect(issues[0].message_en).toContain('YYYY-MM-DD');
  });

  it('W4: a make-up working day must fall on a weekend, and the message names the weekday', () => {
    const input = draft();
    input.makeupWorkdays.push('2027-03-10');
    const [issue] = issuesOf(input);
    expect(issue).toMatchObject({ path: 'makeupWorkdays[4]', code: 'WORKDAYS.MAKEUP_NOT_WEEKEND' });
    expect(issue.message_zh).toContain('周三');
    expect(issue.message_en).toContain('Wednesday');
  });

  it('W4: duplicate dates are rejected', () => {
    const input = draft();
    input.holidays[5].days = ['2027-06-09']; // already Dragon Boat
    input.makeupWorkdays.push('2027-02-14');
    expect(codes(input)).toEqual([
      'holidays[5].days[0] WORKDAYS.DATE_DUPLICATE',
      'makeupWorkdays[4] WORKDAYS.DATE_DUPLICATE',
    ]);
  });

  it('W4: a break must be one consecutive run and not implausibly long', () => {
    const gap = draft();
    gap.holidays[3].days = ['2027-05-01', '2027-05-03'];
    expect(codes(gap)).toContain('holidays[3].days WORKDAYS.HOLIDAY_NOT_CONSECUTIVE');
    const long = draft();
    long.holidays[1].days = Array.from({ length: 14 }, (_, i) => `2027-02-${String(i + 1).padStart(2, '0')}`);
    expect(codes(long)).toContain('holidays[1].days WORKDAYS.HOLIDAY_TOO_LONG');
  });

  it('W4: a year with too few or too many holiday weekdays is flagged as implausible', () => {
    const sparse = draft();
    sparse.holidays = sparse.holidays.slice(0, 2);
    sparse.makeupWorkdays = [];
    // Only New Year and Spring Festival: 7 holiday weekdays, and a net loss of 7 working days.
    expect(codes(sparse)).toEqual([
      'holidays WORKDAYS.HOLIDAY_WEEKDAYS_OUT_OF_RANGE',
      ' WORKDAYS.NET_DAYS_OFF_OUT_OF_RANGE',
    ]);
    const netTooHigh = draft();
    netTooHigh.makeupWorkdays = [];
    expect(codes(netTooHigh)).toEqual([' WORKDAYS.NET_DAYS_OFF_OUT_OF_RANGE']);
  });

  it('W4: an exceptional notice can pass when the caller widens the bounds on purpose', () => {
    const input = draft();
    input.makeupWorkdays = [];
    expect(validateYearArrangement(input, { bounds: { maxNetDaysOff: 20 } }).ok).toBe(true);
  });

  it('W4: the year, the sources and the structure are checked', () => {
    expect(codes(null)).toEqual([' WORKDAYS.NOT_AN_OBJECT']);
    expect(codes([])).toEqual([' WORKDAYS.NOT_AN_OBJECT']);
    expect(codes({ ...draft(), year: 2027.5 })).toContain('year WORKDAYS.YEAR_INVALID');
    expect(codes({ ...draft(), year: '2027' })).toContain('year WORKDAYS.YEAR_INVALID');
    expect(codes({ ...draft(), sources: [] })).toEqual(['sources WORKDAYS.SOURCE_MISSING']);
    expect(codes({ ...draft(), sources: [{ title: ' ', issuedOn: '2026-11-31' }] })).toEqual([
      'sources[0].title WORKDAYS.TEXT_MISSING',
      'sources[0].issuedOn WORKDAYS.DATE_INVALID',
    ]);
    expect(codes({ ...draft(), sources: [{ title: 'x', issuedOn: '2020-01-01', docNo: '' }] })).toEqual([
      'sources[0].docNo WORKDAYS.SOURCE_INVALID',
      'sources[0].issuedOn WORKDAYS.SOURCE_DATE_IMPLAUSIBLE',
    ]);
    expect(codes({ ...draft(), holidays: 'none' })).toEqual(['holidays WORKDAYS.HOLIDAYS_MISSING']);
    expect(codes({ ...draft(), makeupWorkdays: undefined })).toEqual(['makeupWorkdays WORKDAYS.MAKEUP_MISSING']);
    const unnamed = draft();
    (unnamed.holidays[0] as { name?: string }).name = undefined;
    unnamed.holidays[1].days = [];
    expect(codes(unnamed)).toEqual([
      'holidays[0].name WORKDAYS.TEXT_MISSING',
      'holidays[1].days WORKDAYS.HOLIDAY_DAYS_MISSING',
    ]);
  });

  it('W7: an arrangement marked provisional is refused — the calendar derives that year itself; agencies publish official data', () => {
    expect(codes({ ...draft(), provisional: true })).toEqual(['provisional WORKDAYS.PROVISIONAL_NOT_ACCEPTED']);
    expect(codes({ ...draft(), provisional: false })).toEqual(['provisional WORKDAYS.PROVISIONAL_NOT_ACCEPTED']);
    const [issue] = issuesOf({ ...draft(), provisional: true });
    expect(issue.message_zh).toContain('《全国年节及纪念日放假办法》');
    expect(issue.message_en).toContain('publish only the official State Council arrangement');
    // A spread that leaves the key undefined (e.g. { ...published }) is no marker.
    expect(codes({ ...draft(), provisional: undefined })).toEqual([]);
  });

  it('W4: all problems are reported at once, each with a path, a stable code and both languages', () => {
    const input = draft();
    input.makeupWorkdays.push('2027-10-02', '2027-03-10', '2028-01-01');
    input.holidays[4].days = ['2027-13-01'];
    const issues = issuesOf(input);
    expect(issues.length).toBeGreaterThanOrEqual(4);
    for (const issue of issues) {
      expect(issue.code).toMatch(/^WORKDAYS\.[A-Z_]+$/);
      expect(issue.message_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.message_en).toMatch(/^[\x20-\x7e–—’]+$/);
    }
  });
});
