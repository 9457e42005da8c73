import * as E from 'fp-ts/lib/Either.js';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, EventStore } from '@clientele/eventstore';
import { createInMemoryCheckpointStore } from '@clientele/eventstore';
import type {
  DateOnly,
  OffboardingError,
  Reassignment,
  ReassignmentPolicy,
} from '@clientele/domain';
import {
  createCalendarService,
  createCustomerService,
  createLeadService,
  createOffboardingReactor,
  createOffboardingService,
  createOpportunityService,
  createSalesOrganizationService,
  createTaskService,
  engagementAuthorizers,
  noTeams,
  offboardingAuthorizer,
  salesAuthorizers,
  successorsOf,
  withDepartures,
} from '@clientele/domain';
import type { TenantAccessRules } from '../store/tenantAccessRules.js';
import { today } from '../store/tenantAccessRules.js';
import { tenantFrom } from '../store/tenant.js';

/** A departure as the command line gives it. */
export interface DepartureRequest {
  readonly repId: string;
  readonly organizationId: string;
  readonly noticeGivenOn: DateOnly;
  readonly leavesOn: DateOnly;
  readonly policy: ReassignmentPolicy;
}

/** Why a departure was not recorded: a rule of the domain, or a refusal of the entry point. */
export type OffboardFailure = OffboardingError | { readonly kind: string };

/**
 * Records the departure as `actor` and hands the rep's records over: resolves the successors from
 * the sales organization on the notice date, records `RepOffboarded` (checked against the
 * tenant's policy), then runs the offboarding reactor to the head of the log. Running it again
 * hands nothing over twice: the reactor's command ids derive from the departure.
 */
export const offboardRep = async (
  store: EventStore,
  request: DepartureRequest,
  actor: Actor,
  context: {
    readonly rules: TenantAccessRules;
    readonly env: Readonly<Record<string, string | undefined>>;
  },
): Promise<E.Either<OffboardFailure, readonly Reassignment[]>> => {
  const { policy, departures } = context.rules;
  const teams = withDepartures(noTeams, departures, today());
  const sales = salesAuthorizers(policy, teams);
  const engagement = engagementAuthorizers(policy, teams);
  const organization = await createSalesOrganizationService(store, {
    authorize: sales.organization,
  }).load(request.organizationId);
  const successors = successorsOf(
    organization,
    request.repId,
    request.noticeGivenOn,
    request.policy,
  );
  if (E.isLeft(successors)) return successors;
  const offboardings = createOffboardingService(store, {
    authorize: offboardingAuthorizer(policy, teams),
  });
  const recorded = await offboardings.handle(
    { kind: 'OffboardRep', ...request, successors: successors.right },
    { commandId: uuidv7(), actor, occurredAt: new Date().toISOString() },
  );
  if (E.isLeft(recorded)) return recorded;
  const { tenantId, tenantKey } = tenantFrom(context.env);
  await createOffboardingReactor({
    store,
    checkpoints: createInMemoryCheckpointStore(),
    offboardings,
    services: {
      customers: createCustomerService(store, { authorize: sales.customer, tenantId, tenantKey }),
      leads: createLeadService(store, { authorize: sales.lead }),
      opportunities: createOpportunityService(store, { authorize: sales.opportunity }),
      tasks: createTaskService(store, { authorize: engagement.task }),
      calendar: createCalendarService(store, { authorize: engagement.appointment }),
    },
  }).catchUp();
  const after = await offboardings.load(request.repId);
  return E.right(after.offboarded ? after.reassignments : []);
};
