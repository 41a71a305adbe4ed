import { DEMO_CIVIL_AFFAIRS_CATALOGUE } from './catalogue.demo';
import type { MajorDecisionCatalogue } from './catalogue.types';
import { publicationIssues } from './catalogue-publication.rules';
import { versionInForce } from './catalogue.rules';

const TODAY = '2026-11-23';
const v1 = { version: 1, effectiveFrom: DEMO_CIVIL_AFFAIRS_CATALOGUE.effectiveFrom };

function next(changes: Partial<MajorDecisionCatalogue> = {}): MajorDecisionCatalogue {
  return { ...DEMO_CIVIL_AFFAIRS_CATALOGUE, version: 2, effectiveFrom: TODAY, ...changes };
}

describe('publicationIssues (SPEC L1)', () => {
  it('L1: the demo catalogue, effective today, may be published as the next version', () => {
    expect(publicationIssues(next(), v1, TODAY)).toEqual([]);
    expect(publicationIssues(next({ effectiveFrom: '2027-01-01' }), v1, TODAY)).toEqual([]);
  });

  it('L1: a version cannot take effect before today or before the previous version', () => {
    const paths = (c: MajorDecisionCatalogue, prev = v1) => publicationIssues(c, prev, TODAY).map((i) => i.path);
    expect(paths(next({ effectiveFrom: '2026-11-22' }))).toEqual(['effectiveFrom']);
    expect(paths(next({ effectiveFrom: '2026-12-01' }), { version: 3, effectiveFrom: '2027-01-01' })).toEqual([
      'effectiveFrom',
    ]);
    expect(publicationIssues(next({ effectiveFrom: '2027-02-30' }), v1, TODAY)).toEqual([
      expect.objectContaining({ path: 'effectiveFrom', message_en: '2027-02-30 is not a calendar date' }),
    ]);
  });

  it('L1: every problem is reported at once, in Chinese and English', () => {
    const [first, ...rest] = DEMO_CIVIL_AFFAIRS_CATALOGUE.entries;
    const issues = publicationIssues(
      next({
        adoptedBy: ' ',
        entries: [
          {
            ...first,
            criteria: [{ kind: 'penalty-amount', measure: 'fine', minYuan: { person: -1, organisation: 1.5 } }],
          },
          { ...rest[0], id: first.id, categories: [] },
        ],
      }),
      v1,
      TODAY,
    );
    expect(issues.map((i) => i.path)).toEqual([
      'adoptedBy',
      'entries[0].criteria[0].minYuan.person',
      'entries[0].criteria[0].minYuan.organisation',
      'entries[1].id',
      'entries[1].categories',
    ]);
    for (const issue of issues) {
      expect(issue.message_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.message_en).toMatch(/[a-z]/);
    }
  });

  it('L1: a criterion must carry exactly the fields of its kind', () => {
    const entry = DEMO_CIVIL_AFFAIRS_CATALOGUE.entries[0];
    const criteria = [
      { kind: 'penalty-amount', measure: 'fine' },
      { kind: 'closure-order', minValueYuan: 5 },
      { kind: 'licence-action', actions: [] },
    ] as unknown as MajorDecisionCatalogue['entries'][number]['criteria'];
    expect(publicationIssues(next({ entries: [{ ...entry, criteria }] }), v1, TODAY).map((i) => i.path)).toEqual([
      'entries[0].criteria[0].minYuan',
      'entries[0].criteria[1].minValueYuan',
      'entries[0].criteria[2].actions',
    ]);
  });

  it('L1: an empty catalogue is refused', () => {
    expect(publicationIssues(next({ entries: [] }), null, TODAY).map((i) => i.path)).toEqual(['entries']);
  });

  it('C2: 超期预警 — a warning 0 working days before the limit is refused at publication, naming the field, not at every acceptance', () => {
    const issues = publicationIssues(next({ reviewPolicy: { warningWorkdaysBefore: 0 } }), v1, TODAY);
    expect(issues.map((i) => i.path)).toEqual(['reviewPolicy.warningWorkdaysBefore']);
    expect(issues[0].message_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(issues[0].message_en).toContain('warningWorkdaysBefore');
  });

  it('L6: 审核期限 — every review setting the clock consumes is tried on the clock before a version is published', () => {
    const accepted = next({
      reviewPolicy: {
        standardReviewWorkdays: 5,
        urgentReviewWorkdays: 2,
        extensionWorkdays: 0,
        supplementWindowWorkdays: 10,
        submissionLeadWorkdays: 0,
        warningWorkdaysBefore: 2,
      },
    });
    expect(publicationIssues(accepted, v1, TODAY)).toEqual([]);
    const refused = next({
      reviewPolicy: { standardReviewWorkdays: 0, supplementWindowWorkdays: 0, extensionWorkdays: -1 },
    });
    expect(publicationIssues(refused, v1, TODAY).map((i) => i.path)).toEqual([
      'reviewPolicy.standardReviewWorkdays',
      'reviewPolicy.extensionWorkdays',
      'reviewPolicy.supplementWindowWorkdays',
    ]);
  });

  it('L1: the version listed as in force is the one assessments use — the highest effective one of the agency', () => {
    const v1 = DEMO_CIVIL_AFFAIRS_CATALOGUE;
    const v2 = { ...v1, version: 2, effectiveFrom: '2099-01-01' };
    const v3 = { ...v1, version: 3, effectiveFrom: '2099-06-01' };
    const other = { ...v1, agencyId: 'another-agency', version: 9 };
    // Stored order does not matter, nor does another agency's catalogue.
    expect(versionInForce([v3, other, v2, v1], v1.agencyId, '2098-12-31')).toBe(1);
    expect(versionInForce([v3, other, v2, v1], v1.agencyId, '2099-01-01')).toBe(2);
    expect(versionInForce([v3, other, v2, v1], v1.agencyId, '2099-06-01')).toBe(3);
    expect(versionInForce([v1], v1.agencyId, '2000-01-01')).toBeNull();
  });
});
