import * as E from 'fp-ts/lib/Either.js';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, expect, it } from 'vitest';
import { authorize, noTeams } from '../authorization/authorize.js';
import type { AccessPolicyCommand } from './commands.js';
import { accessPolicyDecider } from './decide.js';
import type { AccessPolicyEvent } from './events.js';
import { evolveAccessPolicy, initialAccessPolicyState, rolePolicyOf } from './state.js';

const spec = deciderSpec(accessPolicyDecider);
const tenantId = 'acme';
const command = (c: Record<string, unknown>) => ({ tenantId, ...c }) as AccessPolicyCommand;
const defined: AccessPolicyEvent = {
  type: 'RoleDefined',
  data: { tenantId, role: 'key_account_lead', description: 'Leads the key accounts' },
};
const granted = (role: string, permission: string, scope: 'any' | 'team' | 'own') =>
  ({ type: 'PermissionGranted', data: { tenantId, role, permission, scope } }) as const;
const policyAfter = (events: readonly AccessPolicyEvent[]) =>
  rolePolicyOf(events.reduce(evolveAccessPolicy, initialAccessPolicyState));

describe('a tenant’s roles and permissions', () => {
  it('defines a role of the tenant’s own', () => {
    spec
      .given([])
      .when(
        command({
          kind: 'DefineRole',
          role: 'key_account_lead',
          description: 'Leads the key accounts',
        }),
      )
      .then([defined]);
  });

  it('refuses to define a role that exists, built-in or defined', () => {
    spec
      .given([])
      .when(command({ kind: 'DefineRole', role: 'sales_rep', description: 'again' }))
      .thenFails({ kind: 'RoleAlreadyExists', role: 'sales_rep' });
    spec
      .given([defined])
      .when(command({ kind: 'DefineRole', role: 'key_account_lead', description: 'again' }))
      .thenFails({ kind: 'RoleAlreadyExists', role: 'key_account_lead' });
  });

  it('grants a permission only to a role that exists', () => {
    spec
      .given([])
      .when(
        command({ kind: 'GrantPermission', role: 'nobody', permission: 'Lead.*', scope: 'own' }),
      )
      .thenFails({ kind: 'RoleNotFound', role: 'nobody' });
  });

  it('refuses a grant that changes nothing', () => {
    spec
      .given([])
      .when(
        command({
          kind: 'GrantPermission',
          role: 'sales_rep',
          permission: 'Lead.*',
          scope: 'own',
        }),
      )
      .thenFails({
        kind: 'PermissionAlreadyHeld',
        role: 'sales_rep',
        permission: 'Lead.*',
        scope: 'own',
      });
  });

  it('revokes a built-in permission, which then no longer covers the command', () => {
    spec
      .given([])
      .when(command({ kind: 'RevokePermission', role: 'sales_rep', permission: 'Customer.*' }))
      .then([
        {
          type: 'PermissionRevoked',
          data: { tenantId, role: 'sales_rep', permission: 'Customer.*' },
        },
      ]);
    const policy = policyAfter([
      {
        type: 'PermissionRevoked',
        data: { tenantId, role: 'sales_rep', permission: 'Customer.*' },
      },
    ]);
    const rep = { id: 'rep-ada', role: 'sales_rep' };
    expect(authorize({ policy, teams: noTeams }, rep, 'Customer.TagCustomer', 'rep-ada')).toEqual(
      E.left(expect.objectContaining({ permission: 'Customer.TagCustomer' })),
    );
  });

  it('refuses to revoke a permission the role does not hold', () => {
    spec
      .given([])
      .when(command({ kind: 'RevokePermission', role: 'marketing', permission: 'Invoice.*' }))
      .thenFails({ kind: 'PermissionNotHeld', role: 'marketing', permission: 'Invoice.*' });
  });

  it('never takes everything from the administrator, so nobody can lock the tenant out', () => {
    spec
      .given([])
      .when(command({ kind: 'RevokePermission', role: 'administrator', permission: '*' }))
      .thenFails({ kind: 'AdministratorKeepsEverything' });
  });

  it('gives a defined role exactly what it was granted, replacing an earlier scope', () => {
    const policy = policyAfter([
      defined,
      granted('key_account_lead', 'Customer.*', 'own'),
      granted('key_account_lead', 'Customer.*', 'team'),
    ]);
    expect(policy['key_account_lead']).toEqual([{ permission: 'Customer.*', scope: 'team' }]);
    expect(policy.sales_rep).toEqual(policyAfter([]).sales_rep);
  });
});
