import type { EventStore } from '@clientele/eventstore';
import { createInMemoryCheckpointStore } from '@clientele/eventstore';
import type { CustomerService } from '../customer/customerService.js';
import type { LeadService } from '../lead/leadService.js';
import type { OpportunityService } from '../opportunity/opportunityService.js';
import type { SalesOrganizationService } from '../salesOrganization/salesOrganizationService.js';
import type { LeadConversionReactor } from '../reactors/leadConversionReactor.js';
import { createLeadConversionReactor } from '../reactors/leadConversionReactor.js';
import { createCustomerService } from '../customer/customerService.js';
import { createLeadService } from '../lead/leadService.js';
import { matchAgainstCustomers } from '../lead/matching.js';
import { createOpportunityService } from '../opportunity/opportunityService.js';
import { createSalesOrganizationService } from '../salesOrganization/salesOrganizationService.js';
import { simulatedStaff } from './simulatedStaff.js';

/** Every sales entry point over one store, wired the way an app would wire them. */
export interface SalesServices {
  readonly store: EventStore;
  readonly customers: CustomerService;
  readonly leads: LeadService;
  readonly opportunities: OpportunityService;
  readonly organization: SalesOrganizationService;
  readonly conversion: LeadConversionReactor;
}

/**
 * Wires the sales services over a store for tests, demos and the generator: one tenant, a test
 * tenant key, lead matching against customers, and the conversion reactor with in-memory
 * checkpoints.
 */
export const createSalesServices = (
  store: EventStore,
  tenant: { readonly tenantId: string; readonly tenantKey: string } = {
    tenantId: 'tenant-a',
    tenantKey: 'tenant-a-test-key',
  },
  /** Event id generator for every service; a seeded one makes histories repeatable. */
  newEventId?: () => string,
): SalesServices => {
  const ids = { authorize: simulatedStaff(), newEventId };
  const customers = createCustomerService(store, { ...tenant, ...ids });
  const opportunities = createOpportunityService(store, ids);
  return {
    store,
    customers,
    leads: createLeadService(store, {
      findMatches: matchAgainstCustomers(customers.reservations),
      ...ids,
    }),
    opportunities,
    organization: createSalesOrganizationService(store, ids),
    conversion: createLeadConversionReactor({
      store,
      checkpoints: createInMemoryCheckpointStore(),
      customers,
      opportunities,
      defaultCurrency: 'EUR',
    }),
  };
};
