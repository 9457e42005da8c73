import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, CommandContext, EventStore } from '@clientele/eventstore';
import { createInMemoryEventStore, systemActor } from '@clientele/eventstore';
import { collect } from '@clientele/eventstore/testing';
import { accessPolicyAuthorizer } from '../accessPolicy/accessPolicyAuthorizer.js';
import { createAccessPolicyService } from '../accessPolicy/accessPolicyService.js';
import { createCampaignService } from '../campaign/campaignService.js';
import { createCommissionService } from '../commission/commissionService.js';
import { createCustomerExportService } from '../customerExport/customerExportService.js';
import { createSalesOrganizationService } from '../salesOrganization/salesOrganizationService.js';
import { createTargetService } from '../target/targetService.js';
import type { TeamDirectory } from './authorize.js';
import { authorize } from './authorize.js';
import { customerExportAuthorizer } from './customerExportAuthorizer.js';
import { createOffboardingService } from '../offboarding/offboardingService.js';
import { offboardingAuthorizer } from './offboardingAuthorizer.js';
import { builtInRoles, defaultRolePolicy } from './roles.js';
import { salesAuthorizers } from './salesAuthorizers.js';
import { serviceAndFinanceAuthorizers } from './serviceAndFinanceAuthorizers.js';

// The entry points the older property test (authorizationProperty.spec.ts) does not reach: the
// tenant's roles, departing staff, the sales organization, campaigns, targets, commission ledgers and customer
// exports.

const teams: TeamDirectory = {
  teamMembersOf: (managerId) => (managerId === 'mgr-east' ? new Set(['rep-ada']) : new Set()),
};
const sales = salesAuthorizers(defaultRolePolicy, teams);
const backOffice = serviceAndFinanceAuthorizers(defaultRolePolicy, teams);

type Handle = (
  input: unknown,
  context: CommandContext,
) => Promise<E.Either<{ readonly kind: string }, unknown>>;

const entryPoints = (store: EventStore): Readonly<Record<string, Handle>> => ({
  SalesOrganization: createSalesOrganizationService(store, { authorize: sales.organization })
    .handle,
  AccessPolicy: createAccessPolicyService(store, { authorize: accessPolicyAuthorizer() }).handle,
  Campaign: createCampaignService(store, { authorize: backOffice.campaign }).handle,
  Target: createTargetService(store, { authorize: backOffice.target }).handle,
  Commission: createCommissionService(store, { authorize: backOffice.commission }).handle,
  CustomerExport: createCustomerExportService(store, {
    authorize: customerExportAuthorizer(defaultRolePolicy, teams),
  }).handle,
  Offboarding: createOffboardingService(store, {
    authorize: offboardingAuthorizer(defaultRolePolicy, teams),
  }).handle,
});

/** A command, the permission it needs and the owner of the record it touches. */
interface Case {
  readonly aggregate: string;
  readonly permission: string;
  readonly owner: string | null;
  readonly input: Readonly<Record<string, unknown>>;
}

const organization = (kind: string, rest: Readonly<Record<string, unknown>>): Case => ({
  aggregate: 'SalesOrganization',
  permission: `SalesOrganization.${kind}`,
  owner: null,
  input: { kind, organizationId: 'org', ...rest },
});

const cases = fc.constantFrom<Case>(
  {
    aggregate: 'Offboarding',
    permission: 'Offboarding.OffboardRep',
    owner: 'rep-ada',
    input: {
      kind: 'OffboardRep',
      repId: 'rep-ada',
      organizationId: 'org',
      noticeGivenOn: '2026-03-02',
      leavesOn: '2026-03-31',
      policy: 'manager',
      successors: ['mgr-east'],
    },
  },
  {
    aggregate: 'AccessPolicy',
    permission: 'AccessPolicy.GrantPermission',
    owner: null,
    input: {
      kind: 'GrantPermission',
      tenantId: 'acme',
      role: 'sales_rep',
      permission: 'Customer.export',
      scope: 'any',
    },
  },
  {
    aggregate: 'AccessPolicy',
    permission: 'AccessPolicy.DefineRole',
    owner: null,
    input: { kind: 'DefineRole', tenantId: 'acme', role: 'deal_desk', description: 'Deal desk' },
  },
  organization('OpenRegionalOffice', { officeId: 'east', name: 'East', region: 'East' }),
  organization('FormSalesTeam', { teamId: 'team-ada', name: 'Ada', officeId: 'east' }),
  organization('AddRepToTeam', { repId: 'rep-ada', teamId: 'team-1', effectiveFrom: '2026-03-01' }),
  organization('AppointTeamManager', {
    teamId: 'team-1',
    managerId: 'rep-ada',
    effectiveFrom: '2026-03-01',
  }),
  {
    aggregate: 'Campaign',
    permission: 'Campaign.PlanCampaign',
    owner: null,
    input: {
      kind: 'PlanCampaign',
      campaignId: 'camp-1',
      name: 'Spring fair',
      channel: 'exhibition',
      targetAudience: 'buyers',
      budget: { amountMinor: 100_000, currency: 'EUR' },
      startsOn: '2026-04-01',
      endsOn: '2026-04-30',
    },
  },
  {
    aggregate: 'Target',
    permission: 'Target.DeclareTarget',
    owner: 'rep-ada',
    input: {
      kind: 'DeclareTarget',
      targetId: 'target-1',
      ownerKind: 'rep',
      ownerId: 'rep-ada',
      period: '2026-Q2',
      amount: { amountMinor: 500_000, currency: 'EUR' },
    },
  },
  {
    aggregate: 'Commission',
    permission: 'Commission.SettleCommission',
    owner: 'rep-ada',
    input: {
      kind: 'SettleCommission',
      repId: 'rep-ada',
      settlementId: 'settle-1',
      settledOn: '2026-04-01',
    },
  },
  {
    aggregate: 'CustomerExport',
    permission: 'Customer.export',
    owner: 'rep-ada',
    input: {
      kind: 'ExportCustomers',
      exportId: 'export-1',
      format: 'csv',
      scope: 'own',
      customers: [{ customerId: 'c1', ownerId: 'rep-ada' }],
      contentSha256: 'a'.repeat(64),
    },
  },
);

const actors = fc.record<Actor>({
  id: fc.constantFrom('rep-ada', 'rep-bob', 'mgr-east', 'mgr-west', 'someone'),
  role: fc.constantFrom(...builtInRoles),
});

let sequence = 0;
const contextOf = (actor: Actor): CommandContext => ({
  commandId: `0194b000-0000-7000-8000-${String((sequence += 1)).padStart(12, '0')}`,
  actor,
  occurredAt: '2026-03-03T09:15:00Z',
});

const count = async (store: EventStore) => {
  let n = 0;
  for await (const _ of store.readAll()) n += 1;
  return n;
};

describe('authorization through the organization, campaign, target, commission and export entry points', () => {
  it('refuses every command the role policy does not grant, appending nothing and naming the permission', () =>
    fc.assert(
      fc.asyncProperty(actors, cases, async (actor, { aggregate, permission, owner, input }) => {
        const store = createInMemoryEventStore();
        const handle = entryPoints(store)[aggregate];
        if (handle === undefined) throw new Error(`no entry point for ${aggregate}`);
        const result = await handle(input, contextOf(actor));
        const allowed = E.isRight(
          authorize({ policy: defaultRolePolicy, teams }, actor, permission, owner),
        );
        if (allowed) {
          // Allowed: a business rule may still refuse it, but never the authorizer.
          expect(E.isLeft(result) && result.left.kind === 'Forbidden').toBe(false);
          return;
        }
        expect(result).toEqual(
          E.left(
            expect.objectContaining({
              kind: 'Forbidden',
              denial: expect.objectContaining({ permission, actorId: actor.id }),
            }),
          ),
        );
        expect(await count(store)).toBe(0);
      }),
      { numRuns: 150 },
    ));

  it('lets trusted system work with a stated reason through, and refuses a system actor without one', async () => {
    const store = createInMemoryEventStore();
    const organizationEntry = entryPoints(store)['SalesOrganization'];
    if (organizationEntry === undefined) throw new Error('no organization entry point');
    const office = {
      kind: 'OpenRegionalOffice',
      organizationId: 'org',
      officeId: 'e',
      name: 'E',
      region: 'E',
    };
    const silent = await organizationEntry(office, contextOf({ id: 'job', role: 'system' }));
    expect(silent).toEqual(
      E.left(
        expect.objectContaining({
          kind: 'Forbidden',
          denial: expect.objectContaining({ permission: 'System.work' }),
        }),
      ),
    );
    expect(await count(store)).toBe(0);
    const stated = await organizationEntry(
      office,
      contextOf(systemActor('job', 'sets up the demo offices')),
    );
    expect(E.isRight(stated)).toBe(true);
    const [recorded] = await collect(store.readAll());
    expect(recorded?.metadata.actor).toEqual({
      id: 'job',
      role: 'system',
      reason: 'sets up the demo offices',
    });
  });
});
