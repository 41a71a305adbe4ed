import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { OpinionCopy } from '@enforcement/domain';
import type { BlobStore } from '../blobs/blob.store';
import { OpinionDocumentInputError, renderOpinionDocument, type OpinionDocumentInput } from '../opinions';
import { recordedPartyOf, withRecordedParty } from '../opinions/opinion-document.party';
import { insertOpinionDocument, opinionDocumentsOf } from '../opinions/opinion-document.records';
import type { IssueOpinionDocumentInput } from '../workflows/opinion-document.input';
import { withStoreRefusals } from '@enforcement/platform';

/** One registered copy, as the workflow keeps it in its view. */
export interface IssuedOpinionCopy {
  readonly copy: OpinionCopy;
  readonly sha256: string;
  readonly byteSize: number;
}

export interface IssuedOpinionDocument {
  readonly documentNo: string;
  readonly round: number;
  readonly copies: readonly IssuedOpinionCopy[];
}

export interface OpinionDocumentActivityDeps {
  dataSource: DataSource;
  blobs: BlobStore;
  /** The renderer; tests may pass one with fixed fonts. */
  render?: (input: OpinionDocumentInput) => ReturnType<typeof renderOpinionDocument>;
}

/**
 * 法制审核意见书 (SPEC L9): renders the two registered copies, stores each PDF in the blob store and registers both in
 * `opinion_documents`. Retry-safe: once a round's copies are registered a retry renders nothing and returns the
 * register; before that, blobs are content-addressed (same bytes, same file) and the rows are insert-once.
 */
export function createOpinionDocumentActivities({
  dataSource,
  blobs,
  render = (input) => renderOpinionDocument(input),
}: OpinionDocumentActivityDeps) {
  return withStoreRefusals({
    async issueOpinionDocument(input: IssueOpinionDocumentInput): Promise<IssuedOpinionDocument> {
      const registered = await opinionDocumentsOf(dataSource, input.reviewId, input.round);
      if (registered.length < 2) {
        let rendered: Awaited<ReturnType<typeof render>>;
        try {
          // L9: the party printed is the case record's (issue 9), whatever the submission said.
          rendered = await render(withRecordedParty(input.document, await recordedPartyOf(dataSource, input.caseNo)));
        } catch (error) {
          // A document that cannot be lawful will not become one by retrying; a missing font will, once installed.
          const code = (error as { code?: unknown }).code;
          if (error instanceof OpinionDocumentInputError || (typeof code === 'string' && code.startsWith('REVIEW.'))) {
            throw ApplicationFailure.nonRetryable((error as Error).message, code as string);
          }
          throw error;
        }
        // Blobs first: a row never points at bytes that are not there.
        for (const { pdf } of rendered.copies) await blobs.put(pdf);
        await dataSource.transaction(async (manager) => {
          for (const { copy, pdf, sha256 } of rendered.copies) {
            await insertOpinionDocument(manager, {
              reviewId: input.reviewId,
              round: input.round,
              documentNo: input.document.documentNo,
              copy,
              sha256,
              byteSize: pdf.length,
            });
          }
        });
      }
      const rows = await opinionDocumentsOf(dataSource, input.reviewId, input.round);
      return {
        documentNo: rows[0]?.documentNo ?? input.document.documentNo,
        round: input.round,
        copies: rows.map((row) => ({ copy: row.copy, sha256: row.sha256, byteSize: row.byteSize })),
      };
    },
  });
}

export type OpinionDocumentActivities = ReturnType<typeof createOpinionDocumentActivities>;
