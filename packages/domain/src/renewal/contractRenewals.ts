import * as E from 'fp-ts/lib/Either.js';
import type { CommandContext, EventStore, RecordedEvent } from '@clientele/eventstore';
import {
  createInMemoryCheckpointStore,
  createReactorRunner,
  deriveId,
  systemActor,
} from '@clientele/eventstore';
import type { ContractService } from '../contract/contractService.js';
import { ContractEvent } from '../contract/events.js';
import type { OpportunityService } from '../opportunity/opportunityService.js';
import type { DateOnly } from '../shared/dates.js';
import { addDays } from '../shared/dates.js';
import type { SaleTotals } from '../quote/values.js';

/** Where the renewal reactor learns the day: the only place that reads a clock. */
export interface RenewalClockPort {
  /** Today, `YYYY-MM-DD`, in the tenant's time zone. */
  today(): string;
}

/** Options of {@link createContractRenewals}. */
export interface ContractRenewalOptions {
  readonly store: EventStore;
  readonly contracts: ContractService;
  readonly opportunities: OpportunityService;
  readonly clock: RenewalClockPort;
  /** How many days before a term ends its renewal opportunity opens; defaults to 60. */
  readonly leadDays?: number;
  /** The name the reactor reads the log under; defaults to `contract-renewals`. */
  readonly name?: string;
}

/** Follows contracts and acts on the days their terms end. */
export interface ContractRenewals {
  /** Reads Contract events up to the head of the log. */
  catchUp(): Promise<number>;
  /** Opens the renewal opportunity of every term ending within the lead days; answers how many were new. */
  openRenewalOpportunities(): Promise<number>;
  /** Renews or ends every contract whose term is over; answers how many changed. */
  renewOrEndDue(): Promise<number>;
}

/** A contract as the reactor follows it: its current term and what started it. */
interface WatchedContract {
  contractId: string;
  customerId: string;
  ownerId: string;
  totals: SaleTotals;
  term: number;
  endOn: DateOnly;
  autoRenew: boolean;
  /** The event that started the current term: the ids of what the term leads to derive from it. */
  termEventId: string;
  endsWithTerm: boolean;
  ended: boolean;
  tenantId: string | undefined;
}

const follow = (watched: Map<string, WatchedContract>, recorded: RecordedEvent): void => {
  const decoded = ContractEvent.decode({ type: recorded.type, data: recorded.data });
  if (E.isLeft(decoded)) return;
  const event = decoded.right;
  const known = watched.get(event.data.contractId);
  switch (event.type) {
    case 'ContractStarted':
      watched.set(event.data.contractId, {
        contractId: event.data.contractId,
        customerId: event.data.customerId,
        ownerId: event.data.ownerId,
        totals: event.data.totals,
        term: event.data.term,
        endOn: event.data.endOn,
        autoRenew: event.data.terms.autoRenew,
        termEventId: recorded.eventId,
        endsWithTerm: false,
        ended: false,
        tenantId: recorded.metadata.tenantId,
      });
      return;
    case 'ContractAmended':
      if (known === undefined) return;
      known.totals = event.data.totals;
      known.autoRenew = event.data.autoRenew ?? known.autoRenew;
      return;
    case 'ContractRenewed':
      if (known === undefined) return;
      Object.assign(known, {
        term: event.data.term,
        endOn: event.data.endOn,
        termEventId: recorded.eventId,
      });
      return;
    case 'ContractNoticeGiven':
      if (known !== undefined) known.endsWithTerm = event.data.effectiveOn <= known.endOn;
      return;
    case 'ContractEnded':
      if (known !== undefined) known.ended = true;
  }
};

/**
 * The contract renewal reactor. It follows Contract events and, asked with the clock port's
 * day, opens a renewal opportunity for every term ending within the lead days (once per term:
 * the opportunity id and command id derive from the event that started the term), and renews
 * contracts that renew themselves or ends those under notice or not renewed once their term is
 * over. Asking again, after a restart or on another node, creates nothing twice.
 */
export const createContractRenewals = (options: ContractRenewalOptions): ContractRenewals => {
  const watched = new Map<string, WatchedContract>();
  const runner = createReactorRunner({
    name: options.name ?? 'contract-renewals',
    store: options.store,
    // Contracts are followed in memory, so each start reads Contract events from the beginning;
    // what it sends stays single through its derived ids.
    checkpoints: createInMemoryCheckpointStore(),
    filter: { streamNamePrefixes: ['Contract-'] },
    react: async (recorded) => {
      follow(watched, recorded);
    },
  });
  const leadDays = options.leadDays ?? 60;

  const context = (contract: WatchedContract, purpose: string, today: string): CommandContext => ({
    commandId: deriveId(contract.termEventId, purpose),
    actor: systemActor(
      'reactor:contract-renewals',
      'renews a contract reaching the end of its term',
    ),
    occurredAt: `${today}T00:00:00.000Z`,
    causationId: contract.termEventId,
    ...(contract.tenantId === undefined ? {} : { tenantId: contract.tenantId }),
  });

  const openRenewalOpportunities = async (): Promise<number> => {
    const today = options.clock.today();
    let opened = 0;
    for (const contract of watched.values()) {
      if (contract.ended || contract.endsWithTerm) continue;
      if (today < addDays(contract.endOn, -leadDays) || today > contract.endOn) continue;
      const result = await options.opportunities.handle(
        {
          kind: 'OpenOpportunity',
          opportunityId: renewalOpportunityId(contract.termEventId),
          name: `Renewal of contract ${contract.contractId}, term ${String(contract.term + 1)}`,
          ownerId: contract.ownerId,
          customerId: contract.customerId,
          source: 'renewal',
          amount: contract.totals.net,
          expectedCloseOn: contract.endOn,
        },
        context(contract, 'open-renewal-opportunity', today),
      );
      if (E.isRight(result) && result.right.events.length > 0) opened += 1;
    }
    return opened;
  };

  const renewOrEndDue = async (): Promise<number> => {
    const today = options.clock.today();
    let changed = 0;
    for (const contract of watched.values()) {
      if (contract.ended || today <= contract.endOn) continue;
      const renews = contract.autoRenew && !contract.endsWithTerm;
      const result = await options.contracts.handle(
        renews
          ? { kind: 'RenewContract', contractId: contract.contractId, renewedOn: today }
          : { kind: 'EndContract', contractId: contract.contractId, today },
        context(contract, renews ? 'renew-contract' : 'end-contract', today),
      );
      if (E.isRight(result) && result.right.events.length > 0) changed += 1;
    }
    return changed;
  };

  return { catchUp: () => runner.catchUp(), openRenewalOpportunities, renewOrEndDue };
};

/** The id of the renewal opportunity of the term started by an event. */
export const renewalOpportunityId = (termEventId: string): string =>
  deriveId(termEventId, 'renewal-opportunity');
