import type { DataSource, EntityManager } from 'typeorm';
import {
  EX_ANTE_KIND_ZH,
  deadlineMissedV1,
  deadlineWarningV1,
  exAntePortalBody,
  exAntePortalId,
  type DeadlineMissedV1,
  type DeadlineWarningV1,
  type ExAnteState,
  type PublicationLimit,
} from '@enforcement/domain';
import { deterministicEventId, type OutboxRelay, type OutboxWriter } from '@enforcement/platform';
import { civilDate } from '@enforcement/workdays';
import { gramsOf, normaliseForSearch } from '../portal/search.grams';
import { appendLimitFact } from '../activities/limit-lifecycle.facts';
import { exAnteFacts, exAnteLimitFacts, type ExAntePriorRow } from './ex-ante.facts';

const SOURCE = 'disclosure-svc';

export interface ExAnteStoreDeps {
  dataSource: DataSource;
  outbox: OutboxWriter;
  relay: OutboxRelay;
}

/** One step of an item as the workflow records it: numbered, so a retried activity writes nothing twice. */
export interface RecordExAnteStepInput {
  readonly stepNo: number;
  readonly step: string;
  readonly at: string;
  readonly actor: string;
  readonly state: ExAnteState;
  readonly updateBy: PublicationLimit | null;
  readonly detail: Record<string, unknown>;
}

export type ExAnteNoticeInput =
  | {
      readonly kind: 'warning';
      readonly correlationId: string;
      readonly at: string;
      readonly stepNo: number;
      readonly notice: DeadlineWarningV1;
    }
  | {
      readonly kind: 'missed';
      readonly correlationId: string;
      readonly at: string;
      readonly stepNo: number;
      readonly notice: DeadlineMissedV1;
    };

/**
 * Persists ex-ante items (SPEC D1–D3): the working row, the append-only history and the portal row in one
 * transaction. The portal row follows the state — the published version while there is one, nothing otherwise — so
 * a new version replaces the old at once and a withdrawn item is gone from every search at once (D11).
 */
export function createExAnteStoreActivities({ dataSource, outbox, relay }: ExAnteStoreDeps) {
  return {
    async recordExAnteStep(input: RecordExAnteStepInput): Promise<void> {
      const { state } = input;
      let announced = false;
      await dataSource.transaction(async (m) => {
        const [before] = await m.query<ExAntePriorRow[]>(
          `select state, update_by from ex_ante_items where item_id = $1 for update`,
          [state.itemId],
        );
        await m.query(
          `insert into ex_ante_items (item_id, kind, unit_id, agency_id, title, draft_stage, draft_version,
             published_version, published_at, withdrawn_at, flagged_at, update_by, state, step_no, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, now())
           on conflict (item_id) do update set title = excluded.title, draft_stage = excluded.draft_stage,
             draft_version = excluded.draft_version, published_version = excluded.published_version,
             published_at = excluded.published_at, withdrawn_at = excluded.withdrawn_at,
             flagged_at = excluded.flagged_at, update_by = excluded.update_by, state = excluded.state,
             step_no = excluded.step_no, updated_at = now()
           where ex_ante_items.step_no < excluded.step_no`,
          [
            state.itemId,
            state.kind,
            state.unitId,
            state.agencyId,
            (state.draft ?? state.published)?.content.title ?? '',
            state.draft?.stage ?? null,
            state.draft?.version ?? null,
            state.published?.version ?? null,
            state.published?.publishedAt ?? null,
            state.withdrawn?.at ?? null,
            state.flag?.flaggedAt ?? null,
            state.flag ? (input.updateBy?.deadline ?? null) : null,
            JSON.stringify(state),
            input.stepNo,
          ],
        );
        const inserted = await m.query(
          `insert into ex_ante_history (item_id, step_no, step, at, actor, version, detail)
           values ($1, $2, $3, $4, $5, $6, $7::jsonb) on conflict (item_id, step_no) do nothing returning seq`,
          [
            state.itemId,
            input.stepNo,
            input.step,
            input.at,
            input.actor,
            state.draft?.version ?? state.published?.version ?? null,
            JSON.stringify({ ...input.detail, content: state.draft?.content ?? state.published?.content ?? null }),
          ],
        );
        if ((inserted as unknown[]).length === 0) return;
        await syncPortal(m, state);
        const facts = exAnteFacts(before ?? null, input);
        for (const fact of facts) await outbox.append(m, fact.contract, fact.event);
        const limits = exAnteLimitFacts(before ?? null, input);
        const correlationId = exAntePortalId(state.itemId);
        for (const limit of limits) await appendLimitFact(outbox, m, { ...limit, correlationId });
        announced = facts.length + limits.length > 0;
      });
      if (announced) relay.kick();
    },

    /** C2, D3: a flagged item's update limit is near or missed — a deadline fact through the outbox. */
    async publishExAnteNotice(input: ExAnteNoticeInput): Promise<void> {
      const { notice } = input;
      const step = `deadline/${input.kind}/${notice.limit}/${notice.deadline}`;
      await dataSource.transaction(async (m) => {
        const envelope = {
          id: deterministicEventId(notice.subjectId, step),
          source: SOURCE,
          subject: notice.caseNo,
          time: input.at,
          correlationId: input.correlationId,
        };
        if (input.kind === 'warning') {
          await outbox.append(m, deadlineWarningV1, { ...envelope, type: deadlineWarningV1.type, data: input.notice });
        } else {
          await outbox.append(m, deadlineMissedV1, { ...envelope, type: deadlineMissedV1.type, data: input.notice });
        }
        await m.query(
          `insert into ex_ante_history (item_id, step_no, step, at, actor, version, detail)
           values ($1, $2, $3, $4, 'system', null, $5::jsonb) on conflict (item_id, step_no) do nothing`,
          [
            notice.subjectId.replace(/^ex-ante:/u, ''),
            input.stepNo,
            step,
            input.at,
            JSON.stringify({ deadline: notice.deadline }),
          ],
        );
      });
      relay.kick();
    },
  };
}

async function syncPortal(m: EntityManager, state: ExAnteState): Promise<void> {
  const id = exAntePortalId(state.itemId);
  const published = state.published;
  if (!published) {
    await m.query(`delete from portal_items where publication_id = $1`, [id]);
    return;
  }
  const kindZh = EX_ANTE_KIND_ZH[state.kind];
  const body = exAntePortalBody(published.content);
  const searchText = normaliseForSearch([published.content.title, state.agencyName, kindZh, body].join('\n'));
  await m.query(
    `insert into portal_items (publication_id, decision_number, agency_id, agency_name, category, target, decided_on,
       published_at, mode, body, search_text, grams, section)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'full-text', $9, $10, $11, 'ex-ante')
     on conflict (publication_id) do update set decision_number = excluded.decision_number,
       agency_name = excluded.agency_name, target = excluded.target, decided_on = excluded.decided_on,
       published_at = excluded.published_at, body = excluded.body, search_text = excluded.search_text,
       grams = excluded.grams`,
    [
      id,
      published.content.title,
      state.agencyId,
      state.agencyName,
      state.kind,
      kindZh,
      civilDate(new Date(published.publishedAt)),
      published.publishedAt,
      body,
      searchText,
      gramsOf(searchText),
    ],
  );
}

export type ExAnteStoreActivities = ReturnType<typeof createExAnteStoreActivities>;
