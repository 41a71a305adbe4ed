import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_NUMBER } from './number.decorators';

/** How far a list may be paged; each list keeps its own (the public portal pages less deep than the workbench). */
export interface PageLimits {
  /** Size of a page when none is asked for. */
  defaultPageSize: number;
  /** Largest page size (default 100). */
  maxPageSize?: number;
  /** Largest page number (default MAX_PAGE_NUMBER). */
  maxPage?: number;
}

/** The two paging fields every list query has, filled with their defaults when the request leaves them out. */
export interface Paged {
  page: number;
  pageSize: number;
}

/**
 * `page` and `pageSize` of a list query, bounded, so that no OFFSET reaches PostgreSQL unbounded (a fuzz run once got
 * a 502 for `page=1e308`): `class XQuery extends PageQuery({ defaultPageSize: 20 }) { …filters }`. A factory, not one
 * class, because the lists' limits differ and both the gateway and the service behind it check the same limits.
 * Refusals come out in both languages from the validation pipe (`不得大于 100 / pageSize must not be greater than 100`).
 */
export function PageQuery(limits: PageLimits): new () => Paged {
  const maxPage = limits.maxPage ?? MAX_PAGE_NUMBER;
  const maxPageSize = limits.maxPageSize ?? 100;

  class PageFields implements Paged {
    @ApiPropertyOptional({ description: '1-based page number / 页码', minimum: 1, maximum: maxPage, default: 1 })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(maxPage)
    page: number = 1;

    @ApiPropertyOptional({
      description: 'items per page / 每页条数',
      minimum: 1,
      maximum: maxPageSize,
      default: limits.defaultPageSize,
    })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(maxPageSize)
    pageSize: number = limits.defaultPageSize;
  }
  return PageFields;
}
