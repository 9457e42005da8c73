import { permitEveryoneInTests } from '@clientele/eventstore/testing';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, CommandContext } from '@clientele/eventstore';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { createAccountTeamService } from '../accountTeam/accountTeamService.js';
import type { TeamRole } from '../accountTeam/values.js';
import { createCustomerService } from '../customer/customerService.js';
import { createOpportunityService } from '../opportunity/opportunityService.js';
import type { TeamDirectory } from './authorize.js';
import { authorize } from './authorize.js';
import type { Role } from './roles.js';
import { defaultRolePolicy } from './roles.js';
import type { AccountTeamDirectory } from './teamGrants.js';
import { accountTeamDirectoryOf, defaultTeamRolePolicy, teamRolesGrant } from './teamGrants.js';
import { teamAwareSalesAuthorizers } from './teamSalesAuthorizers.js';

const teams: TeamDirectory = {
  teamMembersOf: (managerId) => (managerId === 'mgr-east' ? new Set(['rep-ada']) : new Set()),
};
const admin: Actor = { id: 'admin', role: 'administrator' };
let sequence = 0;
const context = (actor: Actor): CommandContext => ({
  commandId: `0194a000-0000-7000-8000-${String((sequence += 1)).padStart(12, '0')}`,
  actor,
  occurredAt: '2026-03-03T09:15:00Z',
});

const commands = fc.constantFrom(
  { aggregate: 'Customer', input: { kind: 'TagCustomer', customerId: 'c1', add: ['vip'] } },
  {
    aggregate: 'Customer',
    input: { kind: 'AssignCustomerOwner', customerId: 'c1', ownerId: 'rep-bob' },
  },
  {
    aggregate: 'Opportunity',
    input: {
      kind: 'ChangeOpportunityAmount',
      opportunityId: 'o1',
      amount: { amountMinor: 120_000, currency: 'EUR' },
    },
  },
  {
    aggregate: 'Opportunity',
    input: { kind: 'RecordCompetitor', opportunityId: 'o1', competitor: 'Globex' },
  },
) as fc.Arbitrary<{ aggregate: 'Customer' | 'Opportunity'; input: { kind: string } }>;

const membership = fc.record({
  teamRole: fc.constantFrom<TeamRole>('owner', 'sales_engineer', 'executive_sponsor', 'support'),
  // A member taken off the team again keeps nothing.
  removed: fc.boolean(),
});
const actors = fc.record({
  id: fc.constantFrom('rep-bob', 'se-cy', 'mgr-west'),
  role: fc.constantFrom<Role>('sales_rep', 'sales_manager', 'support_agent', 'marketing'),
});

describe('authorization with deal and account teams', () => {
  it('lets a team member do exactly what their role or their team role grants on that record', () =>
    fc.assert(
      fc.asyncProperty(
        actors,
        membership,
        commands,
        async (actor, member, { aggregate, input }) => {
          const store = createInMemoryEventStore();
          let directory: AccountTeamDirectory = accountTeamDirectoryOf([]);
          const live: AccountTeamDirectory = { rolesOf: (...at) => directory.rolesOf(...at) };
          const authorizers = teamAwareSalesAuthorizers(defaultRolePolicy, teams, live);
          const customers = createCustomerService(store, {
            tenantId: 't',
            tenantKey: 'k',
            authorize: authorizers.customer,
          });
          const deals = createOpportunityService(store, { authorize: authorizers.opportunity });
          const teamService = createAccountTeamService(store, {
            authorize: permitEveryoneInTests(),
          });
          const seeded = [
            await customers.handle(
              {
                kind: 'RegisterCustomer',
                customerId: 'c1',
                customerKind: 'company',
                name: 'Acme',
                ownerId: 'rep-ada',
              },
              context(admin),
            ),
            await deals.handle(
              {
                kind: 'OpenOpportunity',
                opportunityId: 'o1',
                name: 'Renewal',
                ownerId: 'rep-ada',
                amount: { amountMinor: 100_000, currency: 'EUR' },
                expectedCloseOn: '2026-06-30',
              },
              context(admin),
            ),
          ];
          expect(seeded.map((result) => result._tag)).toEqual(['Right', 'Right']);
          const recordType = aggregate === 'Customer' ? 'customer' : 'opportunity';
          const recordId = aggregate === 'Customer' ? 'c1' : 'o1';
          const team = { recordType, recordId } as const;
          await teamService.send(
            { kind: 'AddTeamMember', ...team, memberId: actor.id, teamRole: member.teamRole },
            context(admin),
          );
          if (member.removed) {
            await teamService.send(
              { kind: 'RemoveTeamMember', ...team, memberId: actor.id },
              context(admin),
            );
          }
          directory = accountTeamDirectoryOf([
            { ...team, team: await teamService.load(recordType, recordId) },
          ]);

          const handle = aggregate === 'Customer' ? customers.handle : deals.handle;
          const result = await handle(input, context(actor));
          const permission = `${aggregate}.${input.kind}`;
          const byRole = E.isRight(
            authorize({ policy: defaultRolePolicy, teams }, actor, permission, 'rep-ada'),
          );
          const byTeam =
            !member.removed && teamRolesGrant(defaultTeamRolePolicy, [member.teamRole], permission);
          if (byRole || byTeam) {
            expect(result, `${permission} by ${actor.role} as ${member.teamRole}`).toSatisfy(
              E.isRight,
            );
          } else {
            expect(result).toEqual(
              E.left(
                expect.objectContaining({
                  kind: 'Forbidden',
                  denial: expect.objectContaining({ permission }),
                }),
              ),
            );
          }
        },
      ),
      { numRuns: 120 },
    ));

  it('grants a sales engineer quoting and competitors on the deal, not its amount', () => {
    expect(
      teamRolesGrant(defaultTeamRolePolicy, ['sales_engineer'], 'Opportunity.RecordCompetitor'),
    ).toBe(true);
    expect(
      teamRolesGrant(
        defaultTeamRolePolicy,
        ['sales_engineer'],
        'Opportunity.ChangeOpportunityAmount',
      ),
    ).toBe(false);
    expect(teamRolesGrant(defaultTeamRolePolicy, ['owner'], 'Customer.export')).toBe(false);
  });
});
