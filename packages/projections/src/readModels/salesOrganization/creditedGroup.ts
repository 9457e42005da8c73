import {
  type DateOnly,
  type Placement,
  type SalesOrganizationState,
  placementOn,
} from '@clientele/domain';
import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { OrganizationDocument, organizationState } from './organizationProjection.js';

/** Who sales figures are credited to. */
export type PerformanceGrouping = 'rep' | 'team' | 'manager' | 'office' | 'region';

/** The group of a rep with no team on the day. */
export const UNPLACED = '(no team)';

/**
 * The group a rep's figures of a day are credited to: the rep, or the team, manager, office or
 * region the rep belonged to that day in the sales organization (effective-dated memberships).
 */
export const creditedGroups = async (
  readModels: ReadModelStore,
  groupBy: PerformanceGrouping,
): Promise<(repId: string, day: string) => string> => {
  if (groupBy === 'rep') return (repId) => repId;
  const organizations: SalesOrganizationState[] = [];
  for await (const { doc } of activeDocuments(
    readModels,
    'salesOrganization',
    OrganizationDocument,
  )) {
    organizations.push(organizationState(doc));
  }
  return (repId, day) => {
    let placement: Placement | undefined;
    for (const organization of organizations) {
      placement ??= placementOn(organization, repId, day as DateOnly);
    }
    if (placement === undefined) return UNPLACED;
    if (groupBy === 'team') return placement.teamId;
    if (groupBy === 'office') return placement.officeId;
    if (groupBy === 'region') return placement.region;
    return placement.managerId ?? '(no manager)';
  };
};
