import {
  disclosureExAnteCorrectedV1,
  disclosureExAntePublishedV1,
  disclosureExAnteWithdrawnV1,
  type ExAnteContent,
  type ExAnteState,
} from '@enforcement/domain';
import { exAnteFacts, exAnteLimitFacts, type ExAntePriorRow } from './ex-ante.facts';

const content = (title: string): ExAnteContent => ({
  title,
  body: '办理依据：《社会团体登记管理条例》。',
  officers: [],
  attachments: [],
  secrecyReview: false,
});
const base: ExAnteState = {
  itemId: 'item-1',
  kind: 'service-guide',
  unitId: 'unit-a',
  agencyId: 'agency-1',
  agencyName: '某市民政局',
  draft: null,
  published: null,
  withdrawn: null,
  flag: null,
  lastVersion: 1,
};
const v1 = { version: 1, content: content('登记指南'), publishedAt: '2030-03-01T02:00:00.000Z', publishedBy: 'u-pub' };
const v2 = {
  version: 2,
  content: content('登记指南（修订）'),
  publishedAt: '2030-04-01T02:00:00.000Z',
  publishedBy: 'u-pub',
};
const prior = (state: ExAnteState, updateBy: string | null = null): ExAntePriorRow => ({
  state,
  update_by: updateBy ? new Date(updateBy) : null,
});
const step = (state: ExAnteState, stepNo = 5) => ({ stepNo, at: '2030-04-01T02:00:00.000Z', state });

describe('ex-ante disclosure facts (D1–D3)', () => {
  it('D1, D2: the first publication is announced once, with its version, and validates against its contract', () => {
    const facts = exAnteFacts(null, step({ ...base, published: v1 }));
    expect(facts).toHaveLength(1);
    expect(facts[0].contract).toBe(disclosureExAntePublishedV1);
    expect(facts[0].event).toMatchObject({ type: 'disclosure.ex-ante-published.v1', subject: 'ex-ante:item-1' });
    expect(disclosureExAntePublishedV1.data.parse(facts[0].event.data)).toMatchObject({ version: 1, itemId: 'item-1' });
    // The same step again has the same id (the outbox keeps one); a step that changes nothing public says nothing.
    expect(exAnteFacts(null, step({ ...base, published: v1 }))[0].event.id).toBe(facts[0].event.id);
    expect(exAnteFacts(prior({ ...base, published: v1 }), step({ ...base, published: v1 }))).toEqual([]);
  });

  it('D3: a new version replacing a flagged item is a correction naming the cleared flag and whether it was in time', () => {
    const flag = {
      cause: 'law-changed' as const,
      reference: '《条例》2030年修订',
      flaggedAt: v1.publishedAt,
      flaggedBy: 'u-l',
    };
    const flagged = { ...base, published: v1, flag };
    const inTime = exAnteFacts(prior(flagged, '2030-04-10T16:00:00.000Z'), step({ ...base, published: v2 }));
    expect(inTime[0].contract).toBe(disclosureExAnteCorrectedV1);
    expect(disclosureExAnteCorrectedV1.data.parse(inTime[0].event.data)).toMatchObject({
      version: 2,
      previousVersion: 1,
      clearedFlag: { cause: 'law-changed', reference: '《条例》2030年修订', onTime: true },
    });
    const late = exAnteFacts(prior(flagged, '2030-03-20T16:00:00.000Z'), step({ ...base, published: v2 }));
    expect((late[0].event.data as { clearedFlag: { onTime: boolean } }).clearedFlag.onTime).toBe(false);
    const unflagged = exAnteFacts(prior({ ...base, published: v1 }), step({ ...base, published: v2 }));
    expect((unflagged[0].event.data as { clearedFlag: unknown }).clearedFlag).toBeNull();
  });

  it('D1, D11: a withdrawal is announced with the version taken down and the reason', () => {
    const withdrawn = { at: '2030-05-01T02:00:00.000Z', by: 'u-pub', reason: '职能已划转' };
    const facts = exAnteFacts(prior({ ...base, published: v2 }), step({ ...base, withdrawn }));
    expect(facts[0].contract).toBe(disclosureExAnteWithdrawnV1);
    expect(disclosureExAnteWithdrawnV1.data.parse(facts[0].event.data)).toMatchObject({
      version: 2,
      reason: '职能已划转',
      withdrawnAt: withdrawn.at,
    });
  });

  it('C2, D3: a flag starts the update limit on the board, a new version or a withdrawal meets it, other steps say nothing', () => {
    const flag = {
      cause: 'law-changed' as const,
      reference: '《条例》修订',
      flaggedAt: v1.publishedAt,
      flaggedBy: 'u-l',
    };
    const limit = {
      deadline: '2030-03-29T16:00:00.000Z',
      warningAt: '2030-03-28T16:00:00.000Z',
      provisional: false,
      calendarFingerprint: 'cal-1',
    };
    const flagged = { ...base, published: v1, flag };
    const [started, ...more] = exAnteLimitFacts(prior({ ...base, published: v1 }), {
      ...step(flagged, 3),
      updateBy: limit,
    });
    expect(more).toEqual([]);
    expect(started).toMatchObject({
      kind: 'started',
      at: '2030-04-01T02:00:00.000Z',
      identity: {
        limit: 'ex-ante-update',
        subjectId: 'ex-ante:item-1',
        caseNo: 'ex-ante:item-1',
        unitId: 'unit-a',
        deadline: limit.deadline,
        calendarFingerprint: 'cal-1',
      },
    });
    // A step that keeps the flag (a draft revised meanwhile) neither restarts nor meets it.
    const revising = { ...flagged, draft: { ...v2, stage: 'drafting' } } as unknown as ExAnteState;
    expect(exAnteLimitFacts(prior(flagged, limit.deadline), { ...step(revising, 4), updateBy: limit })).toEqual([]);
    const published = exAnteLimitFacts(prior(flagged, limit.deadline), {
      ...step({ ...base, published: v2 }),
      updateBy: null,
    });
    expect(published).toEqual([
      expect.objectContaining({ kind: 'met', identity: expect.objectContaining({ deadline: limit.deadline }) }),
    ]);
    const withdrawn = { at: '2030-05-01T02:00:00.000Z', by: 'u-pub', reason: '职能已划转' };
    const gone = exAnteLimitFacts(prior(flagged, limit.deadline), { ...step({ ...base, withdrawn }), updateBy: null });
    expect(gone.map((f) => f.kind)).toEqual(['met']);
    expect(exAnteLimitFacts(null, { ...step({ ...base, published: v1 }), updateBy: null })).toEqual([]);
  });
});
