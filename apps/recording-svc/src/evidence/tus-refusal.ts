import { ERRORS } from '@tus/utils';

/** An answer the tus server sends as it stands: our one error body, or tus's own for a missing upload. */
export class TusRefusal extends Error {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {
    super(body);
  }
}

export function refusal(status: number, code: string, zh: string, en: string): TusRefusal {
  return new TusRefusal(status, JSON.stringify({ statusCode: status, code, message: { zh, en } }));
}

export function uploadNotFound(): TusRefusal {
  return new TusRefusal(ERRORS.FILE_NOT_FOUND.status_code, ERRORS.FILE_NOT_FOUND.body);
}
