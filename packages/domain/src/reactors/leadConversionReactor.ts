import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type {
  AppendedEvents,
  CheckpointStore,
  CommandContext,
  EventStore,
  LeaseOptions,
  ReactorRunner,
  RecordedEvent,
} from '@clientele/eventstore';
import { createReactorRunner, DecodeError, deriveId, systemActor } from '@clientele/eventstore';
import type { CustomerService } from '../customer/customerService.js';
import type { OpportunityService } from '../opportunity/opportunityService.js';
import { LeadConverted } from '../lead/events.js';
import type { DateOnly } from '../shared/dates.js';
import { addDays } from '../shared/dates.js';
import { registrationFromLead } from './customerFromLead.js';
import { decodeStoredEvent } from '../upcasting/domainUpcasters.js';

/** Options of {@link createLeadConversionReactor}. */
export interface LeadConversionOptions {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly customers: CustomerService;
  readonly opportunities: OpportunityService;
  /** Currency of a converted lead's opportunity when the conversion named no amount. */
  readonly defaultCurrency: string;
  /** Days from conversion to the expected close when none was named; defaults to 90. */
  readonly defaultCloseInDays?: number;
  /** The checkpoint name; defaults to `lead-conversion`. */
  readonly name?: string;
  /** Elects one active runner across app servers (see `createReactorRunner`). */
  readonly lease?: LeaseOptions | undefined;
}

/** What a conversion led to: the customer the deal belongs to and the deal it opened. */
export interface ConversionOutcome {
  /** The customer registered for the lead, or the existing one it named or matched. */
  readonly customerId: string;
  /** True when the conversion registered `customerId`; false when the customer existed. */
  readonly customerRegistered: boolean;
  /** The deal the conversion opened. */
  readonly opportunityId: string;
}

/** What {@link LeadConversionReactor.conversionOf} needs of a `ConvertLead` command's outcome. */
export interface ConvertedLeadOutcome {
  readonly appended: AppendedEvents | undefined;
}

/** The lead conversion process manager. */
export interface LeadConversionReactor {
  readonly runner: ReactorRunner;
  /**
   * Handles one `LeadConverted` event and says which customer and deal it led to; safe to call
   * again with the same event, which answers the same without creating anything twice.
   */
  readonly react: (event: RecordedEvent) => Promise<ConversionOutcome>;
  /**
   * The customer and deal a `ConvertLead` command led to, from the command's outcome (a first
   * run or a repeated command id alike): carries the conversion out now if the runner has not
   * reached it yet, else answers what it did. Undefined when the outcome appended no conversion.
   */
  readonly conversionOf: (outcome: ConvertedLeadOutcome) => Promise<ConversionOutcome | undefined>;
}

/** The id a conversion registers its new customer under. */
const newCustomerIdOf = (eventId: string): string => deriveId(eventId, 'customer');

const fail = (what: string, failure: unknown): never => {
  throw new Error(`lead conversion could not ${what}: ${JSON.stringify(failure)}`);
};

/**
 * Reacts to `LeadConverted`: registers the customer (or attaches the one the lead named or
 * matched, or the one that already holds the lead's email or phone) and opens the opportunity.
 * The new ids and the command ids derive from the event id, so a redelivery or a replay of the
 * whole log sends the same commands, which the handlers recognise, and creates nothing twice.
 */
export const createLeadConversionReactor = (
  options: LeadConversionOptions,
): LeadConversionReactor => {
  const { customers, opportunities } = options;

  /** Follows merges, so a deal never attaches to a customer that was merged away. */
  const survivorOf = async (customerId: string): Promise<string> => {
    let current = customerId;
    for (let hops = 0; hops < 10; hops += 1) {
      const state = await customers.load(current);
      if (!('registered' in state) || state.survivorId === null) return current;
      current = state.survivorId;
    }
    return current;
  };

  /** The customer registered for the lead, or the one already holding its email or phone. */
  const registered = async (
    lead: t.TypeOf<typeof LeadConverted>['data'],
    eventId: string,
    context: (purpose: string) => CommandContext,
  ): Promise<string> => {
    const customerId = newCustomerIdOf(eventId);
    const result = await customers.handle(
      registrationFromLead(lead, customerId),
      context('register-customer'),
    );
    if (E.isRight(result)) return customerId;
    if (result.left.kind === 'DuplicateCustomer') return result.left.existingCustomerId;
    return fail('register the customer', result.left);
  };

  const react = async (event: RecordedEvent): Promise<ConversionOutcome> => {
    const decoded = decodeStoredEvent(LeadConverted, event);
    if (E.isLeft(decoded)) throw new DecodeError(`LeadConverted ${event.eventId}`, decoded.left);
    const lead = decoded.right.data;
    const context = (purpose: string): CommandContext => ({
      commandId: deriveId(event.eventId, purpose),
      actor: systemActor(
        'reactor:lead-conversion',
        `converts lead ${lead.leadId} into a customer and a deal`,
      ),
      occurredAt: event.metadata.occurredAt,
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
      tenantId: event.metadata.tenantId,
    });

    const named = lead.customerId ?? (await registered(lead, event.eventId, context));
    const customerId = await survivorOf(named);
    const { opportunity } = lead;
    const opportunityId = deriveId(event.eventId, 'opportunity');
    const opened = await opportunities.handle(
      {
        kind: 'OpenOpportunity',
        opportunityId,
        name: opportunity.name,
        ownerId: lead.ownerId ?? event.metadata.actor.id,
        customerId,
        leadId: lead.leadId,
        source: lead.source,
        ...(lead.campaignId === undefined ? {} : { campaignId: lead.campaignId }),
        amount: opportunity.amount ?? { amountMinor: 0, currency: options.defaultCurrency },
        expectedCloseOn:
          opportunity.expectedCloseOn ??
          addDays(
            event.metadata.occurredAt.slice(0, 10) as DateOnly,
            options.defaultCloseInDays ?? 90,
          ),
      },
      context('open-opportunity'),
    );
    if (E.isLeft(opened) && opened.left.kind !== 'OpportunityAlreadyOpened') {
      fail('open the opportunity', opened.left);
    }
    return {
      customerId,
      customerRegistered: named === newCustomerIdOf(event.eventId),
      opportunityId,
    };
  };

  const conversionOf = async (outcome: ConvertedLeadOutcome) => {
    const { appended } = outcome;
    if (appended === undefined) return undefined;
    const events = options.store.readStream(appended.streamName, {
      fromRevision: BigInt(appended.firstRevision),
      maxCount: appended.eventIds.length,
    });
    for await (const event of events) {
      if (event.type === 'LeadConverted' && appended.eventIds.includes(event.eventId))
        return react(event);
    }
    return undefined;
  };

  const runner = createReactorRunner({
    name: options.name ?? 'lead-conversion',
    store: options.store,
    checkpoints: options.checkpoints,
    filter: { eventTypes: ['LeadConverted'] },
    react: async (event) => {
      await react(event);
    },
    lease: options.lease,
  });
  return { runner, react, conversionOf };
};
