import { CommissionEvent, InvoiceEvent } from '@clientele/domain';
import { addAmount } from '../../definitions/moneyByCurrency.js';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';
import type { CommissionCauseDocument, DealRevenueDocument } from './dealRevenueDocument.js';

const decodeInvoice = domainEventDecoder(InvoiceEvent);
const decodeCommission = domainEventDecoder(CommissionEvent);

const collect = (
  doc: DealRevenueDocument,
  invoiceId: string,
  amount: { amountMinor: number; currency: string },
  sign: 1 | -1,
) => {
  const signed = { amountMinor: sign * amount.amountMinor, currency: amount.currency };
  const invoice = doc.invoices[invoiceId];
  return {
    ...doc,
    collected: addAmount(doc.collected, signed),
    invoices:
      invoice === undefined
        ? doc.invoices
        : {
            ...doc.invoices,
            [invoiceId]: {
              ...invoice,
              collectedMinor: invoice.collectedMinor + signed.amountMinor,
            },
          },
  };
};

/** `dealRevenue`: per deal (`deal:<opportunityId>`), what its invoices billed per product and collected. */
export const dealRevenueProjection: Projection<DealRevenueDocument> = {
  name: 'dealRevenue',
  version: 1,
  filter: {
    streamNamePrefixes: ['Invoice-'],
    eventTypes: ['InvoiceIssued', 'InvoicePaymentRecorded', 'InvoicePaymentRefunded'],
  },
  keysOf: (recorded) => {
    const event = decodeInvoice(recorded);
    const opportunityId =
      event !== undefined && 'opportunityId' in event.data ? event.data.opportunityId : null;
    return typeof opportunityId === 'string' ? [`deal:${opportunityId}`] : [];
  },
  initial: (key) => ({
    opportunityId: key.slice('deal:'.length),
    repId: null,
    collected: {},
    invoices: {},
  }),
  apply: (doc, recorded) => {
    const event = decodeInvoice(recorded);
    switch (event?.type) {
      case 'InvoiceIssued':
        return {
          ...doc,
          repId: event.data.salesRepId ?? doc.repId,
          invoices: {
            ...doc.invoices,
            [event.data.invoiceId]: {
              currency: event.data.total.currency,
              totalMinor: event.data.total.amountMinor,
              products: (event.data.saleLines ?? []).map((line) => ({
                productId: line.productId,
                productName: line.productName,
                totalMinor: line.total.amountMinor,
              })),
              collectedMinor: 0,
            },
          },
        };
      case 'InvoicePaymentRecorded':
        return collect(doc, event.data.invoiceId, event.data.amount, 1);
      case 'InvoicePaymentRefunded':
        return collect(doc, event.data.invoiceId, event.data.amount, -1);
      default:
        return doc;
    }
  },
};

/**
 * `commissionCauses`: per cause of commission (`cause:<eventId>`, a payment, a refund, a won deal),
 * the deal it belongs to and the commission accrued minus clawed back because of it.
 */
export const commissionCausesProjection: Projection<CommissionCauseDocument> = {
  name: 'commissionCauses',
  version: 2,
  filter: {
    streamNamePrefixes: ['Commission-'],
    eventTypes: ['CommissionBaseRecorded', 'CommissionAccrued', 'CommissionClawedBack'],
  },
  keysOf: (recorded) => {
    const event = decodeCommission(recorded);
    const cause =
      event !== undefined && 'causeEventId' in event.data ? event.data.causeEventId : null;
    return typeof cause === 'string' ? [`cause:${cause}`] : [];
  },
  initial: () => ({ opportunityId: null, invoiceId: null, commission: {} }),
  apply: (doc, recorded) => {
    const event = decodeCommission(recorded);
    switch (event?.type) {
      case 'CommissionBaseRecorded':
        return {
          ...doc,
          opportunityId: event.data.opportunityId ?? doc.opportunityId,
          invoiceId: event.data.invoiceId ?? doc.invoiceId,
        };
      case 'CommissionAccrued':
        return { ...doc, commission: addAmount(doc.commission, event.data.amount) };
      case 'CommissionClawedBack':
        return {
          ...doc,
          commission: addAmount(doc.commission, {
            currency: event.data.amount.currency,
            amountMinor: 0 - event.data.amount.amountMinor,
          }),
        };
      default:
        return doc;
    }
  },
};
