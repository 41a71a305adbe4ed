import { applyDecorators, type Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsCanonicalId, IsStoreSafeText } from '@enforcement/platform';

/** Longer than this, text is prose (reasons, opinions) and may have line breaks; shorter is a name or reference. */
const ONE_LINE_MAX = 300;

/** A required piece of text (reason, note, document reference): not blank, bounded, storable. */
export const Text = (description: string, max = 2000, example?: string) =>
  applyDecorators(
    ApiProperty({ description, maxLength: max, example }),
    IsString(),
    Length(1, max),
    Matches(/\S/, { message: '$property must not be blank' }),
    IsStoreSafeText({ max, multiline: max > ONE_LINE_MAX }),
  );

/** The same, optional. */
export const OptionalText = (description: string, max = 2000) =>
  applyDecorators(
    ApiPropertyOptional({ description, maxLength: max }),
    IsOptional(),
    IsString(),
    Length(1, max),
    Matches(/\S/, { message: '$property must not be blank' }),
    IsStoreSafeText({ max, multiline: max > ONE_LINE_MAX }),
  );

/** A caller-chosen id (pause, advisor opinion); the gateway picks one when it is left out. */
export const OptionalId = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description: `${description}; generated when left out`, pattern: '^[A-Za-z0-9._:-]{1,64}$' }),
    IsOptional(),
    Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: '$property must be 1-64 letters, digits or . _ : -' }),
    IsCanonicalId(),
  );

/** One of a fixed set of values. */
export const OneOf = (values: readonly string[], description: string) =>
  applyDecorators(ApiProperty({ description, enum: values }), IsIn(values));

/** A nested object, validated against its own DTO. */
export const Nested = (type: Class<unknown>, description: string, optional = false) =>
  applyDecorators(
    optional ? ApiPropertyOptional({ type, description }) : ApiProperty({ type, description }),
    ...(optional ? [IsOptional()] : []),
    ValidateNested(),
    Type(() => type),
  );

/** A bounded list of nested objects, each validated against its DTO. */
export const NestedList = (type: Class<unknown>, description: string, size: { min?: number; max: number }) =>
  applyDecorators(
    ApiProperty({ type: [type], description }),
    IsArray(),
    ArrayMinSize(size.min ?? 0),
    ArrayMaxSize(size.max),
    ValidateNested({ each: true }),
    Type(() => type),
  );
