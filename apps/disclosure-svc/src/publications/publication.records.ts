import type { EntityManager } from 'typeorm';
import type {
  CaseDecisionIssuedV1,
  PublicationLimit,
  PublicationState,
  PublicationWorkflowInput,
} from '@enforcement/domain';
import type { Origin, OutboxRow } from '@enforcement/platform';
import { gramsOf, normaliseForSearch } from '../portal/search.grams';

/** The working row's insert (parameters $1–$13, see publicationValues); a row already there is kept. */
const INSERT_PUBLICATION = `insert into publications (publication_id, decision_number, case_number, unit_id, agency_id,
       category, party_kind, status, mode, decided_at, publish_by, publish_by_provisional, marks, revision)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, 0)
     on conflict (publication_id) do nothing`;

function publicationValues(
  publicationId: string,
  decision: CaseDecisionIssuedV1,
  limit: PublicationLimit,
  state: PublicationState,
): unknown[] {
  return [
    publicationId,
    decision.decisionNumber,
    decision.caseNumber,
    decision.unitId,
    decision.agency.id,
    decision.category,
    decision.party.kind,
    state.status,
    state.mode,
    decision.decidedAt,
    limit.deadline,
    limit.provisional,
    JSON.stringify(state.draft.marks),
  ];
}

/**
 * D6, C2, issue 10: a draft's rows in one statement, so the decision consumer's transaction makes one round trip for
 * them, not four: the working row, the D4 limit's `deadline.started.v1` (an outbox row, see OutboxWriter.row), the
 * `drafted` step and, when given, the pending workflow start (`publication_starts`). All or nothing: when the working
 * row exists already (an earlier fact, or the workflow drafted it) nothing is written. True when this call drafted.
 */
export async function insertDraft(
  m: EntityManager,
  input: {
    publicationId: string;
    decision: CaseDecisionIssuedV1;
    limit: PublicationLimit;
    state: PublicationState;
    limitStarted: OutboxRow;
    drafted: { at: string; detail: Record<string, unknown> };
    start?: { input: PublicationWorkflowInput; origin: Origin };
  },
): Promise<boolean> {
  const { limitStarted: fact, start } = input;
  const rows: { drafted: number }[] = await m.query(
    `with draft as (${INSERT_PUBLICATION} returning publication_id),
       fact as (insert into outbox (id, topic, key, type, payload, trace_context)
                select $14::uuid, $15, $16, $17, $18::jsonb, $19::jsonb from draft on conflict do nothing),
       step as (insert into publication_history (publication_id, step, at, actor, detail)
                select publication_id, 'drafted', $20::timestamptz, 'system', $21::jsonb from draft
                on conflict (publication_id, step) do nothing)
       ${
         start
           ? `, start as (insert into publication_starts (publication_id, input, origin, trace_context)
                select publication_id, $22::jsonb, $23::jsonb, $19::jsonb from draft on conflict do nothing)`
           : ''
       }
     select count(*)::int as drafted from draft`,
    [
      ...publicationValues(input.publicationId, input.decision, input.limit, input.state),
      fact.id,
      fact.topic,
      fact.key,
      fact.type,
      JSON.stringify(fact.payload),
      fact.traceContext && JSON.stringify(fact.traceContext),
      input.drafted.at,
      JSON.stringify(input.drafted.detail),
      ...(start ? [JSON.stringify(start.input), JSON.stringify(start.origin)] : []),
    ],
  );
  return rows[0].drafted === 1;
}

/** The working row after a review step; a stale retry (lower revision) changes nothing. */
export async function updatePublication(
  m: EntityManager,
  publicationId: string,
  revision: number,
  state: PublicationState,
  extra: { onTime?: boolean; expiresAt?: string | null; withdrawnAt?: string; withdrawalReason?: string } = {},
): Promise<void> {
  await m.query(
    `update publications set status = $3, mode = $4, marks = $5::jsonb, exemption = $6::jsonb,
       published_at = $7, on_time = coalesce($8, on_time), expires_at = coalesce($9, expires_at),
       withdrawn_at = coalesce($10, withdrawn_at), withdrawal_reason = coalesce($11, withdrawal_reason),
       revision = $2, updated_at = now()
     where publication_id = $1 and revision < $2`,
    [
      publicationId,
      revision,
      state.status,
      state.mode,
      JSON.stringify(state.draft.marks),
      state.exemption === null ? null : JSON.stringify(state.exemption),
      state.publishedAt,
      extra.onTime ?? null,
      extra.expiresAt ?? null,
      extra.withdrawnAt ?? null,
      extra.withdrawalReason ?? null,
    ],
  );
}

/** One step of the append-only history; the (publication, step) key makes a retry a no-op. */
export async function appendHistory(
  m: EntityManager,
  publicationId: string,
  step: string,
  at: string,
  actor: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await m.query(
    `insert into publication_history (publication_id, step, at, actor, detail) values ($1, $2, $3, $4, $5::jsonb)
     on conflict (publication_id, step) do nothing`,
    [publicationId, step, at, actor, JSON.stringify(detail)],
  );
}

/** What the portal serves: redacted text only (D6, D11). */
export interface PortalRow {
  readonly publicationId: string;
  readonly decision: CaseDecisionIssuedV1;
  readonly publishedAt: string;
  readonly mode: string;
  readonly body: string;
}

export async function insertPortalItem(m: EntityManager, row: PortalRow): Promise<void> {
  const d = row.decision;
  const searchText = normaliseForSearch([d.decisionNumber, d.agency.name, row.body].join('\n'));
  await m.query(
    `insert into portal_items (publication_id, decision_number, agency_id, agency_name, category, target, decided_on,
       published_at, mode, body, search_text, grams)
     values ($1, $2, $3, $4, $5, $6, ($7::timestamptz at time zone 'Asia/Shanghai')::date, $8, $9, $10, $11, $12)
     on conflict (publication_id) do nothing`,
    [
      row.publicationId,
      d.decisionNumber,
      d.agency.id,
      d.agency.name,
      d.category,
      publicTarget(d),
      d.decidedAt,
      row.publishedAt,
      row.mode,
      row.body,
      searchText,
      gramsOf(searchText),
    ],
  );
}

/** D7, D8: a withdrawn item leaves the portal at once. */
export async function deletePortalItem(m: EntityManager, publicationId: string): Promise<void> {
  await m.query(`delete from portal_items where publication_id = $1`, [publicationId]);
}

/** 执法对象 — the party as the decision names it; published by rule (D6 abstract, 003 附件 (十四)). */
export function publicTarget(d: CaseDecisionIssuedV1): string {
  return d.party.name;
}

/** D9: a corrected item's new redacted text replaces the old on the portal (search terms included). */
export async function replacePortalBody(
  m: EntityManager,
  publicationId: string,
  decision: CaseDecisionIssuedV1,
  body: string,
): Promise<void> {
  const searchText = normaliseForSearch([decision.decisionNumber, decision.agency.name, body].join('\n'));
  await m.query(`update portal_items set body = $2, search_text = $3, grams = $4 where publication_id = $1`, [
    publicationId,
    body,
    searchText,
    gramsOf(searchText),
  ]);
}
