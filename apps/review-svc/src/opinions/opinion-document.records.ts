import type { DataSource, EntityManager } from 'typeorm';
import type { OpinionCopy } from '@enforcement/domain';

/** One registered copy of an opinion document (`opinion_documents`, append-only). */
export interface OpinionDocumentRow {
  readonly reviewId: string;
  readonly round: number;
  readonly documentNo: string;
  readonly copy: OpinionCopy;
  readonly sha256: string;
  readonly byteSize: number;
  readonly createdAt: Date;
}

const COLUMNS = `review_id as "reviewId", round, document_no as "documentNo", copy, sha256, byte_size as "byteSize",
  created_at as "createdAt"`;

/** Registers a copy once; a second insert of the same (review, round, copy) changes nothing. */
export async function insertOpinionDocument(
  manager: EntityManager,
  row: Omit<OpinionDocumentRow, 'createdAt'>,
): Promise<void> {
  await manager.query(
    `insert into opinion_documents (review_id, round, document_no, copy, sha256, byte_size)
     values ($1, $2, $3, $4, $5, $6) on conflict (review_id, round, copy) do nothing`,
    [row.reviewId, row.round, row.documentNo, row.copy, row.sha256, row.byteSize],
  );
}

/** The copies of one round, handling unit's first. */
export async function opinionDocumentsOf(
  db: DataSource | EntityManager,
  reviewId: string,
  round: number,
): Promise<OpinionDocumentRow[]> {
  return db.query(
    `select ${COLUMNS} from opinion_documents where review_id = $1 and round = $2
     order by case copy when 'handling-unit-with-case-file' then 0 else 1 end`,
    [reviewId, round],
  );
}

/** The copies of the latest round that has a document, of the case's latest review. */
export async function latestOpinionDocumentsOfCase(
  db: DataSource,
  caseNo: string,
): Promise<{ reviewId: string; unitId: string; documents: OpinionDocumentRow[] } | null> {
  const [review] = await db.query(
    `select review_id as "reviewId", unit_id as "unitId" from reviews where case_no = $1
     order by submitted_at desc limit 1`,
    [caseNo],
  );
  if (review === undefined) return null;
  const documents: OpinionDocumentRow[] = await db.query(
    `select ${COLUMNS} from opinion_documents
     where review_id = $1 and round = (select max(round) from opinion_documents where review_id = $1)
     order by case copy when 'handling-unit-with-case-file' then 0 else 1 end`,
    [review.reviewId],
  );
  return { reviewId: review.reviewId, unitId: review.unitId, documents };
}
