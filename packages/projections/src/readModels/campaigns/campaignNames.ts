import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { CampaignDocument } from './campaignDocument.js';

/** Campaign names by id (business data, kept in the `campaigns` read model). */
export const campaignNames = async (
  readModels: ReadModelStore,
): Promise<ReadonlyMap<string, string>> => {
  const names = new Map<string, string>();
  for await (const { doc } of activeDocuments(readModels, 'campaigns', CampaignDocument))
    if (doc.name !== '') names.set(doc.campaignId, doc.name);
  return names;
};
