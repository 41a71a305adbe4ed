import { ANNUAL_REPORT_WORKFLOW_TYPE, TaskQueues } from '@enforcement/domain';
import { annualReportScheduleOptions } from './annual-report.schedule';

describe('annual report schedule (D10)', () => {
  it('D10: the report is started every 1 January at 00:05 Beijing time with no year (the year just ended), one at a time, catching up for 14 days', () => {
    const options = annualReportScheduleOptions();
    expect(options.spec).toEqual({
      calendars: [{ month: 'JANUARY', dayOfMonth: 1, hour: 0, minute: 5 }],
      timezone: 'Asia/Shanghai',
    });
    expect(options.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: ANNUAL_REPORT_WORKFLOW_TYPE,
      taskQueue: TaskQueues.disclosure,
      args: [{}],
    });
    expect(options.policies).toMatchObject({ catchupWindow: '14 days', overlap: 'SKIP' });
  });
});
