import type * as t from 'io-ts';
import { AccountTeamEvent } from '../accountTeam/events.js';
import { ActivityEvent } from '../activity/events.js';
import { AppointmentEvent } from '../calendar/events.js';
import { RepScheduleEvent } from '../calendar/repSchedule/events.js';
import { CampaignEvent } from '../campaign/events.js';
import { CommissionEvent } from '../commission/events.js';
import { CustomerEvent } from '../customer/events.js';
import { InvoiceEvent } from '../invoice/events.js';
import { LeadEvent } from '../lead/events.js';
import { OpportunityEvent } from '../opportunity/events.js';
import { ReservationEvent } from '../reservations/events.js';
import { SalesOrganizationEvent } from '../salesOrganization/events.js';
import { personalDataLocator } from '../shared/personalDataLocator.js';
import { TaskEvent } from '../task/events.js';
import { TargetEvent } from '../target/events.js';
import { TicketEvent } from '../ticket/events.js';
import { DataSubjectEvent } from './events.js';

/** The event unions of every aggregate of the domain: where personal fields are looked for. */
export const domainEventCodecs: readonly t.Mixed[] = [
  CustomerEvent,
  LeadEvent,
  OpportunityEvent,
  ReservationEvent,
  SalesOrganizationEvent,
  TicketEvent,
  InvoiceEvent,
  CampaignEvent,
  TargetEvent,
  CommissionEvent,
  DataSubjectEvent,
  ActivityEvent,
  TaskEvent,
  AppointmentEvent,
  RepScheduleEvent,
  AccountTeamEvent,
];

/**
 * The locator to pass to `withPersonalDataEncryption` for a store holding the domain's events: it
 * finds every personal field of any domain event and names the key it is encrypted with.
 *
 * @example
 * const store = withPersonalDataEncryption(withHashChain(engine), {
 *   keys: createSqliteDataKeyStore(engine),
 *   locate: locateDomainPersonalData,
 * });
 */
export const locateDomainPersonalData = personalDataLocator(domainEventCodecs);
