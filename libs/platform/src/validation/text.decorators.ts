import { applyDecorators, HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { AppError } from '../errors/app-error';
import {
  CASE_NUMBER_RULES,
  identifierProblems,
  SHORT_ID_RULES,
  textProblems,
  type IdentifierRules,
  type TextRules,
} from './text-rules';

/** Text the store accepts: well-formed, no control characters (LF/tab only when multiline), bounded (see text-rules). */
export function IsStoreSafeText(rules: TextRules, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStoreSafeText',
      constraints: [rules],
      validator: {
        validate: (value) => textProblems(value, rules).length === 0,
        defaultMessage: (args) => `${args?.property}: ${textProblems(args?.value, rules).join('; ')}`,
      },
    },
    options,
  );
}

/** An identifier in canonical form: NFKC, no format/control characters or white space, bounded (see text-rules). */
export function IsCanonicalId(rules: IdentifierRules = SHORT_ID_RULES, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCanonicalId',
      constraints: [rules],
      validator: {
        validate: (value) => identifierProblems(value, rules).length === 0,
        defaultMessage: (args) => `${args?.property}: ${identifierProblems(args?.value, rules).join('; ')}`,
      },
    },
    options,
  );
}

/** A case number in a DTO. */
export const IsCaseNumber = (options?: ValidationOptions) => applyDecorators(IsCanonicalId(CASE_NUMBER_RULES, options));

function refuseParam(name: string, problems: string[]): AppError {
  return new AppError(
    'REQUEST.VALIDATION_FAILED',
    HttpStatus.BAD_REQUEST,
    { zh: `请求字段不符合要求：${name}`, en: `These fields are not valid: ${name}` },
    [{ field: name, problems }],
  );
}

/** Path parameter `:caseNo` / `:caseNumber`: refused with 400 unless it is a canonical case number. */
@Injectable()
export class CaseNumberPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata?: { data?: string }): string {
    const problems = identifierProblems(value, CASE_NUMBER_RULES);
    if (problems.length > 0) throw refuseParam(metadata?.data ?? 'caseNo', problems);
    return value as string;
  }
}

/** Any other id in a path (pause, advisor opinion, copy): a canonical short id. */
@Injectable()
export class IdParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata?: { data?: string }): string {
    const problems = identifierProblems(value, SHORT_ID_RULES);
    if (problems.length > 0) throw refuseParam(metadata?.data ?? 'id', problems);
    return value as string;
  }
}
