import type { EventStore } from '@clientele/eventstore';
import type { RolePolicy } from '@clientele/domain';
import { tenantRolePolicy } from '@clientele/domain';
import { tenantFrom } from '../store/tenant.js';

/**
 * The role policy of the tenant the command line acts for (`CLIENTELE_TENANT`), read from the log
 * on every run: the built-in defaults with the tenant's `RoleDefined`, `PermissionGranted` and
 * `PermissionRevoked` applied, so a change applies to the next report, audit or export.
 */
export const tenantPolicy = (
  events: EventStore,
  env: Readonly<Record<string, string | undefined>>,
): Promise<RolePolicy> => tenantRolePolicy(events, tenantFrom(env).tenantId);
