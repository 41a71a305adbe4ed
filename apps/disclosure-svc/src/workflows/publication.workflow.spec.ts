import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  TaskQueues,
  decisionRevokedSignal,
  publicationCommandUpdate,
  publicationPeriod,
  publicationViewQuery,
  publicationWorkflowId,
  type CaseDecisionIssuedV1,
  type CaseDecisionRevokedV1,
  type DisclosureActor,
  type PublicationView,
} from '@enforcement/domain';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import { withStoreRefusals, type StepFailureInput } from '@enforcement/platform';
import { BUNDLED_YEAR_ARRANGEMENTS, WorkdayCalendar } from '@enforcement/workdays';
import { hypotheticalYearsThrough } from '@enforcement/workdays/src/testing/year-arrangement.fixture';
import {
  YEAR,
  bj,
  dayBefore,
  endOf,
  nthWorkdayAfter,
  onOrAfter,
  quietLogger,
  skipTo,
  testCalendar,
  toSecond,
} from './testing/disclosure-scenario.fixture';
import { createPublicationCalendarActivities } from '../activities/publication-calendar.activities';
import {
  draftedState,
  publishedBody,
  type CorrectInput,
  type PublicationNoticeInput,
  type PublicationStoreActivities,
  type PublishInput,
  type WithdrawInput,
} from '../activities/publication-store.activities';
import type { publicationWorkflow } from './publication.workflow';

/*
 * The publication workflow on Temporal's time-skipping server with the real calendar activities and an in-memory
 * store; dates from testing/disclosure-scenario.fixture (never today's).
 */
const TEXT =
  '行政处罚决定书。当事人：某某化工有限公司。经查，该公司超标排放废水。证人李小红（身份证号430223199001011235，' +
  '电话13812345678）证实上述事实。决定：罚款人民币五万元。执法人员：张执法。';

function decision(overrides: Partial<CaseDecisionIssuedV1> = {}): CaseDecisionIssuedV1 {
  return {
    caseNumber: 'CASE-P-1',
    decisionNumber: `罚〔${YEAR}〕1号`,
    category: 'penalty',
    permitGranted: null,
    party: { name: '某某化工有限公司', kind: 'organisation', idCode: null },
    conclusion: '罚款人民币五万元',
    text: TEXT,
    decidedAt: bj(`${YEAR}-09-28`).toISOString(),
    unitId: 'unit-a',
    agency: { id: 'agency-1', name: '某市生态环境局' },
    officers: ['张执法'],
    ...overrides,
  };
}

const officer: DisclosureActor = { id: 'disclosure-1', roles: ['disclosure-officer'], unitId: 'unit-a' };

class MemoryStore {
  readonly published: PublishInput[] = [];
  readonly withdrawn: WithdrawInput[] = [];
  readonly notices: PublicationNoticeInput[] = [];
  readonly steps: string[] = [];
  drafts = 0;
  readonly corrections: CorrectInput[] = [];
  /** Issue 12: attempts per activity, and the failures the next attempts of an activity meet, in order. */
  readonly attempts = new Map<string, number>();
  readonly failing = new Map<string, ('refused' | 'unreachable')[]>();
  readonly stepFailures: StepFailureInput[] = [];

  /** Counts the attempt and fails it as planned: a check violation (for good) or a refused connection. */
  private attempt(name: string): void {
    this.attempts.set(name, (this.attempts.get(name) ?? 0) + 1);
    const next = this.failing.get(name)?.shift();
    if (next === 'refused') {
      throw Object.assign(new Error('QueryFailedError'), {
        driverError: Object.assign(new Error('new row violates check constraint'), { code: '23514' }),
      });
    }
    if (next === 'unreachable') {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    }
  }

  activities(): PublicationStoreActivities {
    return {
      prepareDraft: async (input) => {
        this.drafts += 1;
        return draftedState(input.publicationId, input.decision);
      },
      recordReviewStep: async (input) => {
        this.steps.push(input.step);
      },
      correctItem: async (input) => {
        this.corrections.push(input);
      },
      publishItem: async (input) => {
        this.attempt('publishItem');
        this.published.push(input);
        return { onTime: Date.parse(input.state.publishedAt ?? '') <= Date.parse(input.limit.deadline) };
      },
      withdrawItem: async (input) => {
        this.withdrawn.push(input);
      },
      publishDeadlineNotice: async (input) => {
        this.attempt('publishDeadlineNotice');
        this.notices.push(input);
      },
    };
  }

  noticesOf(kind: 'warning' | 'missed') {
    return this.notices
      .filter((n) => n.kind === kind)
      .map((n) => ({ at: toSecond(n.at), limit: n.notice.limit, deadline: n.notice.deadline }));
  }
}

let bundle: WorkflowBundleWithSourceMap;
type Handle = WorkflowHandle<typeof publicationWorkflow>;

interface Harness {
  env: TestWorkflowEnvironment;
  store: MemoryStore;
  setCalendar(calendar: WorkdayCalendar): void;
  run<T>(fn: () => Promise<T>): Promise<T>;
}

async function harness(calendar: WorkdayCalendar = testCalendar): Promise<Harness> {
  const env = await createTimeSkippingEnv();
  const store = new MemoryStore();
  let current = calendar;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TaskQueues.disclosure,
    workflowBundle: bundle,
    // Wrapped as the service wraps them (app.module): refusals fail once, everything else is retried.
    activities: withStoreRefusals({
      ...createPublicationCalendarActivities({ calendar: () => current }),
      ...store.activities(),
      recordStepFailure: async (failure: StepFailureInput) => {
        store.stepFailures.push(failure);
      },
    }),
  });
  return {
    env,
    store,
    setCalendar: (next) => {
      current = next;
    },
    run: async (fn) => {
      try {
        return await worker.runUntil(fn);
      } finally {
        await env.teardown();
      }
    },
  };
}

async function start(h: Harness, d: CaseDecisionIssuedV1, at: Date): Promise<Handle> {
  await skipTo(h.env, at);
  const handle = await h.env.client.workflow.start<typeof publicationWorkflow>('publicationWorkflow', {
    taskQueue: TaskQueues.disclosure,
    workflowId: publicationWorkflowId(d.decisionNumber),
    args: [{ decision: d, correlationId: 'test' }],
  });
  await waitForDraft(handle);
  return handle;
}

async function waitForDraft(handle: Handle): Promise<PublicationView> {
  for (;;) {
    try {
      return await handle.query(publicationViewQuery);
    } catch {
      // the query handler is registered once the draft is prepared; the test server answers again at once
    }
  }
}

async function publishAt(h: Harness, handle: Handle, at: Date, mode: 'full-text' | 'abstract' = 'full-text') {
  await skipTo(h.env, at);
  return handle.executeUpdate(publicationCommandUpdate, { args: [{ type: 'publish', actor: officer, mode }] });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    return ((error as WorkflowUpdateFailedError).cause as ApplicationFailure).type ?? 'untyped';
  }
  return 'accepted';
}

function revocation(d: CaseDecisionIssuedV1, receivedAt: Date): CaseDecisionRevokedV1 {
  return {
    caseNumber: d.caseNumber,
    decisionNumber: d.decisionNumber,
    kind: 'revoked',
    legalDocument: { number: `复决〔${YEAR}〕9号`, issuedBy: '某市人民政府', receivedAt: receivedAt.toISOString() },
    explanation: '原处罚决定经行政复议被撤销，予以撤下。',
    newDecisionNumber: `罚〔${YEAR}〕2号`,
    unitId: d.unitId,
  };
}

describe('publicationWorkflow (time-skipping)', () => {
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: quietLogger });
  }, 120_000);

  it('D4, C2, D12: a penalty decision is due 7 working days after it, across National Day and the make-up Saturday; warned one working day before, reported when missed, and a late publication counts as late', async () => {
    const h = await harness();
    await h.run(async () => {
      const d = decision();
      const handle = await start(h, d, bj(`${YEAR}-09-28`, '11:00'));
      const due = nthWorkdayAfter(`${YEAR}-09-28`, 7);
      const view = await handle.query(publicationViewQuery);
      expect(view.publishBy?.deadline).toBe(endOf(due));
      expect(view.publishBy?.provisional).toBe(false);

      await skipTo(h.env, new Date(Date.parse(endOf(due)) + 3_600_000));
      expect(h.store.noticesOf('warning')).toEqual([
        { at: endOf(dayBefore(due)), limit: 'publication-limit', deadline: endOf(due) },
      ]);
      expect(h.store.noticesOf('missed')).toEqual([
        { at: endOf(due), limit: 'publication-limit', deadline: endOf(due) },
      ]);

      const published = await publishAt(h, handle, bj(nthWorkdayAfter(due, 1)));
      expect(published.status).toBe('published');
      expect(h.store.published).toHaveLength(1);
      expect(Date.parse(h.store.published[0].state.publishedAt ?? '') > Date.parse(endOf(due))).toBe(true);
    });
  }, 90_000);

  it('C3, D4, C2 (issue 12): a publication the database refuses is attempted once and refused (STORE.REFUSED), the item stays in review and records it; a refused warning is recorded and the miss still reported; a refused connection is retried until it publishes', async () => {
    const h = await harness();
    await h.run(async () => {
      const d = decision({ decisionNumber: `罚〔${YEAR}〕12号`, caseNumber: 'CASE-P-12' });
      const handle = await start(h, d, bj(`${YEAR}-09-28`, '11:00'));
      const due = nthWorkdayAfter(`${YEAR}-09-28`, 7);

      h.store.failing.set('publishDeadlineNotice', ['refused']);
      await skipTo(h.env, new Date(Date.parse(endOf(due)) + 3_600_000));
      expect(h.store.noticesOf('warning')).toEqual([]);
      expect(h.store.noticesOf('missed')).toEqual([
        { at: endOf(due), limit: 'publication-limit', deadline: endOf(due) },
      ]);
      expect(h.store.attempts.get('publishDeadlineNotice')).toBe(2);

      h.store.failing.set('publishItem', ['refused']);
      expect(await refusal(publishAt(h, handle, bj(nthWorkdayAfter(due, 1))))).toBe('STORE.REFUSED');
      expect(h.store.attempts.get('publishItem')).toBe(1);
      const view = await handle.query(publicationViewQuery);
      expect(view.status).toBe('in-review');
      expect(view.failures?.map((f) => [f.step, f.code])).toEqual([
        ['deadline-notice:publication-limit/warning', 'STORE.REFUSED'],
        ['publish', 'STORE.REFUSED'],
      ]);
      expect(h.store.stepFailures.map((f) => [f.subject, f.unitId, f.step])).toEqual([
        ['CASE-P-12', 'unit-a', 'deadline-notice:publication-limit/warning'],
        ['CASE-P-12', 'unit-a', 'publish'],
      ]);

      h.store.failing.set('publishItem', ['unreachable', 'unreachable']);
      const published = await handle.executeUpdate(publicationCommandUpdate, {
        args: [{ type: 'publish', actor: officer, mode: 'full-text' }],
      });
      expect(published.status).toBe('published');
      expect(h.store.attempts.get('publishItem')).toBe(4);
      expect(published.failures).toHaveLength(2);
    });
  }, 90_000);

  it('D4: an inspection decision has 20 working days; published in time it raises no miss', async () => {
    const h = await harness();
    await h.run(async () => {
      const d = decision({ category: 'inspection', decisionNumber: `检〔${YEAR}〕5号` });
      const handle = await start(h, d, bj(`${YEAR}-09-28`, '11:00'));
      const due = nthWorkdayAfter(`${YEAR}-09-28`, 20);
      expect((await handle.query(publicationViewQuery)).publishBy?.deadline).toBe(endOf(due));
      await publishAt(h, handle, bj(due, '09:00'));
      expect(h.store.noticesOf('missed')).toEqual([]);
      expect(h.store.noticesOf('warning')).toEqual([
        { at: endOf(dayBefore(due)), limit: 'publication-limit', deadline: endOf(due) },
      ]);
    });
  }, 90_000);

  it('D6: the draft hides the witness, her ID number and phone; the officer adjusts the marks and what is published is the reviewed text', async () => {
    const h = await harness();
    await h.run(async () => {
      const d = decision();
      const handle = await start(h, d, bj(`${YEAR}-09-28`, '11:00'));
      const draft = await handle.query(publicationViewQuery);
      expect(draft.original).toBe(TEXT);
      expect(draft.redacted).not.toContain('430223199001011235');
      expect(draft.redacted).not.toContain('13812345678');
      expect(draft.redacted).not.toContain('李小红');
      expect(draft.redacted).toContain('某某化工有限公司');
      expect(draft.redacted).toContain('张执法');

      const start_ = TEXT.indexOf('五万元');
      const adjusted = await handle.executeUpdate(publicationCommandUpdate, {
        args: [
          {
            type: 'adjustMarks',
            actor: officer,
            changes: [{ op: 'add', type: 'other', start: start_, end: start_ + 3 }],
          },
        ],
      });
      expect(adjusted.markAudit).toEqual([
        expect.objectContaining({
          actorId: 'disclosure-1',
          op: 'add',
          after: { type: 'other', start: start_, end: start_ + 3 },
        }),
      ]);
      await publishAt(h, handle, bj(`${YEAR}-09-29`));
      const body = publishedBody(h.store.published[0].state);
      expect(body).not.toContain('五万元');
      expect(body).not.toContain('430223199001011235');
      expect(h.store.steps).toEqual(['adjustMarks/1']);
    });
  }, 90_000);

  it('D9: a correction republishes the published item with the corrected marks and says what changed', async () => {
    const h = await harness();
    await h.run(async () => {
      const d = decision({ decisionNumber: `罚〔${YEAR}〕31号` });
      const handle = await start(h, d, bj(`${YEAR}-09-28`, '11:00'));
      expect(
        await refusal(
          handle.executeUpdate(publicationCommandUpdate, {
            args: [{ type: 'correct', actor: officer, changes: [], summary: '更正', objectionId: null }],
          }),
        ),
      ).toBe('DISCLOSURE.NOT_PUBLISHED');
      await publishAt(h, handle, bj(`${YEAR}-09-29`));
      const at = TEXT.indexOf('某某化工有限公司');
      const corrected = await handle.executeUpdate(publicationCommandUpdate, {
        args: [
          {
            type: 'correct',
            actor: officer,
            changes: [{ op: 'add', type: 'other', start: at, end: at + 8 }],
            summary: '隐去误公开的信息',
            objectionId: 'obj-1',
          },
        ],
      });
      expect(corrected.status).toBe('published');
      expect(h.store.corrections).toHaveLength(1);
      expect(h.store.corrections[0]).toMatchObject({ summary: '隐去误公开的信息', objectionId: 'obj-1' });
      expect(publishedBody(h.store.corrections[0].state)).not.toContain('某某化工有限公司');
      expect(h.store.published).toHaveLength(1);
    });
  }, 90_000);

  it('D6, D5: a granted permit cannot be abstracted; an exemption with reason and 备案 filing ends the publication unpublished', async () => {
    const h = await harness();
    await h.run(async () => {
      const d = decision({ category: 'permit', permitGranted: true, decisionNumber: `许〔${YEAR}〕3号` });
      const handle = await start(h, d, bj(`${YEAR}-09-28`, '11:00'));
      expect(await refusal(publishAt(h, handle, bj(`${YEAR}-09-29`), 'abstract'))).toBe(
        'DISCLOSURE.FULL_TEXT_REQUIRED',
      );
      expect(
        await refusal(
          handle.executeUpdate(publicationCommandUpdate, {
            args: [
              {
                type: 'exempt',
                actor: officer,
                exemption: {
                  ground: 'state-secret',
                  reason: '涉密',
                  filing: { filedWith: '市司法局', reference: '备1', filedAt: bj(`${YEAR}-09-29`).toISOString() },
                  override: null,
                },
              },
            ],
          }),
        ),
      ).toBe('DISCLOSURE.EXEMPTION_REASON_REQUIRED');
      const exempted = await handle.executeUpdate(publicationCommandUpdate, {
        args: [
          {
            type: 'exempt',
            actor: officer,
            exemption: {
              ground: 'state-secret',
              reason: '许可事项主要事实涉及国家秘密，依法不予公开。',
              filing: { filedWith: '市司法局', reference: '备〔2030〕1号', filedAt: bj(`${YEAR}-09-29`).toISOString() },
              override: null,
            },
          },
        ],
      });
      expect(exempted.status).toBe('exempted');
      expect((await handle.result()).exemption?.filing.filedWith).toBe('市司法局');
      expect(h.store.published).toEqual([]);
    });
  }, 90_000);

  it('D7: a natural person’s decision leaves the portal 2 years after publication (W5, moved past a non-working day); an organisation’s after 5', async () => {
    const h = await harness();
    await h.run(async () => {
      const person = decision({
        decisionNumber: `罚〔${YEAR}〕7号`,
        party: { name: '王建国', kind: 'natural-person', idCode: null },
      });
      const org = decision({ decisionNumber: `罚〔${YEAR}〕8号` });
      const hp = await start(h, person, bj(`${YEAR}-09-28`, '11:00'));
      const ho = await start(h, org, bj(`${YEAR}-09-28`, '11:30'));
      await publishAt(h, hp, bj(`${YEAR}-10-01`, '10:00'));
      await publishAt(h, ho, bj(`${YEAR}-10-01`, '10:30'));
      const twoYears = endOf(onOrAfter(`${YEAR + 2}-10-01`));
      const fiveYears = endOf(onOrAfter(`${YEAR + 5}-10-01`));
      expect(h.store.published.map((p) => p.expiresAt)).toEqual([twoYears, fiveYears]);

      const personDone = await hp.result();
      expect(personDone.status).toBe('withdrawn');
      expect(toSecond(personDone.withdrawnAt ?? '')).toBe(twoYears);
      const orgDone = await ho.result();
      expect(toSecond(orgDone.withdrawnAt ?? '')).toBe(fiveYears);
      expect(h.store.withdrawn.map((w) => [w.reason, w.wasPublic])).toEqual([
        ['period-ended', true],
        ['period-ended', true],
      ]);
    });
  }, 90_000);

  it('D7, W3, W4: an expiry in a year the calendar does not cover yet waits for the nominal day, then is extended past a holiday once that year is published', async () => {
    const h = await harness(
      WorkdayCalendar.fromYears([...BUNDLED_YEAR_ARRANGEMENTS, ...hypotheticalYearsThrough(YEAR)], {
        provisionalYear: false,
      }),
    );
    await h.run(async () => {
      const person = decision({
        decisionNumber: `罚〔${YEAR}〕9号`,
        party: { name: '王建国', kind: 'natural-person', idCode: null },
      });
      const handle = await start(h, person, bj(`${YEAR}-09-28`, '11:00'));
      const published = await publishAt(h, handle, bj(`${YEAR}-10-01`, '10:00'));
      // Nominal: the end of 1 October two years on; only that year's arrangement can say it is a holiday.
      expect(published.expiresAt).toBe(endOf(`${YEAR + 2}-10-01`));
      h.setCalendar(testCalendar);
      const done = await handle.result();
      expect(toSecond(done.withdrawnAt ?? '')).toBe(endOf(onOrAfter(`${YEAR + 2}-10-01`)));
      expect(endOf(onOrAfter(`${YEAR + 2}-10-01`))).not.toBe(endOf(`${YEAR + 2}-10-01`));
      expect(done.expiresAt).toBe(endOf(onOrAfter(`${YEAR + 2}-10-01`)));
    });
  }, 90_000);

  it('D8: a revoked decision is taken down at once with its explanation, inside 3 working days of the legal document; one reaching us later is reported missed', async () => {
    const h = await harness();
    await h.run(async () => {
      const first = decision({ decisionNumber: `罚〔${YEAR}〕11号` });
      const second = decision({ decisionNumber: `罚〔${YEAR}〕12号` });
      const h1 = await start(h, first, bj(`${YEAR}-09-28`, '11:00'));
      const h2 = await start(h, second, bj(`${YEAR}-09-28`, '11:30'));
      await publishAt(h, h1, bj(`${YEAR}-09-29`, '10:00'));
      await publishAt(h, h2, bj(`${YEAR}-09-29`, '10:30'));

      // Document received 20 October; the fact arrives on its 2nd working day after → on time.
      const received = `${YEAR}-10-20`;
      await skipTo(h.env, bj(nthWorkdayAfter(received, 2), '09:00'));
      await h1.signal(decisionRevokedSignal, revocation(first, bj(received)));
      // The same document date, but the fact arrives on the 4th working day → taken down, and the miss reported.
      await skipTo(h.env, bj(nthWorkdayAfter(received, 4), '09:00'));
      await h2.signal(decisionRevokedSignal, revocation(second, bj(received)));
      const done1 = await h1.result();
      expect(done1.status).toBe('withdrawn');
      await h2.result();
      expect(h.store.withdrawn[0]).toMatchObject({
        reason: 'decision-revoked',
        explanation: '原处罚决定经行政复议被撤销，予以撤下。',
        newDecisionNumber: `罚〔${YEAR}〕2号`,
        deadline: endOf(nthWorkdayAfter(received, 3)),
        wasPublic: true,
        // C2: the take-down limit's start (the document's receipt) goes with it, for its started/met facts.
        takeDown: {
          startedAt: bj(received).toISOString(),
          limit: expect.objectContaining({ deadline: endOf(nthWorkdayAfter(received, 3)) }),
        },
      });
      expect(toSecond(done1.withdrawnAt ?? '')).toBe(toSecond(bj(nthWorkdayAfter(received, 2), '09:00').toISOString()));
      expect(h.store.noticesOf('missed').filter((n) => n.limit === 'take-down-limit')).toEqual([
        {
          at: toSecond(bj(nthWorkdayAfter(received, 4), '09:00').toISOString()),
          limit: 'take-down-limit',
          deadline: endOf(nthWorkdayAfter(received, 3)),
        },
      ]);
    });
  }, 90_000);

  it('D8: a decision revoked while still in review is never published; D4: a repeated decision fact starts nothing new', async () => {
    const h = await harness();
    await h.run(async () => {
      const d = decision({ decisionNumber: `罚〔${YEAR}〕21号` });
      const handle = await start(h, d, bj(`${YEAR}-09-28`, '11:00'));
      await expect(
        h.env.client.workflow.start<typeof publicationWorkflow>('publicationWorkflow', {
          taskQueue: TaskQueues.disclosure,
          workflowId: publicationWorkflowId(d.decisionNumber),
          args: [{ decision: d, correlationId: 'again' }],
        }),
      ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      await skipTo(h.env, bj(`${YEAR}-09-29`));
      await handle.signal(decisionRevokedSignal, revocation(d, bj(`${YEAR}-09-29`)));
      const done = await handle.result();
      expect(done.status).toBe('withdrawn');
      expect(done.publishedAt).toBeNull();
      expect(h.store.published).toEqual([]);
      expect(h.store.withdrawn.map((w) => w.wasPublic)).toEqual([false]);
    });
  }, 90_000);

  it('D4, D6 (issue 10): started with the draft the decision consumer committed, the workflow begins from it — no limit or draft activity runs, and the officer reviews and publishes those marks under that limit', async () => {
    const h = await harness();
    await h.run(async () => {
      const d = decision({ decisionNumber: `罚〔${YEAR}〕31号` });
      const publicationId = publicationWorkflowId(d.decisionNumber);
      await skipTo(h.env, bj(`${YEAR}-09-28`, '11:00'));
      const limit = await createPublicationCalendarActivities({ calendar: () => testCalendar }).computePublicationLimit(
        {
          from: d.decidedAt,
          period: publicationPeriod(d.category),
        },
      );
      const { draft } = draftedState(publicationId, d);
      const handle = await h.env.client.workflow.start<typeof publicationWorkflow>('publicationWorkflow', {
        taskQueue: TaskQueues.disclosure,
        workflowId: publicationId,
        args: [{ decision: d, correlationId: 'consumer', drafted: { limit, draft } }],
      });
      const view = await waitForDraft(handle);
      expect(view.publishBy).toEqual(limit);
      expect(view.publishBy?.deadline).toBe(endOf(nthWorkdayAfter(`${YEAR}-09-28`, 7)));
      expect(view.marks).toEqual(draft.marks);
      expect(view.redacted).not.toContain('430223199001011235');
      expect(h.store.drafts).toBe(0);
      const scheduled = (await handle.fetchHistory()).events?.filter((e) => e.activityTaskScheduledEventAttributes);
      expect(scheduled).toEqual([]);

      const published = await publishAt(h, handle, bj(`${YEAR}-09-29`, '10:00'));
      expect(published.status).toBe('published');
      expect(h.store.published.map((p) => [p.state.draft.marks, p.limit])).toEqual([[draft.marks, limit]]);
    });
  }, 90_000);
});
