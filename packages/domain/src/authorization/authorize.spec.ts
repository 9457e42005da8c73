import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@clientele/eventstore';
import type { TeamDirectory } from './authorize.js';
import { authorize } from './authorize.js';
import type { Role } from './roles.js';
import { builtInRoles, defaultRolePolicy } from './roles.js';

const teams: TeamDirectory = {
  teamMembersOf: (managerId) =>
    managerId === 'mgr-east' ? new Set(['rep-ada', 'rep-bob']) : new Set(),
};
const as = (id: string, role: Role): Actor => ({ id, role });
const allowed = (actor: Actor, permission: string, owner: string | null) =>
  E.isRight(authorize({ policy: defaultRolePolicy, teams }, actor, permission, owner));

describe('role policy', () => {
  it('lets a rep act on their own customers but not on a colleague’s', () => {
    expect(allowed(as('rep-ada', 'sales_rep'), 'Customer.UpdateCustomerProfile', 'rep-ada')).toBe(
      true,
    );
    expect(allowed(as('rep-ada', 'sales_rep'), 'Customer.UpdateCustomerProfile', 'rep-bob')).toBe(
      false,
    );
  });

  it('lets a manager act on the records of their team only', () => {
    expect(
      allowed(as('mgr-east', 'sales_manager'), 'Opportunity.MarkOpportunityWon', 'rep-bob'),
    ).toBe(true);
    expect(
      allowed(as('mgr-east', 'sales_manager'), 'Opportunity.MarkOpportunityWon', 'rep-west'),
    ).toBe(false);
  });

  it('keeps bulk export from reps, even of their own customers', () => {
    expect(allowed(as('rep-ada', 'sales_rep'), 'Customer.export', 'rep-ada')).toBe(false);
    expect(allowed(as('mgr-east', 'sales_manager'), 'Customer.export', 'rep-ada')).toBe(true);
  });

  it('lets an auditor read everything and change nothing', () => {
    expect(allowed(as('aud', 'auditor'), 'Customer.read', 'rep-ada')).toBe(true);
    expect(allowed(as('aud', 'auditor'), 'Invoice.read', null)).toBe(true);
    expect(allowed(as('aud', 'auditor'), 'Customer.UpdateCustomerProfile', 'rep-ada')).toBe(false);
  });

  it('gives finance invoices and commission but not the sales pipeline', () => {
    expect(allowed(as('fin', 'finance'), 'Invoice.RecordPayment', null)).toBe(true);
    expect(allowed(as('fin', 'finance'), 'Opportunity.MarkOpportunityWon', 'rep-ada')).toBe(false);
  });

  it('names the missing permission in every denial', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>(...builtInRoles, 'intern' as Role),
        fc.constantFrom(
          'Customer',
          'Lead',
          'Opportunity',
          'Ticket',
          'Invoice',
          'Campaign',
          'Commission',
          'Target',
        ),
        fc.constantFrom('read', 'export', 'Register', 'Transfer', 'MarkWon', 'RecordPayment'),
        fc.record({
          owner: fc.constantFrom(null, 'rep-ada', 'rep-bob', 'rep-west'),
          actorId: fc.constantFrom('rep-ada', 'mgr-east', 'someone'),
        }),
        (role, aggregate, action, { owner, actorId }) => {
          const result = authorize(
            { policy: defaultRolePolicy, teams },
            as(actorId, role),
            `${aggregate}.${action}`,
            owner,
          );
          if (E.isLeft(result)) {
            expect(result.left.permission).toBe(`${aggregate}.${action}`);
            expect(result.left.reason.length).toBeGreaterThan(0);
          }
          if (role === 'auditor') expect(E.isRight(result)).toBe(action === 'read');
        },
      ),
    );
  });
});
