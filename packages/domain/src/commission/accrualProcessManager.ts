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
import type { CommissionService } from './commissionService.js';
import { InvoiceEvent } from '../invoice/events.js';
import { OpportunityEvent } from '../opportunity/events.js';
import { TargetEvent } from '../target/events.js';

/** Options of {@link createCommissionAccrual}. */
export interface CommissionAccrualOptions {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly commissions: CommissionService;
  /** Checkpoint name; defaults to `commission-accrual`. */
  readonly name?: string;
  /** Elects one active runner across app servers (see `createReactorRunner`). */
  readonly lease?: LeaseOptions;
}

/** The last OpportunityWon of a deal recorded before `before`, read from its stream. */
const lastWin = async (
  store: EventStore,
  opportunityId: string,
  before: bigint | undefined,
): Promise<{ ownerId: string } | undefined> => {
  let won: { ownerId: string } | undefined;
  for await (const recorded of store.readStream(streamName('Opportunity', opportunityId))) {
    if (before !== undefined && recorded.streamRevision >= before) break;
    const decoded = OpportunityEvent.decode({ type: recorded.type, data: recorded.data });
    if (E.isLeft(decoded)) continue;
    if (decoded.right.type === 'OpportunityWon') won = { ownerId: decoded.right.data.ownerId };
    if (decoded.right.type === 'OpportunityReopened') won = undefined;
  }
  return won;
};

/**
 * The commission-accrual process manager. It follows payments, refunds, won deals, reopenings,
 * cancelled invoices and reps' approved or adjusted targets, and sends the rep's Commission ledger the change of base each one makes;
 * the ledger posts plan(base after) − plan(base before). Payments and refunds count only on the
 * invoice of a won opportunity credited to a rep. Every command's id derives from the causing
 * event's id, and the ledger ignores a cause it has seen, so redelivery or a replay from an earlier
 * checkpoint never pays commission twice. A refund counts in the period of the payment it refunds.
 */
export const createCommissionAccrual = (options: CommissionAccrualOptions): ReactorRunner => {
  const { store, commissions } = options;

  const send = async (event: RecordedEvent, command: Record<string, unknown>): Promise<void> => {
    const context: CommandContext = {
      commandId: deriveId(event.eventId, 'commission'),
      actor: systemActor(
        'commission-accrual',
        `accrues commission for ${event.type} ${event.eventId}`,
      ),
      occurredAt: event.metadata.occurredAt,
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
      ...(event.metadata.tenantId === undefined ? {} : { tenantId: event.metadata.tenantId }),
    };
    const result = await commissions.handle(
      command.kind === 'AdjustCommissionTarget'
        ? command
        : { ...command, causeEventId: event.eventId },
      context,
    );
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

  const react = async (event: RecordedEvent): Promise<void> => {
    const invoice = InvoiceEvent.decode({ type: event.type, data: event.data });
    if (E.isRight(invoice)) {
      const { right: decoded } = invoice;
      if (decoded.type === 'InvoicePaymentRecorded' || decoded.type === 'InvoicePaymentRefunded') {
        const { data } = decoded;
        const repId = await wonDealRep(data.opportunityId, data.salesRepId);
        if (repId === undefined) return;
        const refund = decoded.type === 'InvoicePaymentRefunded';
        await send(event, {
          kind: 'RecordCollection',
          repId,
          invoiceId: data.invoiceId,
          amount: { ...data.amount, amountMinor: (refund ? -1 : 1) * data.amount.amountMinor },
          collectedOn: refund ? decoded.data.paymentReceivedOn : decoded.data.receivedOn,
        });
      }
      if (decoded.type === 'InvoiceCancelled' && decoded.data.opportunityId !== null) {
        const repId = decoded.data.salesRepId;
        if (repId === null) return;
        await send(event, {
          kind: 'ReverseBooking',
          repId,
          opportunityId: decoded.data.opportunityId,
        });
      }
      return;
    }
    const target = TargetEvent.decode({ type: event.type, data: event.data });
    if (E.isRight(target)) {
      const { right: decoded } = target;
      // A rep's approved or adjusted target moves the tier thresholds of their plan for the period.
      if (decoded.type !== 'TargetDeclared' && decoded.data.ownerKind === 'rep') {
        const { ownerId, period, amount } = decoded.data;
        await send(event, {
          kind: 'AdjustCommissionTarget',
          repId: ownerId,
          period,
          target: amount,
        });
      }
      return;
    }
    const opportunity = OpportunityEvent.decode({ type: event.type, data: event.data });
    if (E.isLeft(opportunity)) return;
    const { right: decoded } = opportunity;
    if (decoded.type === 'OpportunityWon') {
      const { ownerId, opportunityId, amount, wonOn } = decoded.data;
      await send(event, {
        kind: 'RecordBooking',
        repId: ownerId,
        opportunityId,
        amount,
        bookedOn: wonOn,
      });
    }
    if (decoded.type === 'OpportunityReopened' && decoded.data.previousOutcome === 'won') {
      const won = await lastWin(store, decoded.data.opportunityId, event.streamRevision);
      if (won === undefined) return;
      await send(event, {
        kind: 'ReverseBooking',
        repId: won.ownerId,
        opportunityId: decoded.data.opportunityId,
      });
    }
  };

  return createReactorRunner({
    name: options.name ?? 'commission-accrual',
    store,
    checkpoints: options.checkpoints,
    filter: { streamNamePrefixes: ['Invoice-', 'Opportunity-', 'Target-'] },
    react,
    ...(options.lease === undefined ? {} : { lease: options.lease }),
  });
};
