import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ReviewRuleError, type ReviewFailureDetails } from '@enforcement/domain';
import { AppError } from '@enforcement/platform';
import { actingAs } from './review-caller';
import { toReviewHttpError } from './review-errors';

function refused(code: ConstructorParameters<typeof ReviewRuleError>[0]): WorkflowUpdateFailedError {
  const { category, message_zh, message_en } = new ReviewRuleError(code);
  const details: ReviewFailureDetails = { code, category, message_zh, message_en };
  return new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type: code, message: message_en, nonRetryable: true, details: [details] }),
  );
}

const context = { caseNo: 'C-1', unitScoped: false };

describe('review refusals at the edge', () => {
  it.each([
    ['REVIEW.SUPPLEMENT_ALREADY_USED', 409],
    ['REVIEW.FORBIDDEN_ROLE', 403],
    ['REVIEW.FINDINGS_INCOMPLETE', 400],
  ] as const)('C1, L5: a refused update %s answers %i with its code and both messages', (code, status) => {
    const err = toReviewHttpError(refused(code), context) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe(code);
    expect(err.status).toBe(status);
    expect(err.messages.zh).toBe(new ReviewRuleError(code).message_zh);
    expect(err.messages.en).toBe(new ReviewRuleError(code).message_en);
  });

  it('L5: the one-supplement refusal reads 材料补正只能提交一次-style in both languages', () => {
    const err = toReviewHttpError(refused('REVIEW.SUPPLEMENT_ALREADY_USED'), context) as AppError;
    expect(err.messages.zh).toMatch(/补正/);
    expect(err.messages.en).toMatch(/once/);
  });

  it('C1: another unit’s review is "not found" for unit staff, and an unknown one is not found for everyone', () => {
    const scoped = toReviewHttpError(refused('REVIEW.NOT_HANDLING_UNIT'), { ...context, unitScoped: true }) as AppError;
    expect([scoped.code, scoped.status]).toEqual(['REVIEW.NOT_FOUND', 404]);
    const unknown = toReviewHttpError(new WorkflowNotFoundError('gone', 'review:C-1', undefined), context) as AppError;
    expect([unknown.code, unknown.status]).toEqual(['REVIEW.NOT_FOUND', 404]);
  });

  it('an update that failed for another reason is not dressed up as a user error', () => {
    const bug = new WorkflowUpdateFailedError('failed', ApplicationFailure.create({ message: 'boom' }));
    expect(toReviewHttpError(bug, context)).toBe(bug);
  });

  it('C1: a person acts in the first role of the route they hold', () => {
    const actor = { id: 'u', name: 'n', roles: ['legal-section-head' as const], unitId: 'legal' };
    expect(actingAs(actor, ['legal-reviewer', 'legal-section-head'])).toEqual({
      id: 'u',
      role: 'legal-section-head',
      unitId: 'legal',
    });
  });
});
