import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { OrganizationDocument } from './organizationProjection.js';

/**
 * The names of the sales organization's offices and teams by id. They are business data, not a
 * person's, so reports read them from the read model.
 */
export const organizationNames = async (
  readModels: ReadModelStore,
): Promise<ReadonlyMap<string, string>> => {
  const names = new Map<string, string>();
  for await (const { doc } of activeDocuments(
    readModels,
    'salesOrganization',
    OrganizationDocument,
  ))
    for (const event of doc.events) {
      const data = event.data as { officeId?: string; teamId?: string; name?: string };
      if (event.type === 'RegionalOfficeOpened' && data.officeId && data.name)
        names.set(data.officeId, data.name);
      if (event.type === 'SalesTeamFormed' && data.teamId && data.name)
        names.set(data.teamId, data.name);
    }
  return names;
};
