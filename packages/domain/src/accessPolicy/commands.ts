import * as t from 'io-ts';
import { NonEmptyText } from '../shared/contact.js';
import { GrantScope, PermissionPattern, RoleName } from './values.js';

const command = <K extends string, P extends t.Props>(kind: K, props: P) =>
  t.type({ kind: t.literal(kind), tenantId: t.string, ...props }, kind);

/** Define a tenant's own role, with no permissions until some are granted. */
export const DefineRole = command('DefineRole', { role: RoleName, description: NonEmptyText });
/** Grant a role a permission with a scope (replacing the scope it had for that permission). */
export const GrantPermission = command('GrantPermission', {
  role: RoleName,
  permission: PermissionPattern,
  scope: GrantScope,
});
/** Take a permission away from a role, a built-in one included. */
export const RevokePermission = command('RevokePermission', {
  role: RoleName,
  permission: PermissionPattern,
});

/** Every command of the AccessPolicy aggregate. */
export const AccessPolicyCommand = t.union(
  [DefineRole, GrantPermission, RevokePermission],
  'AccessPolicyCommand',
);
/** Every command of the AccessPolicy aggregate. */
export type AccessPolicyCommand = t.TypeOf<typeof AccessPolicyCommand>;

/**
 * An AccessPolicy command as code writes it: plain strings where the decoded command has branded
 * values. `send` takes it and decodes it.
 */
export type AccessPolicyCommandInput = t.OutputOf<typeof AccessPolicyCommand>;
