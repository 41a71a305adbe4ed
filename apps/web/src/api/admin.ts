/**
 * Typed client of agency IT's administration (gateway): the working-day calendar (`/api/v1/admin/calendar`, SPEC
 * W4/W7) and the major-decision catalogue's versions (`/api/v1/catalogue`, L1).
 */
import { getJson, putJson, query } from './http';

export interface CalendarInUse {
  years: string;
  /** W7: the year after the published ones, derived from the national holiday regulation. */
  provisionalYear: number | null;
  fingerprint: string;
  publishedYearsApplied: Record<string, number>;
  lastError: string | null;
  coverageWarning: string | null;
}

export interface CalendarState {
  inUse: CalendarInUse;
  published: { year: number; revision: number; publishedBy: string; publishedAt: string }[];
}

export interface YearArrangement {
  year: number;
  sources: { title: string; docNo?: string; issuedOn: string }[];
  holidays: { name: string; nameEn: string; days: string[] }[];
  makeupWorkdays: string[];
}

export interface CatalogueVersionSummary {
  agencyId: string;
  version: number;
  effectiveFrom: string;
  adoptedBy: string;
  entryCount: number;
  publishedBy: string;
  publishedAt: string;
  inForce: boolean;
}

/** The catalogue as the API gives it; edited as JSON by the administrator and sent back as the next version. */
export type Catalogue = Record<string, unknown> & { version?: number; entries?: unknown[] };

export const adminApi = {
  calendar: () => getJson<CalendarState>('/api/v1/admin/calendar'),
  publishYear: (arrangement: YearArrangement) =>
    putJson<unknown>(`/api/v1/admin/calendar/years/${arrangement.year}`, arrangement),
  catalogueVersions: () => getJson<CatalogueVersionSummary[]>('/api/v1/catalogue/versions'),
  catalogue: (version?: number) => getJson<Catalogue>(`/api/v1/catalogue${query({ version })}`),
  publishCatalogue: (catalogue: Catalogue) => putJson<Catalogue>('/api/v1/catalogue', catalogue),
};
