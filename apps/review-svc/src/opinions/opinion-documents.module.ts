import { Module } from '@nestjs/common';
import { BlobStore } from '../blobs/blob.store';
import { OpinionDocumentsController } from './opinion-documents.controller';

/** Read side of the 法制审核意见书 (L9): the register and the verified PDFs. */
@Module({
  controllers: [OpinionDocumentsController],
  providers: [{ provide: BlobStore, useFactory: () => new BlobStore() }],
})
export class OpinionDocumentsModule {}
