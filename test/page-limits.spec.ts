import { createValidationPipe, MAX_PAGE_NUMBER } from '@enforcement/platform';
import { ExAnteListQuery } from '../apps/disclosure-svc/src/ex-ante/ex-ante.controller';
import { InboxQuery } from '../apps/disclosure-svc/src/inbox/inbox.controller';
import { PortalQuery } from '../apps/disclosure-svc/src/portal/portal.dto';
import { ExAnteListQueryDto } from '../apps/gateway/src/disclosure/ex-ante.controller';
import { DisclosureInboxQueryDto } from '../apps/gateway/src/disclosure/inbox.controller';
import { PortalQueryDto } from '../apps/gateway/src/portal/portal.dto';
import { CaseListQueryDto as GatewayCaseListQuery } from '../apps/gateway/src/recording/case-list.dto';
import { TaskInboxQueryDto } from '../apps/gateway/src/reviews/review-reads.dto';
import { DeadlineQueryDto } from '../apps/gateway/src/supervision/supervision.dto';
import { MyTasksQueryDto } from '../apps/gateway/src/tasks/my-tasks.dto';
import { CaseListQueryDto as RecordingCaseListQuery } from '../apps/recording-svc/src/cases/case-list.controller';
import { MyTasksQuery } from '../apps/review-svc/src/my-tasks/my-tasks.dto';
import { TaskInboxQuery } from '../apps/review-svc/src/reviews/reviews.dto';
import { DeadlineQuery } from '../apps/review-svc/src/supervision/supervision.dto';

/*
 * Every paged list, at the gateway and in the service behind it, with the limits it had before its page fields became
 * the one PageQuery: the gateway's and the service's copy of a list must agree, or a page the gateway lets through is
 * a 400 from the service (or the other way round).
 */
type Limits = { maxPage: number; maxPageSize: number; defaultPageSize: number };
const WORKBENCH = (defaultPageSize: number): Limits => ({
  maxPage: MAX_PAGE_NUMBER,
  maxPageSize: 100,
  defaultPageSize,
});
const DISCLOSURE_DESK: Limits = { maxPage: 100, maxPageSize: 100, defaultPageSize: 50 };
const PORTAL: Limits = { maxPage: 200, maxPageSize: 50, defaultPageSize: 20 };

const lists: [string, new () => object, new () => object, Limits][] = [
  ['C2 我的待办 (tasks/mine)', MyTasksQueryDto, MyTasksQuery, WORKBENCH(50)],
  ['C2 supervision deadlines', DeadlineQueryDto, DeadlineQuery, WORKBENCH(20)],
  ['L6 review task inbox', TaskInboxQueryDto, TaskInboxQuery, WORKBENCH(20)],
  ['C1 case list', GatewayCaseListQuery, RecordingCaseListQuery, WORKBENCH(20)],
  ['D4 disclosure inbox', DisclosureInboxQueryDto, InboxQuery, DISCLOSURE_DESK],
  ['D1 ex-ante items', ExAnteListQueryDto, ExAnteListQuery, DISCLOSURE_DESK],
  ['D11 public portal', PortalQueryDto, PortalQuery, PORTAL],
];

async function answer(metatype: new () => object, query: Record<string, string>): Promise<unknown> {
  try {
    return await createValidationPipe().transform(query, { type: 'query', metatype });
  } catch (err) {
    const body = (err as { getResponse(): { code: string; details: { field: string }[] } }).getResponse();
    return { refused: body.code, fields: body.details.map((d) => d.field) };
  }
}

describe.each(lists)('%s: the gateway and the service page alike', (_, atGateway, inService, limits) => {
  it.each([
    ['gateway', atGateway],
    ['service', inService],
  ])(
    'C1, C2: at the %s, its default, its last page and largest size pass; one more of either is a 400',
    async (_, dto) => {
      await expect(answer(dto, {})).resolves.toMatchObject({ page: 1, pageSize: limits.defaultPageSize });
      await expect(
        answer(dto, { page: String(limits.maxPage), pageSize: String(limits.maxPageSize) }),
      ).resolves.toMatchObject({ page: limits.maxPage, pageSize: limits.maxPageSize });
      await expect(
        answer(dto, { page: String(limits.maxPage + 1), pageSize: String(limits.maxPageSize + 1) }),
      ).resolves.toEqual({ refused: 'REQUEST.VALIDATION_FAILED', fields: ['page', 'pageSize'] });
      await expect(answer(dto, { page: '0', pageSize: '0' })).resolves.toEqual({
        refused: 'REQUEST.VALIDATION_FAILED',
        fields: ['page', 'pageSize'],
      });
    },
  );
});
