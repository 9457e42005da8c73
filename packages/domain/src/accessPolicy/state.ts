import type { Grant, RolePolicy } from '../authorization/roles.js';
import { defaultRolePolicy, grantsOfRole } from '../authorization/roles.js';
import type { AccessPolicyEvent } from './events.js';

/**
 * A tenant's role policy as its log has changed it: the roles it defined and the grants of every
 * role it touched. Roles it never touched keep the built-in defaults (see {@link rolePolicyOf}).
 */
export interface AccessPolicyState {
  /** The tenant's own roles and what they are for. */
  readonly defined: Readonly<Record<string, string>>;
  /** The whole grant list of each role a change touched. */
  readonly changed: Readonly<Record<string, readonly Grant[]>>;
}

/** A tenant that changed nothing: the built-in defaults. */
export const initialAccessPolicyState: AccessPolicyState = { defined: {}, changed: {} };

/** The tenant's role policy: the built-in defaults, with every change of its log applied. */
export const rolePolicyOf = (state: AccessPolicyState): RolePolicy => ({
  ...defaultRolePolicy,
  ...state.changed,
});

const withGrants = (
  state: AccessPolicyState,
  role: string,
  change: (grants: readonly Grant[]) => readonly Grant[],
): AccessPolicyState => ({
  ...state,
  changed: { ...state.changed, [role]: change(grantsOfRole(rolePolicyOf(state), role) ?? []) },
});

/** Applies one access-policy event. */
export const evolveAccessPolicy = (
  state: AccessPolicyState,
  event: AccessPolicyEvent,
): AccessPolicyState => {
  switch (event.type) {
    case 'RoleDefined':
      return {
        defined: { ...state.defined, [event.data.role]: event.data.description },
        changed: { ...state.changed, [event.data.role]: [] },
      };
    case 'PermissionGranted': {
      const { permission, scope } = event.data;
      return withGrants(state, event.data.role, (grants) => [
        ...grants.filter((grant) => grant.permission !== permission),
        { permission, scope },
      ]);
    }
    case 'PermissionRevoked':
      return withGrants(state, event.data.role, (grants) =>
        grants.filter((grant) => grant.permission !== event.data.permission),
      );
  }
};
