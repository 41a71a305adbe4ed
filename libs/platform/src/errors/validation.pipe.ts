import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorBody } from './app-error';

function flatten(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Validates every request body, query and path parameter against its DTO (class-validator), strips nothing silently:
 * unknown fields are refused, so a misspelt field is reported instead of ignored.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const fields = details.map((d) => d.field).join(', ');
      const body: ErrorBody = {
        statusCode: 400,
        code: 'REQUEST.VALIDATION_FAILED',
        message: { zh: `请求字段不符合要求：${fields}`, en: `These fields are not valid: ${fields}` },
        details,
      };
      return new BadRequestException(body);
    },
  });
}
