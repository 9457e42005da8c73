import type { DateOnly } from '../shared/dates.js';
import type { SalesOrganizationEvent } from './events.js';

/** A rep's membership of a team over a span of days: `from` inclusive, `until` exclusive. */
export interface Membership {
  readonly repId: string;
  readonly teamId: string;
  readonly from: DateOnly;
  readonly until: DateOnly | null;
}

/**
 * The sales organization: offices and teams by id, manager appointments and memberships over
 * time. Plain data (records, not maps), so a command outcome carrying it serializes as JSON.
 */
export interface SalesOrganizationState {
  readonly offices: Readonly<Record<string, { readonly name: string; readonly region: string }>>;
  readonly teams: Readonly<Record<string, { readonly name: string; readonly officeId: string }>>;
  readonly managers: readonly {
    readonly teamId: string;
    readonly managerId: string;
    readonly from: DateOnly;
  }[];
  readonly memberships: readonly Membership[];
}

/** An organization with nothing in it. */
export const initialSalesOrganizationState: SalesOrganizationState = {
  offices: {},
  teams: {},
  managers: [],
  memberships: [],
};

const closeOpen = (memberships: readonly Membership[], repId: string, until: DateOnly) =>
  memberships.map((m) => (m.repId === repId && m.until === null ? { ...m, until } : m));

/** Folds one event into the organization. */
export const evolveSalesOrganization = (
  state: SalesOrganizationState,
  event: SalesOrganizationEvent,
): SalesOrganizationState => {
  switch (event.type) {
    case 'RegionalOfficeOpened': {
      const { officeId, name, region } = event.data;
      return { ...state, offices: { ...state.offices, [officeId]: { name, region } } };
    }
    case 'SalesTeamFormed': {
      const { teamId, name, officeId } = event.data;
      return { ...state, teams: { ...state.teams, [teamId]: { name, officeId } } };
    }
    case 'TeamManagerAppointed': {
      const { teamId, managerId, effectiveFrom } = event.data;
      return {
        ...state,
        managers: [...state.managers, { teamId, managerId, from: effectiveFrom }],
      };
    }
    case 'RepJoinedTeam': {
      const { repId, teamId, effectiveFrom } = event.data;
      return {
        ...state,
        memberships: [
          ...closeOpen(state.memberships, repId, effectiveFrom),
          { repId, teamId, from: effectiveFrom, until: null },
        ],
      };
    }
    case 'RepLeftTeam':
      return {
        ...state,
        memberships: closeOpen(state.memberships, event.data.repId, event.data.effectiveFrom),
      };
  }
};

/** The manager of a team on a day: the latest appointment effective by then. */
export const managerOn = (
  state: SalesOrganizationState,
  teamId: string,
  date: DateOnly,
): string | null =>
  state.managers
    .filter((appointment) => appointment.teamId === teamId && appointment.from <= date)
    .reduce<{ managerId: string; from: DateOnly } | undefined>(
      (latest, appointment) =>
        latest === undefined || appointment.from >= latest.from ? appointment : latest,
      undefined,
    )?.managerId ?? null;

/** Where a rep sat in the organization on a day. */
export interface Placement {
  readonly teamId: string;
  readonly officeId: string;
  readonly region: string;
  readonly managerId: string | null;
}

/**
 * The team, office, region and manager a rep belonged to on `date`: what reports credit a deal
 * won that day to. Undefined when the rep was in no team then.
 */
export const placementOn = (
  state: SalesOrganizationState,
  repId: string,
  date: DateOnly,
): Placement | undefined => {
  const membership = state.memberships.find(
    (m) => m.repId === repId && m.from <= date && (m.until === null || date < m.until),
  );
  if (membership === undefined) return undefined;
  const team = Object.hasOwn(state.teams, membership.teamId)
    ? state.teams[membership.teamId]
    : undefined;
  if (team === undefined) return undefined;
  const managerId = managerOn(state, membership.teamId, date);
  return {
    teamId: membership.teamId,
    officeId: team.officeId,
    region: Object.hasOwn(state.offices, team.officeId)
      ? (state.offices[team.officeId]?.region ?? '')
      : '',
    managerId,
  };
};

/** The reps in a team on a day. */
export const teamMembersOn = (
  state: SalesOrganizationState,
  teamId: string,
  date: DateOnly,
): readonly string[] =>
  state.memberships
    .filter((m) => m.teamId === teamId && m.from <= date && (m.until === null || date < m.until))
    .map((m) => m.repId);

/**
 * The reps a manager manages on a day: the members of every team whose manager that day is
 * `managerId`. Manager permissions (act on the team's customers and deals) build on it.
 */
export const repsManagedOn = (
  state: SalesOrganizationState,
  managerId: string,
  date: DateOnly,
): readonly string[] => {
  const teams = new Set(
    state.memberships
      .filter((m) => m.from <= date && (m.until === null || date < m.until))
      .map((m) => m.teamId),
  );
  return [...teams]
    .filter((teamId) => {
      return managerOn(state, teamId, date) === managerId;
    })
    .flatMap((teamId) => teamMembersOn(state, teamId, date));
};
