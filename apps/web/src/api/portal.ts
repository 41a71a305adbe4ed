/**
 * Typed client of the public portal (gateway `/api/v1/portal`, SPEC D11): what disclosure-svc has published, redacted,
 * readable without signing in. Shapes mirror disclosure-svc's portal DTOs.
 */
import type { EnforcementCategory } from '@enforcement/domain/case/case.types';
import { getJson, query } from './http';

export interface PortalItem {
  id: string;
  decisionNumber: string;
  agencyId: string;
  agencyName: string;
  category: EnforcementCategory;
  target: string;
  decidedOn: string;
  publishedAt: string;
  mode: 'full-text' | 'abstract';
  body: string;
}

export interface PortalPage {
  items: PortalItem[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export interface PortalQuery {
  q?: string;
  category?: EnforcementCategory;
  page?: number;
  pageSize?: number;
}

export const portalApi = {
  search: (params: PortalQuery) => getJson<PortalPage>(`/api/v1/portal/items${query({ ...params })}`),
  item: (id: string) => getJson<PortalItem>(`/api/v1/portal/items/${encodeURIComponent(id)}`),
};
