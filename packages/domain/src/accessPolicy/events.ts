import * as t from 'io-ts';
import { eventCodec } from '../shared/eventCodec.js';
import { GrantScope } from './values.js';

/** A tenant defined a role of its own; it holds nothing until granted. */
export const RoleDefined = eventCodec(
  'RoleDefined',
  t.type({ tenantId: t.string, role: t.string, description: t.string }),
);
/** A role was granted a permission with a scope, replacing any earlier scope for it. */
export const PermissionGranted = eventCodec(
  'PermissionGranted',
  t.type({ tenantId: t.string, role: t.string, permission: t.string, scope: GrantScope }),
);
/** A permission was taken from a role. */
export const PermissionRevoked = eventCodec(
  'PermissionRevoked',
  t.type({ tenantId: t.string, role: t.string, permission: t.string }),
);

/** Every event of the AccessPolicy aggregate. */
export const AccessPolicyEvent = t.union(
  [RoleDefined, PermissionGranted, PermissionRevoked],
  'AccessPolicyEvent',
);
/** Every event of the AccessPolicy aggregate. */
export type AccessPolicyEvent = t.TypeOf<typeof AccessPolicyEvent>;
