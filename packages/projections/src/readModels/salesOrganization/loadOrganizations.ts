import type { SalesOrganizationState } from '@clientele/domain';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { OrganizationDocument, organizationState } from './organizationProjection.js';

/**
 * Every sales organization as the read model has it: offices, teams and their names, managers
 * and effective-dated memberships. The one reader of the organization read model that access
 * scopes, credited groups and report names all use.
 */
export const loadOrganizations = async (
  readModels: ReadModelStore,
): Promise<readonly SalesOrganizationState[]> => {
  const organizations: SalesOrganizationState[] = [];
  for await (const { doc } of activeDocuments(
    readModels,
    'salesOrganization',
    OrganizationDocument,
  ))
    organizations.push(organizationState(doc));
  return organizations;
};
