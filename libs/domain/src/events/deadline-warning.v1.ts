import { z } from 'zod';
import { defineEvent } from './event-contract';
import { Topics } from './topics';

const isoInstant = z.string().datetime({ offset: true });

/** What every deadline notice says, whichever service's time limit it is about (SPEC C2). */
export const deadlineNoticeBase = z.object({
  /** The process whose limit it is, e.g. `legal-review`. */
  process: z.string().min(1),
  /** Which limit of that process, e.g. `review-limit` (L6/L7) or `supplement-window` (L5). */
  limit: z.string().min(1),
  /** Id of the thing the limit runs on (a review id, a publication id…). */
  subjectId: z.string().min(1),
  /** 案件编号 — also the envelope subject and Kafka key. */
  caseNo: z.string().min(1).max(64),
  /** Unit held responsible (per-unit supervision). */
  unitId: z.string().min(1).max(64),
  /** Person held responsible, when one is (e.g. the reviewer who accepted); `null` when the unit as a whole is. */
  responsibleUserId: z.string().nullable(),
  /** Roles expected to act before the limit. */
  responsibleRoles: z.array(z.string()),
  /** Review round or similar iteration the limit belongs to; `null` when the process has none. */
  round: z.number().int().nonnegative().nullable(),
  /** When the limit runs out. */
  deadline: isoInstant,
  /** Fingerprint of the working-day calendar the deadline was computed with (W4). */
  calendarFingerprint: z.string().nullable(),
  /**
   * W7, added to v1 compatibly: `true` when the period from the limit's trigger to `deadline` touches a day of the
   * calendar's provisional year, so the deadline may move once the official arrangement is published (the limit is
   * then re-timed and later notices carry the new deadline); `false` on official data only. Optional: messages from
   * before W7 lack it, and a consumer reads absence as `false`.
   */
  provisional: z.boolean().optional(),
});

/** 超期预警 — a time limit runs out soon (default one working day before; SPEC C2, L13). */
export const deadlineWarningV1 = defineEvent({
  type: 'deadline.warning.v1',
  topic: Topics.deadline,
  data: deadlineNoticeBase.extend({
    /** The instant the warning was due. */
    warningAt: isoInstant,
    /** Working days with time left when the warning was raised, today included. */
    workdaysLeft: z.number().int().nonnegative(),
  }),
});
export type DeadlineWarningV1 = z.infer<typeof deadlineWarningV1.data>;
