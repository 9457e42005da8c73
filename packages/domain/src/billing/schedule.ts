import type { RecordedEvent } from '@clientele/eventstore';
import * as E from 'fp-ts/lib/Either.js';
import { ContractEvent } from '../contract/events.js';
import type { PricedCatalogLine, SubscriptionTerms } from '../quote/values.js';
import { SalesOrderEvent } from '../salesOrder/events.js';
import type { DateOnly } from '../shared/dates.js';
import type { Installment } from './installments.js';
import { MONTHS_PER_INVOICE, splitIntoInstallments } from './installments.js';

/** The invoices an order or a contract term is billed by, and for whom. */
export interface BillingSchedule {
  /** The event that made the schedule: the ids of its invoices derive from it. */
  readonly scheduleEventId: string;
  readonly customerId: string;
  readonly ownerId: string;
  readonly opportunityId: string | undefined;
  readonly currency: string;
  readonly installments: readonly Installment[];
  /** Installments issued after this day are not issued (a cancelled order, an ended contract). */
  readonly stopsAfter: DateOnly | null;
  readonly tenantId: string | undefined;
}

/** A contract as the schedules follow it: the lines and terms its next term is billed by. */
interface FollowedContract {
  readonly customerId: string;
  readonly ownerId: string;
  readonly opportunityId: string | undefined;
  readonly currency: string;
  readonly terms: SubscriptionTerms;
  readonly lines: readonly PricedCatalogLine[];
}

/** Every billing schedule, kept from the order and contract events of the log. */
export interface BillingSchedules {
  /** Folds one recorded event into the schedules. */
  follow(recorded: RecordedEvent): void;
  all(): Iterable<BillingSchedule>;
}

const termSchedule = (
  recorded: RecordedEvent,
  contractId: string,
  contract: FollowedContract,
  startOn: DateOnly,
): BillingSchedule => {
  const every = MONTHS_PER_INVOICE[contract.terms.billing];
  const count = Math.ceil(contract.terms.termMonths / every);
  const billed = { source: 'contract' as const, sourceId: contractId, lines: contract.lines };
  return {
    scheduleEventId: recorded.eventId,
    customerId: contract.customerId,
    ownerId: contract.ownerId,
    opportunityId: contract.opportunityId,
    currency: contract.currency,
    installments: splitIntoInstallments(billed, count, startOn, every),
    stopsAfter: null,
    tenantId: recorded.metadata.tenantId,
  };
};

/**
 * The billing schedules of orders and contracts: an order at once on its order day or in the
 * installments of its billing plan; each contract term in equal parts at its billing frequency
 * from the term's first day, with the lines in force when the term began. A cancelled order stops
 * issuing; an ended contract issues nothing after its last day.
 */
export const createBillingSchedules = (): BillingSchedules => {
  const schedules = new Map<string, BillingSchedule>();
  const contracts = new Map<string, FollowedContract>();
  const stop = (key: string, after: DateOnly) => {
    for (const [scheduleKey, schedule] of schedules) {
      if (scheduleKey.startsWith(key))
        schedules.set(scheduleKey, { ...schedule, stopsAfter: after });
    }
  };

  const followOrder = (recorded: RecordedEvent, event: SalesOrderEvent): void => {
    if (event.type === 'OrderCancelled')
      stop(`order:${event.data.orderId}`, event.data.cancelledOn);
    if (event.type !== 'OrderPlaced') return;
    const { data } = event;
    const plan = data.billingPlan ?? { kind: 'one_off' as const };
    const billed = { source: 'order' as const, sourceId: data.orderId, lines: data.lines };
    schedules.set(`order:${data.orderId}`, {
      scheduleEventId: recorded.eventId,
      customerId: data.customerId,
      ownerId: data.ownerId,
      opportunityId: data.opportunityId,
      currency: data.currency,
      installments:
        plan.kind === 'one_off'
          ? splitIntoInstallments(billed, 1, data.orderedOn, 1)
          : splitIntoInstallments(billed, plan.count, data.orderedOn, plan.everyMonths),
      stopsAfter: null,
      tenantId: recorded.metadata.tenantId,
    });
  };

  const followContract = (recorded: RecordedEvent, event: ContractEvent): void => {
    const { contractId } = event.data;
    const known = contracts.get(contractId);
    switch (event.type) {
      case 'ContractStarted': {
        const { data } = event;
        const contract = { ...data, opportunityId: data.opportunityId };
        contracts.set(contractId, contract);
        schedules.set(
          `contract:${contractId}:1`,
          termSchedule(recorded, contractId, contract, data.terms.startOn),
        );
        return;
      }
      case 'ContractAmended':
        if (known !== undefined) contracts.set(contractId, { ...known, lines: event.data.lines });
        return;
      case 'ContractRenewed':
        if (known === undefined) return;
        schedules.set(
          `contract:${contractId}:${String(event.data.term)}`,
          termSchedule(recorded, contractId, known, event.data.startOn),
        );
        return;
      case 'ContractEnded':
        stop(`contract:${contractId}:`, event.data.endedOn);
        return;
      case 'ContractNoticeGiven':
        return;
    }
  };

  return {
    follow: (recorded) => {
      const order = SalesOrderEvent.decode({ type: recorded.type, data: recorded.data });
      if (E.isRight(order)) {
        followOrder(recorded, order.right);
        return;
      }
      const contract = ContractEvent.decode({ type: recorded.type, data: recorded.data });
      if (E.isRight(contract)) followContract(recorded, contract.right);
    },
    all: () => schedules.values(),
  };
};
