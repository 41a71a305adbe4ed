import type { DataSource } from 'typeorm';
import { assembleDigests } from '@enforcement/domain';
import { civilDate } from '@enforcement/workdays';
import { runningLimits, storeDigest } from './deadline-board.records';
import { leftNow } from './supervision.figures';

/**
 * C2 每日时限提醒: one digest per unit with anything overdue or due soon, stored for the day. Sending it by e-mail or
 * SMS needs the agency's messaging gateway, which this system has no access to; the digest is read on the page.
 */
export function createDeadlineDigestActivities({ dataSource }: { dataSource: DataSource }) {
  return {
    async assembleDeadlineDigests(input: { day?: string }): Promise<{ day: string; units: number }> {
      const now = new Date();
      const day = input.day ?? civilDate(now);
      return dataSource.transaction(async (m) => {
        const rows = await runningLimits(m, {}, now);
        const digests = assembleDigests(
          rows.map((r) => ({ ...r, workdaysLeft: leftNow(now, r.deadline) })),
          day,
          now,
        );
        for (const d of digests) await storeDigest(m, d, now);
        return { day, units: digests.length };
      });
    },
  };
}

export type DeadlineDigestActivities = ReturnType<typeof createDeadlineDigestActivities>;
