import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { textProblems } from '../validation/text-rules';
import type { ErrorBody } from './app-error';
import { bilingualProblem } from './bilingual-problems';

function flatten(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints
      ? [{ field, problems: Object.entries(e.constraints).map(([rule, message]) => bilingualProblem(rule, message)) }]
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

function refusal(details: { field: string; problems: string[] }[]): BadRequestException {
  const fields = details.map((d) => d.field).join(', ');
  const body: ErrorBody = {
    statusCode: 400,
    code: 'REQUEST.VALIDATION_FAILED',
    message: { zh: `请求字段不符合要求：${fields}`, en: `These fields are not valid: ${fields}` },
    details,
  };
  return new BadRequestException(body);
}

/** Most characters any single string of a request may have, whatever its DTO says (the DTO's own bound is lower). */
const ANY_STRING_MAX = 100_000;

/**
 * Every string anywhere in a request, DTO or not, must be storable (see text-rules): no NUL or other control
 * character but line feed and tab, no lone surrogate. The DTOs' own `@IsStoreSafeText` / `@IsCanonicalId` say more
 * (bounds, single line, canonical ids); this net makes sure no field someone forgot reaches a workflow.
 */
function unstorableStrings(value: unknown, path: string, out: { field: string; problems: string[] }[]): void {
  if (typeof value === 'string') {
    const problems = textProblems(value, { max: ANY_STRING_MAX, min: 0, multiline: true });
    if (problems.length > 0) out.push({ field: path || 'value', problems });
  } else if (typeof value === 'number') {
    // A net under the DTOs' own bounds: no number beyond what a double holds exactly ever reaches the store.
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      out.push({ field: path || 'value', problems: ['number out of range (超出数值范围)'] });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unstorableStrings(item, `${path}[${i}]`, out));
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) unstorableStrings(item, path ? `${path}.${key}` : key, out);
  }
}

class StoreSafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const bad: { field: string; problems: string[] }[] = [];
      unstorableStrings(value, metadata.type === 'param' ? (metadata.data ?? '') : '', bad);
      if (bad.length > 0) throw refusal(bad);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Validates every request body, query and path parameter against its DTO (class-validator), strips nothing silently:
 * unknown fields are refused, so a misspelt field is reported instead of ignored.
 */
export function createValidationPipe(): ValidationPipe {
  return new StoreSafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => refusal(flatten(errors)),
  });
}
