import { AGENCY_SENTENCE, sentenceBefore } from '../text/text-context';
import { eachMatch, type Detector } from './detector.types';

/** 电子邮箱 — e-mail addresses of anyone but the agency (whose 邮箱 is published with its contacts, SPEC D1). */
export const detectEmails: Detector = ({ text }) =>
  eachMatch(EMAIL, text, (m) =>
    AGENCY_SENTENCE.test(sentenceBefore(text, m.index, 80))
      ? null
      : { type: 'email', start: m.index, end: m.index + m[0].length },
  );

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
