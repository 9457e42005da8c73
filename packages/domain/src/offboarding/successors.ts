import * as E from 'fp-ts/lib/Either.js';
import type { DateOnly } from '../shared/dates.js';
import type { SalesOrganizationState } from '../salesOrganization/state.js';
import { placementOn, teamMembersOn } from '../salesOrganization/state.js';
import type { OffboardingError } from './errors.js';
import type { ReassignmentPolicy } from './values.js';

/**
 * Who takes over a departing rep's records under `policy`, from the organization on `day` (the
 * notice date): their team's manager, or their teammates sorted by id for the round-robin. A rep
 * in no team, a team without a manager, or a team of one is refused, naming why.
 */
export const successorsOf = (
  organization: SalesOrganizationState,
  repId: string,
  day: DateOnly,
  policy: ReassignmentPolicy,
): E.Either<OffboardingError, readonly string[]> => {
  const none = (reason: string) => E.left<OffboardingError>({ kind: 'NoSuccessor', repId, reason });
  const placement = placementOn(organization, repId, day);
  if (placement === undefined) return none(`${repId} is in no team on ${day}`);
  if (policy === 'manager') {
    const { managerId } = placement;
    if (managerId === null || managerId === repId)
      return none(`team ${placement.teamId} has no other manager on ${day}`);
    return E.right([managerId]);
  }
  const teammates = teamMembersOn(organization, placement.teamId, day)
    .filter((member) => member !== repId)
    .sort();
  return teammates.length === 0
    ? none(`${repId} has no teammate in team ${placement.teamId} on ${day}`)
    : E.right(teammates);
};
