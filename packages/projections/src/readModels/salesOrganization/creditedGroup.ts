import { type DateOnly, type Placement, placementOn } from '@clientele/domain';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { loadOrganizations } from './loadOrganizations.js';

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
  const organizations = await loadOrganizations(readModels);
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
