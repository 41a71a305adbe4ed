import { decide } from './review.machine';
import type { ReviewCommand } from './review.commands';
import { mayReadReview } from './review-readers.rules';
import { Flow, UNIT_ID, advisor, bj, reviewer } from './testing/review.fixtures';

const attach = (actor: ReviewCommand['actor'], advisorName = '孙律师'): ReviewCommand => ({
  type: 'attachAdvisorOpinion',
  actor,
  opinionId: 'op-1',
  advisorName,
  documentRef: 'sha256:opinion',
});

describe('the legal advisor sees and writes only where invited (SPEC L10, C1)', () => {
  it('C1, L10: an uninvited advisor may not attach an opinion; once the section invites them they may, under their own id', () => {
    const flow = Flow.accepted();
    const refused = decide(flow.current, attach(advisor), bj('2025-03-04 09:00'), flow.environment);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect([refused.error.code, refused.error.category]).toEqual(['REVIEW.ADVISOR_NOT_INVITED', 'forbidden']);

    flow.do({ type: 'inviteAdvisor', actor: reviewer, advisorId: advisor.id }, bj('2025-03-04 09:00'));
    expect(flow.current.advisorInvitations).toEqual([
      { advisorId: advisor.id, invitedAt: bj('2025-03-04 09:00').toISOString(), invitedBy: reviewer.id },
    ]);
    flow.do(attach(advisor), bj('2025-03-04 10:00'));
    expect(flow.current.rounds[0].advisorOpinions[0]).toMatchObject({ advisorId: advisor.id, attachedBy: advisor.id });
    // The section attaching on an advisor's behalf names them; no advisor id is claimed for it.
    flow.do({ ...attach(reviewer, '某律师事务所'), opinionId: 'op-2' } as ReviewCommand, bj('2025-03-04 11:00'));
    expect(flow.current.rounds[0].advisorOpinions[1].advisorId).toBeUndefined();
  });

  it('C1, L10: an advisor reads only the reviews they are invited to; staff read by unit as before', () => {
    const review = { unitId: UNIT_ID, invitedAdvisorIds: ['u-advisor-sun'] };
    const advisorActor = { id: 'u-advisor-sun', roles: ['legal-advisor'] as const, unitId: 'external' };
    expect(mayReadReview({ ...advisorActor, roles: [...advisorActor.roles] }, review)).toBe(true);
    expect(mayReadReview({ ...advisorActor, id: 'u-advisor-other', roles: ['legal-advisor'] }, review)).toBe(false);
    expect(mayReadReview({ ...advisorActor, roles: ['legal-advisor'] }, { unitId: UNIT_ID })).toBe(false);
    expect(mayReadReview({ id: 'u-r', roles: ['legal-reviewer'], unitId: 'unit-legal' }, { unitId: UNIT_ID })).toBe(
      true,
    );
    expect(mayReadReview({ id: 'u-o', roles: ['officer'], unitId: 'other' }, { unitId: UNIT_ID })).toBe(false);
    // The advisor role grants nothing across units to someone who is also an officer.
    expect(mayReadReview({ id: 'u-o', roles: ['officer', 'legal-advisor'], unitId: 'other' }, review)).toBe(false);
  });
});
