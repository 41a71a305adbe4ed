import fc from 'fast-check';
import {
  MATERIAL_CHECKLIST,
  missingMaterials,
  requiredMaterials,
  type CaseFacts,
  type EvidenceKind,
  type MaterialItemId,
} from './materials.rules';

const BARE: CaseFacts = {
  initiation: 'filing',
  evidenceCollected: [],
  appraisalDone: false,
  expertConsulted: false,
  hearingHeld: false,
  discretionExercised: false,
  otherMaterials: false,
};

const items = (facts: CaseFacts): MaterialItemId[] => requiredMaterials(facts).map((r) => r.item);

describe('review materials (L4)', () => {
  it('L4: the checklist has the seven kinds of the regulation, numbered 1–7 in order', () => {
    const kinds = [...new Set(MATERIAL_CHECKLIST.map((r) => `${r.kindNo}:${r.kind}`))];
    expect(kinds).toEqual([
      '1:case-source-and-filing',
      '2:officer-qualifications',
      '3:investigation-and-evidence',
      '4:procedure-records',
      '5:draft-decision',
      '6:discretion',
      '7:other',
    ]);
    expect(MATERIAL_CHECKLIST.every((r) => r.label_zh.length > 0 && r.label_en.length > 0)).toBe(true);
  });

  it('L4: a filed case always needs its source, filing approval, qualifications, procedure records and the draft with its basis', () => {
    expect(items(BARE)).toEqual([
      'case-source',
      'filing-approval',
      'officer-qualifications',
      'procedure-records',
      'draft-decision',
      'facts-and-legal-basis',
    ]);
  });

  it('L4: an application-driven case (permit) has no filing approval to submit', () => {
    expect(items({ ...BARE, initiation: 'application' })).not.toContain('filing-approval');
  });

  it('L4: hearing materials are required only when a hearing was held', () => {
    expect(items(BARE)).not.toContain('hearing-materials');
    expect(items({ ...BARE, hearingHeld: true })).toContain('hearing-materials');
  });

  it('L4: the discretion benchmark and reasons are required only when discretion was used', () => {
    expect(items(BARE)).not.toContain('discretion-benchmark');
    expect(items({ ...BARE, discretionExercised: true })).toEqual(
      expect.arrayContaining(['discretion-benchmark', 'discretion-reasons']),
    );
  });

  it('L4: appraisal and expert opinions are required only when an appraisal or a consultation took place', () => {
    expect(items(BARE)).not.toEqual(expect.arrayContaining(['appraisal-opinion']));
    expect(items({ ...BARE, appraisalDone: true })).toContain('appraisal-opinion');
    expect(items({ ...BARE, appraisalDone: true })).not.toContain('expert-opinion');
    expect(items({ ...BARE, expertConsulted: true })).toContain('expert-opinion');
  });

  it('L4: each kind of evidence gathered must be submitted, and other materials only when the unit relies on them', () => {
    const evidence: EvidenceKind[] = ['witness-testimony', 'physical-evidence'];
    expect(items({ ...BARE, evidenceCollected: evidence })).toEqual(expect.arrayContaining(evidence));
    expect(items({ ...BARE, evidenceCollected: evidence })).not.toContain('documentary-evidence');
    expect(items(BARE)).not.toContain('other-materials');
    expect(items({ ...BARE, otherMaterials: true })).toContain('other-materials');
  });

  it('L4: missingMaterials lists what is not submitted, in checklist order, treating a blank document as missing', () => {
    const required = requiredMaterials({ ...BARE, hearingHeld: true });
    const missing = missingMaterials(required, [
      { item: 'draft-decision', documentRef: 'sha256:draft' },
      { item: 'case-source', documentRef: '  ' },
      { item: 'procedure-records', documentRef: 'sha256:procedure' },
      { item: 'witness-testimony', documentRef: 'sha256:not-required' },
    ]);
    expect(missing.map((r) => r.item)).toEqual([
      'case-source',
      'filing-approval',
      'officer-qualifications',
      'hearing-materials',
      'facts-and-legal-basis',
    ]);
  });

  const factsArb: fc.Arbitrary<CaseFacts> = fc.record({
    initiation: fc.constantFrom('filing', 'application' as const),
    evidenceCollected: fc.subarray<EvidenceKind>([
      'documentary-evidence',
      'physical-evidence',
      'audio-visual-evidence',
      'party-statement',
      'witness-testimony',
      'on-site-transcript',
      'inspection-transcript',
    ]),
    appraisalDone: fc.boolean(),
    expertConsulted: fc.boolean(),
    hearingHeld: fc.boolean(),
    discretionExercised: fc.boolean(),
    otherMaterials: fc.boolean(),
  });

  it('L4: property — missing items are exactly the required items not submitted, and a full submission misses nothing', () => {
    fc.assert(
      fc.property(factsArb, fc.subarray(MATERIAL_CHECKLIST.map((r) => r.item)), (facts, submittedItems) => {
        const required = requiredMaterials(facts);
        const submitted = submittedItems.map((item) => ({ item, documentRef: `doc:${item}` }));
        const missing = missingMaterials(required, submitted).map((r) => r.item);
        expect(missing).toEqual(required.map((r) => r.item).filter((item) => !submittedItems.includes(item)));
        const all = required.map((r) => ({ item: r.item, documentRef: `doc:${r.item}` }));
        expect(missingMaterials(required, all)).toEqual([]);
      }),
    );
  });
});
