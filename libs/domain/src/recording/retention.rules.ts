import type { Bilingual } from './recording.types';

/**
 * 留存期限 / 长期保存 (SPEC R9): AV is kept at least 6 months after closure, and for as long as a long-term hold stands
 * (dispute, petition, obstruction, hearing, reconsideration, litigation). May a case's AV be disposed of now?
 * Nothing before its time; a disposal after it is recorded by the caller.
 */
export function disposalRefusal(c: {
  /** The case's 6-month retention has ended (the case workflow's `retention-ended` notice). */
  retentionEnded: boolean;
  /** Long-term holds placed on the case (none is ever lifted: a hold keeps the records for good). */
  holds: readonly { reason: string }[];
  alreadyDisposed: boolean;
}): { code: string; message: Bilingual } | null {
  if (c.alreadyDisposed) {
    return {
      code: 'RETENTION.ALREADY_DISPOSED',
      message: { zh: '本案音像资料已按期处置', en: 'This case’s AV was disposed of already' },
    };
  }
  if (c.holds.length > 0) {
    const reasons = c.holds.map((h) => h.reason).join(', ');
    return {
      code: 'RETENTION.HELD',
      message: {
        zh: `本案有长期保存事由（${reasons}），音像资料不得删除`,
        en: `The case is held for the long term (${reasons}); its AV may not be deleted`,
      },
    };
  }
  if (!c.retentionEnded) {
    return {
      code: 'RETENTION.NOT_ENDED',
      message: {
        zh: '本案音像资料的留存期限（结案后至少六个月）尚未届满，不得删除',
        en: 'The retention period (at least 6 months after closure) has not ended; nothing may be deleted',
      },
    };
  }
  return null;
}
