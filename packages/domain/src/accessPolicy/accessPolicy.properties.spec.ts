import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize, noTeams } from '../authorization/authorize.js';
import type { Role } from '../authorization/roles.js';
import { Role as RoleCodec } from '../authorization/roles.js';
import type { AccessPolicyEvent } from './events.js';
import { evolveAccessPolicy, initialAccessPolicyState, rolePolicyOf } from './state.js';

const roles = fc.constantFrom<Role>(...(Object.keys(RoleCodec.keys) as Role[]));
const permissions = fc.constantFrom('Customer.*', 'Lead.CaptureLead', 'Invoice.*', '*.read');
const scopes = fc.constantFrom('any' as const, 'team' as const, 'own' as const);
const change = fc.oneof(
  fc
    .record({ role: roles, permission: permissions, scope: scopes })
    .map((data): AccessPolicyEvent => ({
      type: 'PermissionGranted',
      data: { tenantId: 't', ...data },
    })),
  fc.record({ role: roles, permission: permissions }).map((data): AccessPolicyEvent => ({
    type: 'PermissionRevoked',
    data: { tenantId: 't', ...data },
  })),
);

describe('role changes as data', () => {
  it('the last change to a role and permission decides it: a revoke removes it, a grant sets its scope', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), (events) => {
        const policy = rolePolicyOf(events.reduce(evolveAccessPolicy, initialAccessPolicyState));
        const last = events.at(-1);
        if (last === undefined || last.type === 'RoleDefined') return;
        const held = (policy[last.data.role] ?? []).filter(
          (grant) => grant.permission === last.data.permission,
        );
        if (last.type === 'PermissionRevoked') expect(held).toEqual([]);
        if (last.type === 'PermissionGranted')
          expect(held).toEqual([{ permission: last.data.permission, scope: last.data.scope }]);
      }),
    );
  });

  it('a role that lost every grant covering a permission is refused it, naming the permission', () => {
    fc.assert(
      fc.property(roles, (role) => {
        const revokeAll = rolePolicyOf(initialAccessPolicyState)[role].map(
          (grant): AccessPolicyEvent => ({
            type: 'PermissionRevoked',
            data: { tenantId: 't', role, permission: grant.permission },
          }),
        );
        const policy = rolePolicyOf(revokeAll.reduce(evolveAccessPolicy, initialAccessPolicyState));
        const actor = { id: 'someone', role };
        expect(authorize({ policy, teams: noTeams }, actor, 'Customer.read', 'someone')).toEqual(
          E.left(expect.objectContaining({ permission: 'Customer.read' })),
        );
      }),
    );
  });
});
