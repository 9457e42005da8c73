import type { ReadModelStore } from '../../store/readModelStore.js';
import { loadOrganizations } from './loadOrganizations.js';

/**
 * The names of the sales organization's offices and teams by id. They are business data, not a
 * person's, so reports read them from the read model.
 */
export const organizationNames = async (
  readModels: ReadModelStore,
): Promise<ReadonlyMap<string, string>> => {
  const names = new Map<string, string>();
  for (const organization of await loadOrganizations(readModels)) {
    for (const [officeId, office] of Object.entries(organization.offices))
      names.set(officeId, office.name);
    for (const [teamId, team] of Object.entries(organization.teams)) names.set(teamId, team.name);
  }
  return names;
};
