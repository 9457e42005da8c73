import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TeamRole } from '../accountTeam/values.js';
import type { TeamDirectory } from './authorize.js';
import { authorize } from './authorize.js';
import type { ReadPermission } from './readScope.js';
import { inReadScope, readScope } from './readScope.js';
import type { Role } from './roles.js';
import { defaultRolePolicy } from './roles.js';
import { defaultTeamRolePolicy } from './teamGrants.js';
import type { TeamMembership } from './teamReads.js';
import { teamReadsOf, withTeamReads } from './teamReads.js';

const teams: TeamDirectory = { teamMembersOf: () => new Set() };
// Deal d1 belongs to customer c1, d2 to c2; d3 has no customer.
const CUSTOMER_OF: Readonly<Record<string, string>> = { d1: 'c1', d2: 'c2' };
const links = {
  customerOfDeal: (dealId: string) => CUSTOMER_OF[dealId] ?? null,
  dealsOfCustomer: (customerId: string) =>
    Object.keys(CUSTOMER_OF).filter((dealId) => CUSTOMER_OF[dealId] === customerId),
};
const teamRole = fc.constantFrom<TeamRole>(
  'owner',
  'sales_engineer',
  'executive_sponsor',
  'support',
);
const membership: fc.Arbitrary<TeamMembership> = fc.oneof(
  fc.record({
    recordType: fc.constant('opportunity' as const),
    recordId: fc.constantFrom('d1', 'd2', 'd3'),
    teamRole,
  }),
  fc.record({
    recordType: fc.constant('customer' as const),
    recordId: fc.constantFrom('c1', 'c2'),
    teamRole,
  }),
);
const wanted = fc.constantFrom<{ permission: ReadPermission; recordId: string }>(
  ...['d1', 'd2', 'd3'].map((recordId) => ({ permission: 'Opportunity.read' as const, recordId })),
  ...['c1', 'c2'].map((recordId) => ({ permission: 'Customer.read' as const, recordId })),
);

/** The oracle, from the policy's data: which records of the wanted kind a team place reaches. */
const placeReaches = (place: TeamMembership, permission: ReadPermission, recordId: string) => {
  if (
    !defaultTeamRolePolicy[place.teamRole].some(
      (p) => p === permission || p === `${permission.split('.')[0] ?? ''}.*`,
    )
  )
    return false;
  const deal = permission === 'Opportunity.read';
  if (place.recordType === (deal ? 'opportunity' : 'customer')) return place.recordId === recordId;
  return deal ? CUSTOMER_OF[recordId] === place.recordId : CUSTOMER_OF[place.recordId] === recordId;
};

describe('reads through deal and account teams', () => {
  it('reach a record exactly when the role’s own scope or a team place granting the read reaches it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>(
          'sales_rep',
          'sales_manager',
          'marketing',
          'support_agent',
          'finance',
        ),
        fc.array(membership, { maxLength: 4 }),
        wanted,
        fc.constantFrom('se-1', 'rep-9'),
        (role, memberships, { permission, recordId }, ownerId) => {
          const actor = { id: 'se-1', role };
          const reads = teamReadsOf(memberships, defaultTeamRolePolicy, links);
          const scope = withTeamReads(
            readScope(defaultRolePolicy, teams, actor, permission),
            reads(permission),
          );
          const byRole = E.isRight(
            authorize({ policy: defaultRolePolicy, teams }, actor, permission, ownerId),
          );
          const byTeam = memberships.some((place) => placeReaches(place, permission, recordId));
          expect(E.isRight(scope) && inReadScope(scope.right, ownerId, recordId)).toBe(
            byRole || byTeam,
          );
          // A role with no grant and no team place is still refused, naming the permission.
          if (E.isLeft(scope)) expect(scope.left.permission).toBe(permission);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('grant no reads other than customers and deals', () => {
    const reads = teamReadsOf(
      [{ recordType: 'customer', recordId: 'c1', teamRole: 'owner' }],
      defaultTeamRolePolicy,
      links,
    );
    expect([...reads('Invoice.read')]).toEqual([]);
    expect([...reads('Customer.read')]).toEqual(['c1']);
  });
});
