import type { EventStore } from '@clientele/eventstore';
import type { AccessPolicyState, Grant } from '@clientele/domain';
import {
  accessPolicyChanges,
  evolveAccessPolicy,
  grantsOfRole,
  initialAccessPolicyState,
  rolePolicyOf,
} from '@clientele/domain';

/** Who changed a role last, and when the log recorded it. */
export interface RoleChange {
  readonly actorId: string;
  readonly actorRole: string;
  /** When the store recorded the change (ISO-8601, UTC). */
  readonly at: string;
  /** The event: RoleDefined, PermissionGranted or PermissionRevoked. */
  readonly change: string;
}

/** One role of a tenant as `clientele roles list` shows it. */
export interface ListedRole {
  readonly role: string;
  /** `built-in` for the roles every tenant has, `tenant` for the ones it defined. */
  readonly origin: 'built-in' | 'tenant';
  readonly description: string | undefined;
  readonly grants: readonly Grant[];
  /** The last change of the role in the tenant's log; undefined while it is the default. */
  readonly lastChange: RoleChange | undefined;
}

/** The metadata's actor, or nobody when a stored event carries none. */
const actorOf = (metadata: { readonly actor?: unknown }): { id: string; role: string } => {
  const actor = metadata.actor as { id?: unknown; role?: unknown } | undefined;
  return {
    id: typeof actor?.id === 'string' ? actor.id : 'unknown',
    role: typeof actor?.role === 'string' ? actor.role : 'unknown',
  };
};

/**
 * Every role of the tenant (the built-in ones, then those it defined) with its grants under the
 * tenant's policy now and who changed it last, read from the tenant's `AccessPolicy` stream.
 */
export const listRoles = async (store: EventStore, tenantId: string): Promise<ListedRole[]> => {
  let state: AccessPolicyState = initialAccessPolicyState;
  const changes = new Map<string, RoleChange>();
  for await (const { event, recorded } of accessPolicyChanges(store, tenantId)) {
    state = evolveAccessPolicy(state, event);
    const actor = actorOf(recorded.metadata);
    changes.set(event.data.role, {
      actorId: actor.id,
      actorRole: actor.role,
      at: recorded.recordedAt,
      change: recorded.type,
    });
  }
  const policy = rolePolicyOf(state);
  return Object.keys(policy).map((role) => ({
    role,
    origin: Object.hasOwn(state.defined, role) ? 'tenant' : 'built-in',
    description: state.defined[role],
    grants: grantsOfRole(policy, role) ?? [],
    lastChange: changes.get(role),
  }));
};
