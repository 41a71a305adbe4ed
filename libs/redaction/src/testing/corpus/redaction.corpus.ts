import type { LabelledText } from '../labelled-text';
import { agency } from './agencies.fixture';
import { penaltyDecision, permitDecision, seizureDecision } from './decision.templates';
import {
  abstractTable,
  expropriationDecision,
  inspectionResult,
  taxDecision,
  trafficDecision,
} from './disclosure.templates';
import { place } from './personal-values.fixture';
import { SeededRandom } from './seeded-random';

const FORMATS = [
  penaltyDecision,
  penaltyDecision,
  permitDecision,
  seizureDecision,
  inspectionResult,
  expropriationDecision,
  abstractTable,
  trafficDecision,
  taxDecision,
];

/**
 * The synthetic labelled set: `count` decision texts from a fixed seed, cycling through the formats, each for a
 * random agency of a random kind and city. Same seed, same texts, same labels, on every machine.
 */
export function redactionCorpus(count = 360, seed = 20_260_312): LabelledText[] {
  const r = new SeededRandom(seed);
  const texts: LabelledText[] = [];
  for (let i = 0; i < count; i++) {
    const where = place(r);
    const write = FORMATS[i % FORMATS.length];
    texts.push(write(r, agency(r, where.region, where.city), `gen-${String(i).padStart(3, '0')}`));
  }
  return texts;
}
