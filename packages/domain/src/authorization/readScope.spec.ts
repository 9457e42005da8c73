import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@clientele/eventstore';
import type { DateOnly } from '../shared/dates.js';
import type { SalesOrganizationEvent } from '../salesOrganization/events.js';
import {
  evolveSalesOrganization,
  initialSalesOrganizationState,
} from '../salesOrganization/state.js';
import type { TeamDirectory } from './authorize.js';
import { authorize } from './authorize.js';
import type { ReadPermission } from './readScope.js';
import { inReadScope, readScope } from './readScope.js';
import type { Role } from './roles.js';
import { builtInRoles, defaultRolePolicy } from './roles.js';
import { teamDirectoryOn } from './teamDirectory.js';

const teams: TeamDirectory = {
  teamMembersOf: (managerId) =>
    managerId === 'mgr-east' ? new Set(['rep-ada', 'rep-bob']) : new Set(),
};
const as = (id: string, role: Role): Actor => ({ id, role });
const scopeOf = (actor: Actor, permission: ReadPermission) =>
  readScope(defaultRolePolicy, teams, actor, permission);
const sees = (actor: Actor, permission: ReadPermission, owner: string | null) => {
  const scope = scopeOf(actor, permission);
  return E.isRight(scope) && inReadScope(scope.right, owner);
};

describe('read scope', () => {
  it('shows a rep their own customers, leads and deals, not a colleague’s', () => {
    const ada = as('rep-ada', 'sales_rep');
    for (const permission of ['Customer.read', 'Lead.read', 'Opportunity.read'] as const) {
      expect(sees(ada, permission, 'rep-ada')).toBe(true);
      expect(sees(ada, permission, 'rep-bob')).toBe(false);
    }
  });

  it('shows a manager the records of the reps they manage and their own', () => {
    const manager = as('mgr-east', 'sales_manager');
    expect(sees(manager, 'Opportunity.read', 'rep-bob')).toBe(true);
    expect(sees(manager, 'Opportunity.read', 'mgr-east')).toBe(true);
    expect(sees(manager, 'Opportunity.read', 'rep-west')).toBe(false);
  });

  it('keeps unowned records (the unassigned pool, invoices, tickets) for roles that read everything', () => {
    expect(sees(as('rep-ada', 'sales_rep'), 'Lead.read', null)).toBe(false);
    expect(sees(as('mkt', 'marketing'), 'Lead.read', null)).toBe(true);
    expect(sees(as('fin', 'finance'), 'Invoice.read', null)).toBe(true);
  });

  it('refuses a read the role does not grant at all, naming the permission', () => {
    expect(scopeOf(as('rep-ada', 'sales_rep'), 'Invoice.read')).toEqual(
      E.left(
        expect.objectContaining({
          kind: 'AuthorizationDenied',
          permission: 'Invoice.read',
          actorId: 'rep-ada',
          reason: 'the sales_rep role does not grant Invoice.read',
        }),
      ),
    );
    expect(scopeOf(as('x', 'intern' as Role), 'Customer.read')).toEqual(
      E.left(expect.objectContaining({ permission: 'Customer.read' })),
    );
  });

  it('gives export only to roles granted Customer.export by name', () => {
    expect(E.isLeft(scopeOf(as('rep-ada', 'sales_rep'), 'Customer.export'))).toBe(true);
    expect(E.isLeft(scopeOf(as('aud', 'auditor'), 'Customer.export'))).toBe(true);
    expect(scopeOf(as('mgr-east', 'sales_manager'), 'Customer.export')).toEqual(
      E.right(expect.objectContaining({ reach: 'team' })),
    );
  });

  it('agrees with authorize on every (actor, read, owner): a read scope is the command check applied to reading', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...builtInRoles),
        fc.constantFrom('rep-ada', 'mgr-east', 'someone'),
        fc.constantFrom<ReadPermission>(
          'Customer.read',
          'Lead.read',
          'Opportunity.read',
          'Ticket.read',
          'Invoice.read',
          'Campaign.read',
          'Target.read',
          'Commission.read',
          'CustomerExport.read',
          'Customer.export',
        ),
        fc.constantFrom('rep-ada', 'rep-bob', 'rep-west', 'mgr-east', 'someone'),
        (role, id, permission, owner) => {
          const actor = as(id, role);
          const scope = scopeOf(actor, permission);
          const allowed = authorize({ policy: defaultRolePolicy, teams }, actor, permission, owner);
          if (E.isLeft(scope)) {
            expect(scope.left.permission).toBe(permission);
            expect(E.isLeft(allowed)).toBe(true);
          } else expect(inReadScope(scope.right, owner)).toBe(E.isRight(allowed));
        },
      ),
    );
  });
});

describe('team directory from the sales organization', () => {
  const events: SalesOrganizationEvent[] = [
    {
      type: 'RegionalOfficeOpened',
      data: { organizationId: 'org', officeId: 'o1', name: 'East', region: 'EU' },
    },
    {
      type: 'SalesTeamFormed',
      data: { organizationId: 'org', teamId: 't1', name: 'East 1', officeId: 'o1' },
    },
    {
      type: 'TeamManagerAppointed',
      data: {
        organizationId: 'org',
        teamId: 't1',
        managerId: 'mgr-east',
        effectiveFrom: '2026-01-01' as DateOnly,
        previousManagerId: null,
      },
    },
    {
      type: 'RepJoinedTeam',
      data: {
        organizationId: 'org',
        repId: 'rep-ada',
        teamId: 't1',
        effectiveFrom: '2026-01-01' as DateOnly,
        previousTeamId: null,
      },
    },
    {
      type: 'RepLeftTeam',
      data: {
        organizationId: 'org',
        repId: 'rep-ada',
        teamId: 't1',
        effectiveFrom: '2026-06-01' as DateOnly,
      },
    },
  ];
  const organization = events.reduce(evolveSalesOrganization, initialSalesOrganizationState);

  it('puts a rep in their manager’s team while they are in it, and out of it after they leave', () => {
    expect(
      teamDirectoryOn([organization], '2026-03-01' as DateOnly).teamMembersOf('mgr-east'),
    ).toEqual(new Set(['rep-ada']));
    expect(
      teamDirectoryOn([organization], '2026-07-01' as DateOnly).teamMembersOf('mgr-east'),
    ).toEqual(new Set());
  });
});
