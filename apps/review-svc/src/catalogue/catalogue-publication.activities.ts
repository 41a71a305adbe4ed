import type { DataSource } from 'typeorm';
import type { PublishCatalogueVersionInput, PublishCatalogueVersionResult } from '@enforcement/domain';
import { withStoreRefusals } from '@enforcement/platform';
import { publishCatalogueVersion } from './catalogue-versions.records';

/** The one side effect of `publishCatalogueVersionWorkflow`: the version and its audit row, once per call (L1). */
export function createCataloguePublicationActivities({ dataSource }: { dataSource: DataSource }) {
  return withStoreRefusals({
    async publishCatalogueVersion(input: PublishCatalogueVersionInput): Promise<PublishCatalogueVersionResult> {
      return publishCatalogueVersion(dataSource, input);
    },
  });
}

export type CataloguePublicationActivities = ReturnType<typeof createCataloguePublicationActivities>;
