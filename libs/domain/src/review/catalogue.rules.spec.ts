import fc from 'fast-check';
import { DEMO_CIVIL_AFFAIRS_CATALOGUE as DEMO } from './catalogue.demo';
import { assessMajorDecision, catalogueInForce, validateCatalogue } from './catalogue.rules';
import type { MajorDecisionCatalogue, ProposedDecision } from './catalogue.types';
import { ReviewRuleError } from './review.errors';

const generalPenalty = (extra: Partial<ProposedDecision> = {}): ProposedDecision => ({
  category: 'penalty',
  procedure: 'general',
  partyType: 'organisation',
  ...extra,
});

function entryIds(proposed: ProposedDecision, catalogue: MajorDecisionCatalogue = DEMO): string[] {
  return assessMajorDecision(catalogue, proposed).entries.map((entry) => entry.entryId);
}

describe('major-decision catalogue (L1)', () => {
  it('L1: the demo catalogue is valid and every entry says where its numbers come from', () => {
    expect(validateCatalogue(DEMO)).toEqual([]);
    expect(
      DEMO.entries.every((entry) => entry.provenance === 'seed' || entry.provenance === 'configurable-default'),
    ).toBe(true);
  });

  it('L1: a fine at the organisation threshold is major (以上 includes the threshold) and one yuan less is not', () => {
    const atThreshold = assessMajorDecision(DEMO, generalPenalty({ fineYuan: 50_000 }));
    expect(atThreshold).toMatchObject({ mandatory: true, catalogueVersion: 1, widenedScope: false });
    expect(atThreshold.entries).toEqual([
      {
        entryId: 'penalty-large-fine',
        title: DEMO.entries[0].title,
        reasons: [
          expect.objectContaining({ criterion: 'penalty-amount', observedYuan: 50_000, thresholdYuan: 50_000 }),
        ],
      },
    ]);
    expect(assessMajorDecision(DEMO, generalPenalty({ fineYuan: 49_999 })).mandatory).toBe(false);
  });

  it('L1: the amount threshold depends on the party type (person 5 000, organisation 50 000)', () => {
    expect(entryIds(generalPenalty({ partyType: 'person', fineYuan: 5_000 }))).toEqual(['penalty-large-fine']);
    expect(entryIds(generalPenalty({ partyType: 'organisation', fineYuan: 5_000 }))).toEqual([]);
    expect(entryIds(generalPenalty({ partyType: 'person', confiscationValueYuan: 6_000 }))).toEqual([
      'penalty-large-confiscation',
    ]);
  });

  it.each<[string, ProposedDecision, string]>([
    ['licence revocation', generalPenalty({ licenceAction: 'revocation' }), 'penalty-revoke-registration'],
    ['licence suspension', generalPenalty({ licenceAction: 'suspension' }), 'penalty-revoke-registration'],
    ['closure order', generalPenalty({ closureOrder: true }), 'penalty-closure'],
    ['hearing held', generalPenalty({ hearingHeld: true }), 'penalty-after-hearing'],
    [
      'coercive measure on major property',
      {
        category: 'coercive-measure',
        procedure: 'general',
        partyType: 'organisation',
        coercedPropertyValueYuan: 100_000,
      },
      'coercive-major-property',
    ],
    [
      'permit revocation',
      { category: 'permit', procedure: 'general', partyType: 'person', licenceAction: 'revocation' },
      'permit-revoke',
    ],
    [
      'wide social impact',
      { category: 'inspection', procedure: 'general', partyType: 'organisation', wideSocialImpact: true },
      'wide-impact-or-complex',
    ],
    ['complex case', generalPenalty({ complex: true }), 'wide-impact-or-complex'],
    [
      'leadership deems major',
      { category: 'fee', procedure: 'general', partyType: 'person', leadershipDeemedMajor: true },
      'leadership-deems-major',
    ],
  ])('L1: %s makes the decision major under its entry', (_label, proposed, entryId) => {
    const assessment = assessMajorDecision(DEMO, proposed);
    expect(assessment.mandatory).toBe(true);
    expect(assessment.entries.map((entry) => entry.entryId)).toContain(entryId);
    for (const entry of assessment.entries) {
      for (const reason of entry.reasons) {
        expect(reason.text_zh.length).toBeGreaterThan(0);
        expect(reason.text_en.length).toBeGreaterThan(0);
      }
    }
  });

  it('L1: a decision matching several criteria lists every matching entry with its reasons', () => {
    const assessment = assessMajorDecision(
      DEMO,
      generalPenalty({ fineYuan: 80_000, closureOrder: true, hearingHeld: true, complex: true }),
    );
    expect(assessment.entries.map((entry) => entry.entryId)).toEqual([
      'penalty-large-fine',
      'penalty-closure',
      'penalty-after-hearing',
      'wide-impact-or-complex',
    ]);
  });

  it('L1: entries apply only to their categories (a coercive measure is not judged by the penalty fine threshold)', () => {
    const coercive: ProposedDecision = {
      category: 'coercive-measure',
      procedure: 'general',
      partyType: 'organisation',
      fineYuan: 1_000_000,
    };
    expect(assessMajorDecision(DEMO, coercive).mandatory).toBe(false);
  });

  it('L1: a simplified-procedure decision is never mandatory, even with the agency-wide switch on', () => {
    const widened: MajorDecisionCatalogue = { ...DEMO, reviewAllOutsideSimplifiedProcedure: true };
    const simplified = generalPenalty({ procedure: 'simplified', fineYuan: 100_000, hearingHeld: true });
    expect(assessMajorDecision(DEMO, simplified)).toMatchObject({ mandatory: false, entries: [], widenedScope: false });
    expect(assessMajorDecision(widened, simplified)).toMatchObject({
      mandatory: false,
      entries: [],
      widenedScope: false,
    });
  });

  it('L1: an entry may opt in simplified-procedure decisions', () => {
    const optIn: MajorDecisionCatalogue = {
      ...DEMO,
      entries: [{ ...DEMO.entries[0], appliesToSimplifiedProcedure: true }],
    };
    const simplified = generalPenalty({ procedure: 'simplified', fineYuan: 60_000 });
    expect(entryIds(simplified, optIn)).toEqual(['penalty-large-fine']);
  });

  it('L1: with reviewAllOutsideSimplifiedProcedure every general-procedure decision is mandatory, flagged as widened scope', () => {
    const widened: MajorDecisionCatalogue = { ...DEMO, version: 2, reviewAllOutsideSimplifiedProcedure: true };
    expect(assessMajorDecision(widened, generalPenalty({ fineYuan: 200 }))).toEqual({
      mandatory: true,
      entries: [],
      widenedScope: true,
      agencyId: DEMO.agencyId,
      catalogueVersion: 2,
      reviewLimit: null,
    });
    expect(entryIds(generalPenalty({ fineYuan: 90_000 }), widened)).toEqual(['penalty-large-fine']);
  });

  it('L1: the version in force on a date is the latest one already effective, per agency', () => {
    const v2: MajorDecisionCatalogue = { ...DEMO, version: 2, effectiveFrom: '2025-07-01' };
    const otherAgency: MajorDecisionCatalogue = { ...DEMO, agencyId: 'other', version: 9, effectiveFrom: '2020-01-01' };
    const versions = [v2, DEMO, otherAgency];
    expect(catalogueInForce(versions, DEMO.agencyId, '2025-06-30').version).toBe(1);
    expect(catalogueInForce(versions, DEMO.agencyId, '2025-07-01').version).toBe(2);
    expect(() => catalogueInForce(versions, DEMO.agencyId, '2023-12-31')).toThrow(
      expect.objectContaining({ code: 'REVIEW.CATALOGUE_NOT_IN_FORCE' }),
    );
  });

  it('L1: validateCatalogue reports every problem at once', () => {
    const broken: MajorDecisionCatalogue = {
      ...DEMO,
      version: 0,
      entries: [
        {
          ...DEMO.entries[0],
          criteria: [{ kind: 'penalty-amount', measure: 'fine', minYuan: { person: -1, organisation: 1.5 } }],
        },
        { ...DEMO.entries[1], id: DEMO.entries[0].id, categories: [] },
        { ...DEMO.entries[2], criteria: [] },
      ],
    };
    expect(validateCatalogue(broken).map((issue) => issue.path)).toEqual([
      'version',
      'entries[0].criteria[0].minYuan.person',
      'entries[0].criteria[0].minYuan.organisation',
      'entries[1].id',
      'entries[1].categories',
      'entries[2].criteria',
    ]);
  });

  describe('reviewPolicy: the agency review settings adopted with a version (L1, L11)', () => {
    const withPolicy = (reviewPolicy: unknown): MajorDecisionCatalogue =>
      ({ ...DEMO, reviewPolicy }) as MajorDecisionCatalogue;

    it('L1: the demo catalogue has no review settings of its own (seed 000: no expert panel)', () => {
      expect(DEMO.reviewPolicy).toBeUndefined();
    });

    it('L1, L11: an expert panel, or a complete set of valid settings, is accepted', () => {
      expect(validateCatalogue(withPolicy({ expertPanelEstablished: true }))).toEqual([]);
      expect(validateCatalogue(withPolicy({}))).toEqual([]);
      expect(
        validateCatalogue(
          withPolicy({
            expertPanelEstablished: false,
            standardReviewWorkdays: 5,
            urgentReviewWorkdays: 2,
            extensionWorkdays: 0,
            supplementWindowWorkdays: 10,
            submissionLeadWorkdays: 0,
            warningWorkdaysBefore: 2,
            collectiveDiscussionRequiredFor: ['penalty', 'coercive-measure'],
          }),
        ),
      ).toEqual([]);
    });

    it('L1: every problem in the settings is reported, in Chinese and English, under reviewPolicy', () => {
      const issues = validateCatalogue(
        withPolicy({
          expertPanelEstablished: 'yes',
          standardReviewWorkdays: 0,
          extensionWorkdays: 1.5,
          supplementWindowWorkdays: 31,
          warningWorkdaysBefore: -1,
          collectiveDiscussionRequiredFor: ['penalty', 'unknown', 'penalty'],
          expertPanel: true,
        }),
      );
      expect(issues.map((issue) => issue.path)).toEqual([
        'reviewPolicy.expertPanel',
        'reviewPolicy.standardReviewWorkdays',
        'reviewPolicy.extensionWorkdays',
        'reviewPolicy.supplementWindowWorkdays',
        'reviewPolicy.warningWorkdaysBefore',
        'reviewPolicy.expertPanelEstablished',
        'reviewPolicy.collectiveDiscussionRequiredFor[1]',
        'reviewPolicy.collectiveDiscussionRequiredFor[2]',
      ]);
      for (const issue of issues) {
        expect(issue.message_zh).toMatch(/[\u4e00-\u9fff]/);
        expect(issue.message_en).toMatch(/^[\x20-\x7e]+$/);
      }
    });

    it('L1: the urgent limit may not exceed the standard one, counting defaults for what is not set', () => {
      expect(validateCatalogue(withPolicy({ urgentReviewWorkdays: 4 })).map((issue) => issue.path)).toEqual([
        'reviewPolicy.urgentReviewWorkdays',
      ]);
      expect(validateCatalogue(withPolicy({ urgentReviewWorkdays: 4, standardReviewWorkdays: 4 }))).toEqual([]);
    });

    it('L12: penalty cannot be taken out of the categories decided by collective discussion', () => {
      expect(validateCatalogue(withPolicy({ collectiveDiscussionRequiredFor: [] }))).toEqual([
        expect.objectContaining({ path: 'reviewPolicy.collectiveDiscussionRequiredFor' }),
      ]);
      expect(validateCatalogue(withPolicy({ collectiveDiscussionRequiredFor: 'penalty' }))).toEqual([
        expect.objectContaining({ path: 'reviewPolicy.collectiveDiscussionRequiredFor' }),
      ]);
    });

    it('L1: settings that are not an object are one problem', () => {
      expect(validateCatalogue(withPolicy(null)).map((issue) => issue.path)).toEqual(['reviewPolicy']);
      expect(validateCatalogue(withPolicy([true])).map((issue) => issue.path)).toEqual(['reviewPolicy']);
    });
  });

  it('L1: a negative or fractional amount is refused with REVIEW.INVALID_PROPOSED_DECISION', () => {
    const run = (): unknown => assessMajorDecision(DEMO, generalPenalty({ fineYuan: -5 }));
    expect(run).toThrow(ReviewRuleError);
    expect(run).toThrow(expect.objectContaining({ code: 'REVIEW.INVALID_PROPOSED_DECISION', category: 'invalid' }));
    expect(() => assessMajorDecision(DEMO, generalPenalty({ coercedPropertyValueYuan: 0.5 }))).toThrow(ReviewRuleError);
  });

  const proposedArb = fc.record({
    category: fc.constantFrom(
      'permit',
      'penalty',
      'coercive-measure',
      'inspection',
      'expropriation',
      'fee',
      'confirmation',
      'other' as const,
    ),
    procedure: fc.constantFrom('simplified', 'general' as const),
    partyType: fc.constantFrom('person', 'organisation' as const),
    fineYuan: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
    confiscationValueYuan: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
    coercedPropertyValueYuan: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
    licenceAction: fc.option(fc.constantFrom('revocation', 'suspension' as const), { nil: undefined }),
    closureOrder: fc.boolean(),
    hearingHeld: fc.boolean(),
    wideSocialImpact: fc.boolean(),
    complex: fc.boolean(),
    leadershipDeemedMajor: fc.boolean(),
  });

  it('L1: property — raising an amount never turns a mandatory review into an optional one', () => {
    fc.assert(
      fc.property(proposedArb, fc.integer({ min: 1, max: 1_000_000 }), (proposed, raise) => {
        const before = assessMajorDecision(DEMO, proposed).mandatory;
        const raised: ProposedDecision = {
          ...proposed,
          fineYuan: (proposed.fineYuan ?? 0) + raise,
          confiscationValueYuan: (proposed.confiscationValueYuan ?? 0) + raise,
          coercedPropertyValueYuan: (proposed.coercedPropertyValueYuan ?? 0) + raise,
        };
        if (before) expect(assessMajorDecision(DEMO, raised).mandatory).toBe(true);
      }),
    );
  });

  it('L1: property — simplified-procedure decisions are never mandatory under the demo catalogue, switch on or off', () => {
    fc.assert(
      fc.property(proposedArb, fc.boolean(), (proposed, widen) => {
        const catalogue = { ...DEMO, reviewAllOutsideSimplifiedProcedure: widen };
        const assessment = assessMajorDecision(catalogue, { ...proposed, procedure: 'simplified' });
        expect(assessment.mandatory).toBe(false);
      }),
    );
  });
});
