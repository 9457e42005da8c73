import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@clientele/eventstore';
import {
  createInMemoryCheckpointStore,
  createReactorRunner,
  deriveId,
  systemActor,
} from '@clientele/eventstore';
import type { InvoiceService } from '../invoice/invoiceService.js';
import { addDays } from '../shared/dates.js';
import type { Installment } from './installments.js';
import type { BillingSchedule } from './schedule.js';
import { createBillingSchedules } from './schedule.js';

/** Where the invoicing reactor learns the day: the only place that reads a clock. */
export interface InvoicingClockPort {
  /** Today, `YYYY-MM-DD`, in the tenant's time zone. */
  today(): string;
}

/** Options of {@link createScheduledInvoicing}. */
export interface ScheduledInvoicingOptions {
  readonly store: EventStore;
  readonly invoices: InvoiceService;
  readonly clock: InvoicingClockPort;
  /** Days from issue to due date; defaults to 30. */
  readonly dueDays?: number;
  /** The name the reactor reads the log under; defaults to `scheduled-invoicing`. */
  readonly name?: string;
}

/** What one `issueDue` did: how many invoices were new, which were refused and why. */
export interface InvoicingRun {
  readonly issued: number;
  readonly refused: readonly { readonly invoiceId: string; readonly reason: string }[];
}

/** Follows orders and contracts and issues their invoices on the days their schedules say. */
export interface ScheduledInvoicing {
  /** Reads order and contract events up to the head of the log. */
  catchUp(): Promise<number>;
  /** Issues every installment due by the clock's day that was not issued yet. */
  issueDue(): Promise<InvoicingRun>;
}

/** The invoice id of an installment: derived from the event that made its schedule. */
export const installmentInvoiceId = (scheduleEventId: string, number: number): string =>
  deriveId(scheduleEventId, `invoice-${String(number)}`);

/**
 * The scheduled invoicing reactor. It issues each installment of the billing schedules (see
 * `createBillingSchedules`) once the clock's day reaches it: an invoice for the installment's
 * total that bills its part of every line (`saleLines`), credited to the rep and opportunity of
 * the sale so commission on collection works as for any invoice, and checked against the
 * customer's credit by the invoice service. The invoice id and command id derive from the event
 * that made the schedule, so asking again, after a restart or on another node, issues nothing
 * twice. A refused invoice (over the credit limit under `block`) is reported, and tried again.
 */
export const createScheduledInvoicing = (
  options: ScheduledInvoicingOptions,
): ScheduledInvoicing => {
  const schedules = createBillingSchedules();
  const runner = createReactorRunner({
    name: options.name ?? 'scheduled-invoicing',
    store: options.store,
    // Schedules are kept in memory, so each start reads the log from the beginning; invoices
    // stay single through their derived ids.
    checkpoints: createInMemoryCheckpointStore(),
    filter: { streamNamePrefixes: ['SalesOrder-', 'Contract-'] },
    react: async (recorded) => {
      schedules.follow(recorded);
    },
  });

  const issue = (schedule: BillingSchedule, installment: Installment) =>
    options.invoices.handle(
      {
        kind: 'IssueInvoice',
        invoiceId: installmentInvoiceId(schedule.scheduleEventId, installment.number),
        customerId: schedule.customerId,
        currency: schedule.currency,
        issuedOn: installment.issueOn,
        dueOn: addDays(installment.issueOn, options.dueDays ?? 30),
        total: installment.total,
        saleLines: installment.lines,
        salesRepId: schedule.ownerId,
        ...(schedule.opportunityId === undefined ? {} : { opportunityId: schedule.opportunityId }),
      },
      {
        commandId: deriveId(
          schedule.scheduleEventId,
          `issue-invoice-${String(installment.number)}`,
        ),
        actor: systemActor(
          'reactor:scheduled-invoicing',
          'issues an installment of a billing schedule',
        ),
        occurredAt: `${installment.issueOn}T00:00:00.000Z`,
        causationId: schedule.scheduleEventId,
        ...(schedule.tenantId === undefined ? {} : { tenantId: schedule.tenantId }),
      },
    );

  const issueDue = async (): Promise<InvoicingRun> => {
    const today = options.clock.today();
    let issued = 0;
    const refused: { invoiceId: string; reason: string }[] = [];
    for (const schedule of schedules.all()) {
      const due = schedule.installments.filter(
        (installment) =>
          installment.issueOn <= today &&
          (schedule.stopsAfter === null || installment.issueOn <= schedule.stopsAfter),
      );
      for (const installment of due) {
        const result = await issue(schedule, installment);
        if (E.isRight(result)) issued += result.right.events.length > 0 ? 1 : 0;
        else if (result.left.kind !== 'InvoiceAlreadyIssued') {
          const invoiceId = installmentInvoiceId(schedule.scheduleEventId, installment.number);
          refused.push({ invoiceId, reason: result.left.kind });
        }
      }
    }
    return { issued, refused };
  };

  return { catchUp: () => runner.catchUp(), issueDue };
};
