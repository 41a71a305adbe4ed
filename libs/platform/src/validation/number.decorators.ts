import { applyDecorators } from '@nestjs/common';
import { IsInt, IsNumber, Max, Min, type ValidationOptions } from 'class-validator';

/** Largest value a PostgreSQL `int` column (and an OFFSET computed from a page of it) takes without overflow. */
export const PG_INT_MAX = 2_147_483_647;

/** Pages any list may be asked for; a page past this is a client's mistake or a probe, never a real reader. */
export const MAX_PAGE_NUMBER = 10_000;

/**
 * A whole number between `min` and `max`, both required, so no number field reaches PostgreSQL or an OFFSET unbounded
 * (a fuzz run found `version=1.5e16` answering 500). Query fields still need `@Type(() => Number)` before it.
 */
export const IsBoundedInt = (min: number, max: number, options?: ValidationOptions) =>
  applyDecorators(IsInt(options), Min(min, options), Max(max, options));

/** A finite number (no NaN, no Infinity) between `min` and `max`: amounts that may carry a fraction. */
export const IsBoundedNumber = (min: number, max: number, options?: ValidationOptions) =>
  applyDecorators(IsNumber({ allowNaN: false, allowInfinity: false }, options), Min(min, options), Max(max, options));
