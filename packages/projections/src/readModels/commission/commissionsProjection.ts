import { CommissionEvent, monthOf } from '@clientele/domain';
import { addAmount } from '../../definitions/moneyByCurrency.js';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';
import { type CommissionDocument, commissionKey } from './commissionDocument.js';

const decode = domainEventDecoder(CommissionEvent);

/** The period a commission event counts in: the plan's period, or the month a settlement was paid. */
const periodOf = (event: CommissionEvent): string | undefined => {
  switch (event.type) {
    case 'CommissionPlanAssigned':
    case 'CommissionTargetAdjusted':
    case 'CommissionAccrued':
    case 'CommissionClawedBack':
    case 'LeaverCommissionWithheld':
      return event.data.period;
    case 'CommissionSettlementPaid':
      return monthOf(event.data.paidOn);
    default:
      return undefined;
  }
};

/**
 * `commissions`: one document per rep and period with target, accrued, clawed back, withheld from
 * a leaver and paid.
 */
export const commissionsProjection: Projection<CommissionDocument> = {
  name: 'commissions',
  version: 2,
  filter: { streamNamePrefixes: ['Commission-'] },
  keysOf: (recorded) => {
    const event = decode(recorded);
    const period = event === undefined ? undefined : periodOf(event);
    return event === undefined || period === undefined
      ? []
      : [commissionKey(event.data.repId, period)];
  },
  initial: (key) => {
    const [, period = '', ...rep] = key.split(':');
    const repId = rep.join(':');
    return { repId, period, target: null, accrued: {}, clawedBack: {}, withheld: {}, paid: {} };
  },
  apply: (doc, recorded) => {
    const event = decode(recorded);
    if (event === undefined) return doc;
    switch (event.type) {
      case 'CommissionPlanAssigned':
      case 'CommissionTargetAdjusted':
        return {
          ...doc,
          target: {
            amountMinor: event.data.target.amountMinor,
            currency: event.data.target.currency,
          },
        };
      case 'CommissionAccrued':
        return { ...doc, accrued: addAmount(doc.accrued, event.data.amount) };
      case 'CommissionClawedBack':
        return { ...doc, clawedBack: addAmount(doc.clawedBack, event.data.amount) };
      case 'LeaverCommissionWithheld':
        return { ...doc, withheld: addAmount(doc.withheld, event.data.amount) };
      case 'CommissionSettlementPaid':
        return { ...doc, paid: addAmount(doc.paid, event.data.amount) };
      default:
        return doc;
    }
  },
};
