import { HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import { AppError } from '@enforcement/platform';

@Injectable()
export class ApplicationIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[0-9a-f-]{36}$/.test(value)) throw notFound(value);
    return value;
  }
}

@Injectable()
export class ExportReasonPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value === 'string' && value.trim().length > 0 && value.length <= 200 && !/\p{Cc}/u.test(value))
      return value;
    throw new AppError(
      'REQUEST.VALIDATION_FAILED',
      HttpStatus.BAD_REQUEST,
      {
        zh: 'reason（导出事由）必填，不超过 200 字',
        en: 'reason (why the records are exported) is required, 200 characters at most',
      },
      [{ field: 'reason', problems: ['required'] }],
    );
  }
}

export function notFound(id: string): AppError {
  return new AppError('ACCESS.APPLICATION_NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `未找到调阅申请 ${id}`,
    en: `No access application ${id} was found`,
  });
}
