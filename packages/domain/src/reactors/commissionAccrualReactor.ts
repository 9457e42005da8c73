import * as E from 'fp-ts/lib/Either.js';
import type {
  CheckpointStore,
  CommandContext,
  EventStore,
  LeaseOptions,
  RecordedEvent,
} from '@clientele/eventstore';
import { createReactorRunner, deriveId, streamName, systemActor } from '@clientele/eventstore';
import type { ReactorRunner } from '@clientele/eventstore';
import type { CommissionCommandInput } from '../commission/commands.js';
import type { CommissionService } from '../commission/commissionService.js';
import { InvoiceEvent } from '../invoice/events.js';
import { OpportunityEvent } from '../opportunity/events.js';
import { RepOffboarded } from '../offboarding/events.js';
import { TargetEvent } from '../target/events.js';
import { decodeStoredEvent } from '../upcasting/domainUpcasters.js';

/** Options of {@link createCommissionAccrualReactor}. */
export interface CommissionAccrualOptions {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly commissions: CommissionService;
  /** Checkpoint name; defaults to `commission-accrual`. */
  readonly name?: string;
  /** Elects one active runner across app servers (see `createReactorRunner`). */
  readonly lease?: LeaseOptions | undefined;
}

/** The commission-accrual reactor: its runner follows the log from its checkpoint. */
export interface CommissionAccrualReactor {
  readonly runner: ReactorRunner;
}

/** The commands the accrual sends to a rep's Commission ledger. */
type AccrualCommand = Extract<
  CommissionCommandInput,
  {
    readonly kind:
      | 'RecordCollection'
      | 'RecordBooking'
      | 'ReverseBooking'
      | 'AdjustCommissionTarget'
      | 'RecordRepDeparture';
  }
>;

/** The last OpportunityWon of a deal recorded before `before`, read from its stream. */
const lastWin = async (
  store: EventStore,
  opportunityId: string,
  before: bigint | undefined,
): Promise<{ ownerId: string } | undefined> => {
  let won: { ownerId: string } | undefined;
  for await (const recorded of store.readStream(streamName('Opportunity', opportunityId))) {
    if (before !== undefined && recorded.streamRevision >= before) break;
    const decoded = decodeStoredEvent(OpportunityEvent, recorded);
    if (E.isLeft(decoded)) continue;
    if (decoded.right.type === 'OpportunityWon') won = { ownerId: decoded.right.data.ownerId };
    if (decoded.right.type === 'OpportunityReopened') won = undefined;
  }
  return won;
};

/**
 * The commission-accrual reactor. It follows payments, refunds, won deals, reopenings, cancelled
 * invoices and reps' approved or adjusted targets, and sends the rep's Commission ledger the
 * change of base each one makes; the ledger posts plan(base after) − plan(base before). Payments
 * and refunds count only on the invoice of a won opportunity credited to a rep. Every command's id
 * derives from the causing event's id, and the ledger ignores a cause it has seen, so redelivery
 * or a replay from an earlier checkpoint never pays commission twice. A refund counts in the
 * period of the payment it refunds. A rep's offboarding (`RepOffboarded`) tells their ledger the
 * day they leave, from which each period's plan applies its rule for leavers.
 */
export const createCommissionAccrualReactor = (
  options: CommissionAccrualOptions,
): CommissionAccrualReactor => {
  const { store, commissions } = options;

  const send = async (event: RecordedEvent, command: AccrualCommand): Promise<void> => {
    const context: CommandContext = {
      commandId: deriveId(event.eventId, 'commission'),
      actor: systemActor(
        'commission-accrual',
        `accrues commission for ${event.type} ${event.eventId}`,
      ),
      occurredAt: event.metadata.occurredAt,
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
      tenantId: event.metadata.tenantId,
    };
    const result = await commissions.send(command, context);
    // A ledger in another currency refuses the change for good: nothing to retry. A conflict
    // that outlasted the handler's retries is a fault, and stops the runner to be resumed later.
    if (E.isLeft(result) && result.left.kind === 'Conflict') {
      throw new Error(
        `commission for ${event.eventId} kept conflicting on ${result.left.conflict.streamName}`,
      );
    }
  };

  const wonDealRep = async (opportunityId: string | null, repId: string | null) =>
    opportunityId === null || repId === null
      ? undefined
      : (await lastWin(store, opportunityId, undefined)) === undefined
        ? undefined
        : repId;

  const onInvoice = async (event: RecordedEvent, decoded: InvoiceEvent): Promise<void> => {
    const causeEventId = event.eventId;
    if (decoded.type === 'InvoicePaymentRecorded' || decoded.type === 'InvoicePaymentRefunded') {
      const { data } = decoded;
      const repId = await wonDealRep(data.opportunityId, data.salesRepId);
      if (repId === undefined) return;
      const refund = decoded.type === 'InvoicePaymentRefunded';
      await send(event, {
        kind: 'RecordCollection',
        repId,
        causeEventId,
        invoiceId: data.invoiceId,
        amount: { ...data.amount, amountMinor: (refund ? -1 : 1) * data.amount.amountMinor },
        collectedOn: refund ? decoded.data.paymentReceivedOn : decoded.data.receivedOn,
      });
    }
    if (decoded.type === 'InvoiceCancelled') {
      const { opportunityId, salesRepId } = decoded.data;
      if (opportunityId === null || salesRepId === null) return;
      await send(event, { kind: 'ReverseBooking', repId: salesRepId, causeEventId, opportunityId });
    }
  };

  // A rep's approved or adjusted target moves the tier thresholds of their plan for the period.
  const onTarget = async (event: RecordedEvent, decoded: TargetEvent): Promise<void> => {
    if (decoded.type === 'TargetDeclared' || decoded.data.ownerKind !== 'rep') return;
    const { ownerId, period, amount } = decoded.data;
    await send(event, { kind: 'AdjustCommissionTarget', repId: ownerId, period, target: amount });
  };

  const onOpportunity = async (event: RecordedEvent, decoded: OpportunityEvent): Promise<void> => {
    const causeEventId = event.eventId;
    if (decoded.type === 'OpportunityWon') {
      const { ownerId, opportunityId, amount, wonOn } = decoded.data;
      await send(event, {
        kind: 'RecordBooking',
        repId: ownerId,
        causeEventId,
        opportunityId,
        amount,
        bookedOn: wonOn,
      });
    }
    if (decoded.type === 'OpportunityReopened' && decoded.data.previousOutcome === 'won') {
      const { opportunityId } = decoded.data;
      const won = await lastWin(store, opportunityId, event.streamRevision);
      if (won === undefined) return;
      await send(event, {
        kind: 'ReverseBooking',
        repId: won.ownerId,
        causeEventId,
        opportunityId,
      });
    }
  };

  const react = async (event: RecordedEvent): Promise<void> => {
    const departure = decodeStoredEvent(RepOffboarded, event);
    if (E.isRight(departure)) {
      const { repId, leavesOn } = departure.right.data;
      return send(event, {
        kind: 'RecordRepDeparture',
        repId,
        causeEventId: event.eventId,
        leavesOn,
      });
    }
    const invoice = decodeStoredEvent(InvoiceEvent, event);
    if (E.isRight(invoice)) return onInvoice(event, invoice.right);
    const target = decodeStoredEvent(TargetEvent, event);
    if (E.isRight(target)) return onTarget(event, target.right);
    const opportunity = decodeStoredEvent(OpportunityEvent, event);
    if (E.isRight(opportunity)) await onOpportunity(event, opportunity.right);
  };

  const runner = createReactorRunner({
    name: options.name ?? 'commission-accrual',
    store,
    checkpoints: options.checkpoints,
    filter: { streamNamePrefixes: ['Invoice-', 'Opportunity-', 'Target-', 'Offboarding-'] },
    react,
    lease: options.lease,
  });
  return { runner };
};
