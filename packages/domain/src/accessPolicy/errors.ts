/** Why a change to a tenant's roles was refused. */
export type AccessPolicyError =
  | { readonly kind: 'RoleAlreadyExists'; readonly role: string }
  | { readonly kind: 'RoleNotFound'; readonly role: string }
  | {
      readonly kind: 'PermissionNotHeld';
      readonly role: string;
      readonly permission: string;
    }
  /** Nothing would change: the role already holds the permission with that scope. */
  | {
      readonly kind: 'PermissionAlreadyHeld';
      readonly role: string;
      readonly permission: string;
      readonly scope: string;
    }
  /** The administrator's `*` is what changes roles: taking it would lock the tenant out. */
  | { readonly kind: 'AdministratorKeepsEverything' };
