import type { PublicationLimit } from '@enforcement/domain';
import type { DataSource } from 'typeorm';
import { appendHistory } from '../publications/publication.records';

export interface RetimedLimitInput {
  subject: 'publication' | 'objection';
  /** Publication id (its workflow id) or objection id. */
  id: string;
  /** `publication-limit` (D4), `publication-period` (D7 end) or `objection-limit` (D9). */
  limitName: 'publication-limit' | 'publication-period' | 'objection-limit';
  before: Pick<PublicationLimit, 'deadline'> & Partial<PublicationLimit>;
  after: PublicationLimit;
  at: string;
}

/**
 * W4, W7: a limit recomputed after a calendar change is written where the read side (accountability, the officer's
 * view) looks, and the change is kept in the item's history. Safe to retry: the updates set the same values and the
 * history step is keyed by limit and new deadline.
 */
export function createLimitRetimingActivities({ dataSource }: { dataSource: DataSource }) {
  return {
    async recordRetimedLimit(input: RetimedLimitInput): Promise<void> {
      const { after } = input;
      await dataSource.transaction(async (m) => {
        if (input.limitName === 'objection-limit') {
          await m.query(`update objections set decide_by = $2 where objection_id = $1 and status = 'open'`, [
            input.id,
            after.deadline,
          ]);
          await m.query(`insert into audit_log (actor, action, subject, detail) values ($1, $2, $3, $4::jsonb)`, [
            'system',
            'objection.limit-retimed',
            input.id,
            JSON.stringify({ before: input.before, after, at: input.at }),
          ]);
          return;
        }
        if (input.limitName === 'publication-limit') {
          await m.query(
            `update publications set publish_by = $2, publish_by_provisional = $3, updated_at = now()
              where publication_id = $1 and status = 'in-review'`,
            [input.id, after.deadline, after.provisional],
          );
        } else {
          await m.query(
            `update publications set expires_at = $2, updated_at = now() where publication_id = $1 and status = 'published'`,
            [input.id, after.deadline],
          );
        }
        await appendHistory(m, input.id, `retimed/${input.limitName}/${after.deadline}`, input.at, 'system', {
          before: input.before.deadline,
          beforeProvisional: input.before.provisional ?? null,
          after: after.deadline,
          provisional: after.provisional,
          calendarFingerprint: after.calendarFingerprint,
        });
      });
    },
  };
}

export type LimitRetimingActivities = ReturnType<typeof createLimitRetimingActivities>;
