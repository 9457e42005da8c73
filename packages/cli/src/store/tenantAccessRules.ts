import type { EventStore } from '@clientele/eventstore';
import type { RolePolicy, StaffDepartures } from '@clientele/domain';
import { accessEndsIn, tenantRolePolicy } from '@clientele/domain';
import { tenantFrom } from './tenant.js';

/** What every command and read of the command line is checked against, read from the log. */
export interface TenantAccessRules {
  /** The tenant's role policy (the built-in defaults with the tenant's own changes). */
  readonly policy: RolePolicy;
  /** Who left or is leaving, with the day their access ends (`RepOffboarded`). */
  readonly departures: StaffDepartures;
}

/** The tenant's role policy and its staff departures, as the log holds them now. */
export const tenantAccessRules = async (
  events: EventStore,
  env: Readonly<Record<string, string | undefined>>,
): Promise<TenantAccessRules> => ({
  policy: await tenantRolePolicy(events, tenantFrom(env).tenantId),
  departures: await accessEndsIn(events),
});

/** Today, UTC (YYYY-MM-DD): the day departures are judged on. */
export const today = (): string => new Date().toISOString().slice(0, 10);
