import type { DateOnly } from '../shared/dates.js';
import type { SalesOrganizationState } from '../salesOrganization/state.js';
import { repsManagedOn } from '../salesOrganization/state.js';
import type { TeamDirectory } from './authorize.js';

/**
 * The team directory of the sales organization on one day: a manager's team members are the reps
 * in every team they manage that day, across `organizations`. Reads and exports are checked
 * against it, so a rep who moved teams leaves their old manager's scope on the day they move.
 */
export const teamDirectoryOn = (
  organizations: readonly SalesOrganizationState[],
  day: DateOnly,
): TeamDirectory => {
  const cache = new Map<string, ReadonlySet<string>>();
  return {
    teamMembersOf: (managerId) => {
      let members = cache.get(managerId);
      if (members === undefined) {
        members = new Set(
          organizations.flatMap((organization) => repsManagedOn(organization, managerId, day)),
        );
        cache.set(managerId, members);
      }
      return members;
    },
  };
};
