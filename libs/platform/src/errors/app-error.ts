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

/** Whether another service's answer is the error body above, with a code and a message in both languages. */
export function isErrorBody(body: unknown): body is ErrorBody {
  const b = body as Partial<ErrorBody> | null;
  return typeof b?.code === 'string' && typeof b.message?.zh === 'string' && typeof b.message.en === 'string';
}

/**
 * A service behind the gateway refused the caller (a 4xx with the error body): the refusal to pass on as it came —
 * code, status, message and details — since it is the caller's to act on. Undefined for anything else (a 5xx, a body
 * of another shape), which the gateway answers as that service's outage instead.
 */
export function passedOnRefusal(status: number, body: unknown): AppError | undefined {
  return status < 500 && isErrorBody(body) ? new AppError(body.code, status, body.message, body.details) : undefined;
}
