import type { PersonalDataSpan } from '../../personal-data.types';
import { AGENCY_SENTENCE, sentenceBefore } from '../../text/text-context';
import type { Detector } from '../detector.types';
import {
  LEGAL_REPRESENTATIVE_ROLES,
  OFFICER_ROLES,
  OTHER_PERSON_ROLES,
  PARTY_ROLES,
  TRAILING_ROLES,
  WEAK_ROLES,
  alternation,
} from './name-roles.data';
import { endsCleanly, parseNameAt, parseNameEndingAt, parseNameList, type ParsedName } from './name.parser';

/**
 * 姓名 — names of natural persons other than the party (SPEC D6 隐名处理: witnesses, agents, guardians, minors,
 * experts, family members, employees, complainants; the operator or legal representative of an individual
 * business). Rule-based: a role word (证人, 委托代理人, 其父 …) or a trailing role (张三（证人）) marks the name,
 * a surname list checks it, and every later mention of a name so found is reported too.
 *
 * Never reported: the party (当事人, 申请人, 被征收人 … and `context.party.name` wherever it occurs) — whether its
 * name is published is the caller's decision under the publication rules; officers and signatories (执法人员,
 * `context.officers`) and an organisation's legal representative, all published by rule; names already masked
 * (张某某, 李*, 王××), which leave only a surname.
 */
export const detectPersonNames: Detector = ({ text, context }) => {
  const published = new Set<string>();
  if (context.party !== undefined) published.add(context.party.name);
  for (const officer of context.officers ?? []) published.add(officer);

  const others: ParsedName[] = [];
  for (const m of text.matchAll(PARTY)) addNames(published, text, parseNameList(text, afterCue(m), false));
  for (const m of text.matchAll(OFFICERS)) addNames(published, text, parseNameList(text, afterCue(m), true));
  for (const m of text.matchAll(LEGAL_REPRESENTATIVE)) {
    const names = parseNameList(text, afterCue(m), false);
    if (isIndividualBusiness(text, m.index, context.party?.kind)) others.push(...names);
    else addNames(published, text, names);
  }
  for (const m of text.matchAll(OTHER)) others.push(...parseNameList(text, afterCue(m), true));
  for (const m of text.matchAll(WEAK)) {
    if (AGENCY_SENTENCE.test(sentenceBefore(text, afterCue(m), 80))) continue;
    const name = parseNameAt(text, afterCue(m));
    if (name !== null && endsCleanly(text, name.end)) others.push(name);
  }
  for (const m of text.matchAll(TRAILING)) {
    const name = parseNameEndingAt(text, m.index);
    if (name !== null) others.push(name);
  }
  return everyMention(text, others, published);
};

// 证人：张三 / 证人姓名为张三 / 证人（未成年人）张三
const CUE_TAIL = String.raw`\s?(?:\([^()]{1,8}\))?\s?(?:姓名)?\s?(?:为|是)?\s?:?\s?`;
const PARTY = new RegExp(String.raw`(?:(?:${alternation(PARTY_ROLES)})${CUE_TAIL})`, 'g');
// 被询问人 is the person questioned, not the officer asking (询问人).
const OFFICERS = new RegExp(String.raw`(?<!被)(?:${alternation(OFFICER_ROLES)})(?:\d名|两名|二名)?${CUE_TAIL}`, 'g');
const LEGAL_REPRESENTATIVE = new RegExp(
  String.raw`(?<!现场|实际)(?:${alternation(LEGAL_REPRESENTATIVE_ROLES)})(?:\((?:经营者|负责人)\))?${CUE_TAIL}`,
  'g',
);
const OTHER = new RegExp(String.raw`(?:${alternation(OTHER_PERSON_ROLES)})${CUE_TAIL}`, 'g');
const WEAK = new RegExp(String.raw`(?:${alternation(WEAK_ROLES)})${CUE_TAIL}`, 'g');
// One-character relations (女, 子 …) count only after 当事人/其 (张三（系当事人之女）): "（女）" after a name is its sex.
const LONG_TRAILING = alternation(TRAILING_ROLES.filter((role) => role.length > 1));
const TRAILING = new RegExp(
  String.raw`(?:\(|,\s?系)(?:系|是|为)?(?:(?:当事人|其)(?:的|之)?(?:${alternation(TRAILING_ROLES)})|(?:${LONG_TRAILING}))(?=[),;。、\s]|$)`,
  'g',
);

function afterCue(m: RegExpMatchArray): number {
  return m.index! + m[0].length;
}

function addNames(into: Set<string>, text: string, names: ParsedName[]): void {
  for (const name of names) if (!name.masked) into.add(text.slice(name.start, name.end));
}

const INDIVIDUAL_BUSINESS = /个体工商户|个体户|个体经营|经营者/;

function isIndividualBusiness(text: string, index: number, kind: string | undefined): boolean {
  if (kind !== undefined) return kind === 'individual-business';
  return INDIVIDUAL_BUSINESS.test(text.slice(Math.max(0, index - 200), index + 40));
}

/** Every occurrence of each name found, minus the published ones and mentions inside a longer published name. */
function everyMention(text: string, found: ParsedName[], published: Set<string>): PersonalDataSpan[] {
  const names = new Set<string>();
  for (const name of found) {
    const value = text.slice(name.start, name.end);
    if (!name.masked && !published.has(value)) names.add(value);
  }
  const publishedSpans = [...published].filter((p) => p.length > 0).flatMap((p) => occurrences(text, p));
  const spans: PersonalDataSpan[] = [];
  for (const name of names) {
    for (const [start, end] of occurrences(text, name)) {
      if (publishedSpans.some(([s, e]) => s <= start && end <= e && e - s > end - start)) continue;
      spans.push({ type: 'person-name', start, end });
    }
  }
  return spans;
}

function occurrences(text: string, value: string): Array<[number, number]> {
  const at: Array<[number, number]> = [];
  for (let i = text.indexOf(value); i !== -1; i = text.indexOf(value, i + 1)) at.push([i, i + value.length]);
  return at;
}
