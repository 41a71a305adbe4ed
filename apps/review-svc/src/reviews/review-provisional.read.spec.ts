import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, ReviewView } from '@enforcement/domain';
import { Flow } from '@enforcement/domain/review/testing/review.fixtures';
import { plainViewOf } from '../testing/review-view.fixture';
import type { ReviewReadRepository, TaskRow } from './review-read.repository';
import { projectTasks } from './review.records';
import { ReviewsController } from './reviews.controller';

/*
 * W7 through the task inbox and the read API without a database: what the projection writes for the flag, and what
 * the API answers from stored rows and views, those stored before W7 included. The instants are far ahead of any
 * clock this runs under, so no answer depends on today's date.
 */
const DEADLINE = new Date('2999-01-06T16:00:00.000Z');
const legal: Actor = { id: 'u-reviewer', name: '审核人员', roles: ['legal-reviewer'], unitId: 'unit-legal' };

function view(overrides: Partial<ReviewView>): ReviewView {
  return plainViewOf(Flow.accepted().current, {
    deadline: DEADLINE.toISOString(),
    deadlineKind: 'review',
    warningAt: DEADLINE.toISOString(),
    ...overrides,
  });
}

/** Records the statements and parameters the projection sends; its watermark update reports one row. */
function recordingManager() {
  const calls: { sql: string; params: unknown[] }[] = [];
  const manager = {
    query: async (sql: string, params: unknown[] = []) => {
      calls.push({ sql, params });
      return sql.trim().startsWith('update reviews set projected_seq') ? [[], 1] : [];
    },
  } as unknown as EntityManager;
  return { calls, manager };
}

function controllerServing(rows: Partial<TaskRow>[], stored: ReviewView | null): ReviewsController {
  const reads = {
    openTasks: async () => ({
      total: rows.length,
      rows: rows.map((row) => ({
        reviewId: 'r1',
        caseNo: 'C-1',
        unitId: 'unit-a',
        status: 'under-review',
        step: 'review',
        assigneeRole: 'legal-reviewer',
        round: 1,
        deadline: DEADLINE,
        deadlineKind: 'review',
        warningAt: DEADLINE,
        lateSubmission: false,
        overdue: false,
        updatedAt: new Date(0),
        ...row,
      })),
    }),
    latestView: async () => (stored === null ? null : { view: stored, overdue: false }),
  } as unknown as ReviewReadRepository;
  // No database: the one review read writes its access record (R8), whose insert answers as PostgreSQL would; the
  // record itself is test/access-log-reads.e2e-spec.ts's.
  const db = { query: async () => [{ id: '1', at: new Date() }] } as unknown as DataSource;
  return new ReviewsController(reads, db);
}

describe('the task inbox and read API carry the provisional flag (SPEC W7)', () => {
  it('W7: the projection stores deadline_provisional from the view, false for a view from before W7', async () => {
    const provisional = recordingManager();
    await projectTasks(provisional.manager, view({ deadlineProvisional: true }), 2);
    const insert = provisional.calls.find((call) => call.sql.includes('insert into review_tasks'));
    expect(insert?.sql).toContain('deadline_provisional');
    expect(insert?.params.at(-1)).toBe(true);

    const older = recordingManager();
    const { deadlineProvisional: _dropped, ...beforeW7 } = view({});
    await projectTasks(older.manager, beforeW7 as ReviewView, 2);
    const olderInsert = older.calls.find((call) => call.sql.includes('insert into review_tasks'));
    expect(olderInsert?.params.at(-1)).toBe(false);
  });

  it('W7: a re-timing projection also refreshes the stored view, never past a newer saved revision', async () => {
    const { calls, manager } = recordingManager();
    const retimed = view({ deadlineProvisional: false });
    await projectTasks(manager, retimed, 3);
    // One statement moves the watermark and refreshes the view (issue 8 §7), the view only up to the saved revision.
    const refresh = calls.find((call) => call.sql.includes('update reviews set projected_seq'));
    expect(refresh?.sql).toMatch(/view = case when revision <= \$4 then \$3::jsonb else view end/);
    expect(refresh?.params).toEqual([retimed.reviewId, 3, retimed, retimed.revision]);

    // A command's commit stored the view in the same transaction already: its projection leaves the view alone.
    const commit = recordingManager();
    await projectTasks(commit.manager, retimed, 4, { viewStored: true });
    const watermark = commit.calls.find((call) => call.sql.includes('update reviews set projected_seq'));
    expect(watermark?.sql).not.toContain('view =');
  });

  it('W7: the inbox item says whether its deadline is provisional; a row projected before W7 says false', async () => {
    const controller = controllerServing([{ deadlineProvisional: true }, { reviewId: 'r0' }], null);
    const page = await controller.tasks({ role: 'legal-reviewer', page: 1, pageSize: 20 }, legal);
    expect(page.items.map((item) => [item.reviewId, item.deadlineProvisional])).toEqual([
      ['r1', true],
      ['r0', false],
    ]);
  });

  it('W7: the stored review view keeps its flag; a view stored before W7 answers false', async () => {
    const withFlag = await controllerServing([], view({ deadlineProvisional: true })).review('C-1', legal);
    expect(withFlag.deadlineProvisional).toBe(true);
    const { deadlineProvisional: _dropped, ...beforeW7 } = view({});
    const old = await controllerServing([], beforeW7 as ReviewView).review('C-1', legal);
    expect(old.deadlineProvisional).toBe(false);
  });
});
