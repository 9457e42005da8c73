import * as E from 'fp-ts/lib/Either.js';
import type { CommandAuthorizer } from '@clientele/eventstore';
import type { AccountTeamState } from '../accountTeam/state.js';
import type { TeamRecordType, TeamRole } from '../accountTeam/values.js';
import { patternCovers } from './authorize.js';

/**
 * What each team role may do on the deal or account it is a member of, as permission patterns:
 * plain data like the role policy, so a tenant can change it and a test can read it.
 */
export type TeamRolePolicy = Readonly<Record<TeamRole, readonly string[]>>;

/**
 * The default team-role policy. An owner works the record like its owner; a sales engineer
 * reads it, quotes and records competitors; an executive sponsor and support read it. Everyone
 * on a team may log activities, tasks and appointments of their own (the role policy's grant).
 */
export const defaultTeamRolePolicy: TeamRolePolicy = {
  owner: ['Opportunity.*', 'Customer.*'],
  sales_engineer: [
    'Opportunity.read',
    'Opportunity.IssueQuote',
    'Opportunity.RecordCompetitor',
    'Customer.read',
  ],
  executive_sponsor: ['Opportunity.read', 'Customer.read'],
  support: ['Customer.read', 'Opportunity.read'],
};

/** Who is on which deal's or account's team, in which role. */
export interface AccountTeamDirectory {
  rolesOf(recordType: TeamRecordType, recordId: string, memberId: string): readonly TeamRole[];
}

/** A directory of no teams: team roles then grant nothing. */
export const noAccountTeams: AccountTeamDirectory = { rolesOf: () => [] };

/** A directory from the teams' states (loaded, or folded by a read model). */
export const accountTeamDirectoryOf = (
  teams: Iterable<{
    readonly recordType: TeamRecordType;
    readonly recordId: string;
    readonly team: AccountTeamState;
  }>,
): AccountTeamDirectory => {
  const byRecord = new Map<string, AccountTeamState>();
  for (const { recordType, recordId, team } of teams)
    byRecord.set(`${recordType}:${recordId}`, team);
  return {
    rolesOf: (recordType, recordId, memberId) => {
      const role = byRecord.get(`${recordType}:${recordId}`)?.members[memberId];
      return role === undefined ? [] : [role];
    },
  };
};

/** Whether any of the team roles grants `permission` under the team-role policy. */
export const teamRolesGrant = (
  policy: TeamRolePolicy,
  roles: readonly TeamRole[],
  permission: string,
): boolean =>
  roles.some((role) => policy[role].some((pattern) => patternCovers(pattern, permission)));

/** Options of {@link withTeamGrants}. */
export interface TeamGrantOptions<Command> {
  /** The aggregate the permissions name, `Opportunity`. */
  readonly aggregate: string;
  readonly recordType: TeamRecordType;
  readonly recordIdOf: (command: Command) => string;
  readonly directory: AccountTeamDirectory;
  readonly policy: TeamRolePolicy;
}

/**
 * An authorizer that also lets team members do what their team role grants on the record: the
 * actor's own role decides first; when it refuses, a team role granting `<aggregate>.<kind>`
 * allows it, and otherwise the role's denial stands.
 */
export const withTeamGrants =
  <Command extends { readonly kind: string }, State>(
    authorizer: CommandAuthorizer<Command, State>,
    options: TeamGrantOptions<Command>,
  ): CommandAuthorizer<Command, State> =>
  (command, state, context) => {
    const byRole = authorizer(command, state, context);
    if (E.isRight(byRole)) return byRole;
    const roles = options.directory.rolesOf(
      options.recordType,
      options.recordIdOf(command),
      context.actor.id,
    );
    return teamRolesGrant(options.policy, roles, `${options.aggregate}.${command.kind}`)
      ? E.right(undefined)
      : byRole;
  };
