import { HttpStatus } from '@nestjs/common';
import { AppError } from '@enforcement/platform';

/**
 * The one answer for a review that does not exist or that the caller may not know exists (another unit's, C1): the
 * same code, status and message as the gateway's, so nobody can tell the two apart.
 */
export function reviewNotFound(caseNo: string): AppError {
  return new AppError('REVIEW.NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `未找到案件 ${caseNo} 的法制审核`,
    en: `No legal review was found for case ${caseNo}`,
  });
}
