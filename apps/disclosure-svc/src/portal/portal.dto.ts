import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { enforcementCategories, type EnforcementCategory, type ExAnteKind } from '@enforcement/domain';
import { IsCanonicalId, PageQuery } from '@enforcement/platform';

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The portal's two sections (D1, D4): what is published before acting, and what is decided. */
export const PORTAL_SECTIONS = ['ex-ante', 'ex-post'] as const;
export type PortalSection = (typeof PORTAL_SECTIONS)[number];

/** Most items one portal page shows (D11: pages are bounded, so no query can ask for the whole table). */
export const MAX_PAGE_SIZE = 50;
/** Deepest page: beyond it a search must be narrowed (an offset scan past 10 000 rows is not a public service). */
export const MAX_PAGE = 200;

/** D11: browse by agency, category and decision date, or search the published text. */
export class PortalQuery extends PageQuery({ defaultPageSize: 20, maxPageSize: MAX_PAGE_SIZE, maxPage: MAX_PAGE }) {
  @ApiPropertyOptional({ description: '全文检索 — words to find in the published text (whitespace separates words)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ description: '执法主体 id' })
  @IsOptional()
  @IsString()
  @IsCanonicalId()
  agencyId?: string;

  @ApiPropertyOptional({ enum: enforcementCategories })
  @IsOptional()
  @IsIn(enforcementCategories)
  category?: EnforcementCategory;

  @ApiPropertyOptional({
    enum: PORTAL_SECTIONS,
    description: '事前公开 (ex-ante: agency, officers, bases, catalogues, guides…) or 事后公开 (ex-post: decisions)',
  })
  @IsOptional()
  @IsIn(PORTAL_SECTIONS)
  section?: PortalSection;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Decisions made on or after this civil date' })
  @IsOptional()
  @Matches(CIVIL_DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Decisions made on or before this civil date' })
  @IsOptional()
  @Matches(CIVIL_DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}

/** One published item as the public sees it: redacted text only. */
export interface PortalItem {
  id: string;
  decisionNumber: string;
  agencyId: string;
  agencyName: string;
  /** Ex-post: the enforcement category; ex-ante: the item's kind (D1). */
  category: EnforcementCategory | ExAnteKind;
  target: string;
  decidedOn: string;
  publishedAt: string;
  mode: 'full-text' | 'abstract';
  body: string;
  /** Ex-ante rows carry the item's title in `decisionNumber` and its kind in `category`. */
  section: PortalSection;
}

export interface PortalPage {
  items: PortalItem[];
  page: number;
  pageSize: number;
  /** Whether a next page exists (counting every match of a broad search would cost more than the page itself). */
  hasMore: boolean;
}
