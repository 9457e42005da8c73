import * as E from 'fp-ts/lib/Either.js';
import type { AuthorizationDenial } from '@clientele/eventstore';
import type { TeamRecordType, TeamRole } from '../accountTeam/values.js';
import type { ReadPermission, ReadScope } from './readScope.js';
import type { TeamRolePolicy } from './teamGrants.js';
import { teamRolesGrant } from './teamGrants.js';

/** One place a user holds on a deal's or an account's team. */
export interface TeamMembership {
  readonly recordType: TeamRecordType;
  readonly recordId: string;
  readonly teamRole: TeamRole;
}

/**
 * How deals and customers are linked, for reads that cross from one to the other: a deal's
 * customer (null when it has none), and a customer's deals.
 */
export interface DealCustomerLinks {
  customerOfDeal(opportunityId: string): string | null;
  dealsOfCustomer(customerId: string): readonly string[];
}

/** The records one actor may read through their team places, per read permission. */
export type TeamReads = (permission: ReadPermission) => ReadonlySet<string>;

/** No team places: team roles add no reads. */
export const noTeamReads: TeamReads = () => new Set();

/** The kind of record a read permission reads, when teams can grant it. */
const RECORD_TYPE_READ: Partial<Record<ReadPermission, TeamRecordType>> = {
  'Customer.read': 'customer',
  'Opportunity.read': 'opportunity',
};

/** The records of `wanted` type a team place reaches: the record itself, or the one linked to it. */
const recordsReached = (
  membership: TeamMembership,
  wanted: TeamRecordType,
  links: DealCustomerLinks,
): readonly string[] => {
  if (membership.recordType === wanted) return [membership.recordId];
  if (membership.recordType === 'opportunity') {
    const customerId = links.customerOfDeal(membership.recordId);
    return customerId === null ? [] : [customerId];
  }
  return links.dealsOfCustomer(membership.recordId);
};

/**
 * What an actor's team places let them read, under the team-role policy: a team role granting
 * `Opportunity.read` reads the team's deal (or, on a customer's team, the customer's deals); one
 * granting `Customer.read` reads the team's customer (or, on a deal's team, the deal's customer
 * and so its timeline). Other read permissions are never granted by a team.
 */
export const teamReadsOf = (
  memberships: readonly TeamMembership[],
  policy: TeamRolePolicy,
  links: DealCustomerLinks,
): TeamReads => {
  const cache = new Map<ReadPermission, ReadonlySet<string>>();
  return (permission) => {
    const wanted = RECORD_TYPE_READ[permission];
    if (wanted === undefined) return new Set();
    let records = cache.get(permission);
    if (records === undefined) {
      records = new Set(
        memberships
          .filter((membership) => teamRolesGrant(policy, [membership.teamRole], permission))
          .flatMap((membership) => recordsReached(membership, wanted, links)),
      );
      cache.set(permission, records);
    }
    return records;
  };
};

/**
 * A read scope widened by the records a team grants: an `any` scope stays as it is, a narrower
 * one also reaches `records`, and a role with no grant at all reads `records` alone (its denial
 * stands when there are none).
 */
export const withTeamReads = (
  scope: E.Either<AuthorizationDenial, ReadScope>,
  records: ReadonlySet<string>,
): E.Either<AuthorizationDenial, ReadScope> => {
  if (records.size === 0) return scope;
  if (E.isLeft(scope))
    return E.right({
      permission: scope.left.permission,
      reach: 'own',
      owners: new Set<string>(),
      records,
    });
  return scope.right.reach === 'any' ? scope : E.right({ ...scope.right, records });
};
