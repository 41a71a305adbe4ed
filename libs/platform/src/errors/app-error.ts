import { HttpStatus } from '@nestjs/common';

/** A message a person can act on, in both languages the agencies' users read. */
export interface BilingualMessage {
  zh: string;
  en: string;
}

/**
 * An error with a stable machine code (`REVIEW.SUPPLEMENT_ALREADY_USED`), an HTTP status and a bilingual message.
 * Anything thrown that is not an AppError (or a Nest HttpException) is a bug and answers 500 without details.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    readonly messages: BilingualMessage,
    readonly details?: unknown,
  ) {
    super(`${code}: ${messages.en}`);
  }
}

/** The one error body every 4xx/5xx of every service has. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: BilingualMessage;
  requestId?: string;
  details?: unknown;
}
