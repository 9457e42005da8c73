import type { TeamDirectory } from './authorize.js';

/** Who left or is leaving: each departing actor's id with the day their access ends. */
export type StaffDepartures = ReadonlyMap<string, string>;

/**
 * The team directory `teams` with departures applied on `day` (YYYY-MM-DD): an actor whose access
 * ends on or before `day` is refused every command and read (`authorize` and `readScope` name the
 * day), and no manager's team reaches them any more.
 */
export const withDepartures = (
  teams: TeamDirectory,
  departures: StaffDepartures,
  day: string,
): TeamDirectory => {
  const ended = (actorId: string): string | undefined => {
    const leavesOn = departures.get(actorId);
    return leavesOn !== undefined && leavesOn <= day ? leavesOn : undefined;
  };
  return {
    teamMembersOf: (managerId) =>
      new Set([...teams.teamMembersOf(managerId)].filter((member) => ended(member) === undefined)),
    accessEndedOn: (actorId) => ended(actorId) ?? teams.accessEndedOn?.(actorId),
  };
};
