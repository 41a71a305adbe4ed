import { fillMessage } from '../apps/web/src/i18n/fill';
import { MESSAGES } from '../apps/web/src/i18n/messages';

/** Every message of one language, by dotted key. */
function flatten(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}
const en = new Map(flatten(MESSAGES.en));
const zh = new Map(flatten(MESSAGES.zh));

describe('W1: counts read right in English (issue 11)', () => {
  it('W1, C2: the task list says "1 task" and "2 tasks", and "0 tasks"; Chinese has one form', () => {
    expect(fillMessage(en.get('tasks.total')!, { n: 1 }, 'en')).toBe('1 task');
    expect(fillMessage(en.get('tasks.total')!, { n: 2 }, 'en')).toBe('2 tasks');
    expect(fillMessage(en.get('tasks.total')!, { n: 0 }, 'en')).toBe('0 tasks');
    expect(fillMessage(zh.get('tasks.total')!, { n: 1 }, 'zh')).toBe('共 1 项');
  });

  it('W1, W3, R7, R11, D2: every counted English text has its singular — working days, cases, log entries and records, flagged items, exports, check interval', () => {
    const one: Record<string, [Record<string, number | string>, string]> = {
      'deadline.workdays': [{ n: 1 }, '1 working day'],
      'cases.total': [{ n: 1 }, '1 case'],
      'cases.checked': [{ entries: 1, records: 1 }, '1 log entry and 1 record checked'],
      'lawChanges.recorded': [{ n: 1 }, 'Recorded; 1 item flagged.'],
      'devices.exportsMissing': [{ n: 1 }, '1 export missing'],
      'devices.exportsLate': [{ n: 1 }, '1 export late'],
      'devices.checkEvery': [{ n: 1, at: 'never' }, 'Checked every 1 day; last check: never'],
    };
    for (const [key, [params, text]] of Object.entries(one)) {
      expect([key, fillMessage(en.get(key)!, params, 'en')]).toEqual([key, text]);
    }
    expect(fillMessage(en.get('cases.checked')!, { entries: 3, records: 1 }, 'en')).toBe(
      '3 log entries and 1 record checked',
    );
    expect(fillMessage(en.get('devices.checkEvery')!, { n: 30, at: 'never' }, 'en')).toBe(
      'Checked every 30 days; last check: never',
    );
  });

  it('W1: no English text puts a fixed plural after a count, nor "(s)"', () => {
    const fixed = [...en].filter(([, text]) => /\{\w+\}\s+(?:\w+\s+)?\w+s\b/.test(text) || text.includes('(s)'));
    // Allowed: a count followed by a word that is not the counted noun.
    expect(fixed.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('W1: a counted word never leaks into Chinese, and unknown parameters stay empty as before', () => {
    expect([...zh].filter(([, text]) => /\{\w+\|/.test(text))).toEqual([]);
    expect(fillMessage('{a} · {b}', { a: 'x' }, 'en')).toBe('x · ');
  });
});
