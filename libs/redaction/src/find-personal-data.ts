import { detectAddresses } from './detectors/address.detector';
import { detectBankCards } from './detectors/bank-card.detector';
import { detectBirthDates } from './detectors/birth-date.detector';
import type { Detector, ScanInput } from './detectors/detector.types';
import { detectEmails } from './detectors/email.detector';
import { detectIdNumbers } from './detectors/id-number.detector';
import { detectPersonNames } from './detectors/person-name/person-name.detector';
import { detectPhones } from './detectors/phone.detector';
import { detectPlates } from './detectors/plate.detector';
import { detectPropertyCertificates } from './detectors/property-certificate.detector';
import type { PersonalDataSpan, RedactionContext } from './personal-data.types';
import { resolveOverlaps } from './spans/span.resolve';
import { normalise } from './text/normalise';

const DETECTORS: readonly Detector[] = [
  detectIdNumbers,
  detectPhones,
  detectBankCards,
  detectEmails,
  detectPlates,
  detectPropertyCertificates,
  detectBirthDates,
  detectAddresses,
  detectPersonNames,
];

/**
 * 区分处理 (SPEC D6) — finds the personal data a full-text publication must hide, in Chinese free text.
 * Offsets are UTF-16 code units into `text` as given (full-width digits and odd spaces are read through, never
 * shifted); `end` is exclusive; the result is sorted and never overlaps. Pure: no I/O, no Node built-ins, so it
 * runs in workflow code and in a browser.
 */
export function findPersonalData(text: string, context: RedactionContext = {}): PersonalDataSpan[] {
  const input: ScanInput = { original: text, text: normalise(text), context };
  return resolveOverlaps(DETECTORS.flatMap((detect) => detect(input)));
}
