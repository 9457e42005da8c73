import { InvoiceEvent } from '@clientele/domain';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';
import { type InvoiceDocument, invoiceKey } from './invoiceDocument.js';

const decode = domainEventDecoder(InvoiceEvent);

const NOT_ISSUED: InvoiceDocument = {
  invoiceId: '',
  customerId: '',
  salesRepId: null,
  issuedOn: '',
  dueOn: '',
  currency: 'XXX',
  totalMinor: 0,
  payments: [],
  refunds: [],
  writeOffs: [],
  cancelledOn: null,
  disputed: false,
};

/** `invoices`: one document per invoice, the base of receivables, aging and DSO. */
export const invoicesProjection: Projection<InvoiceDocument> = {
  name: 'invoices',
  version: 1,
  filter: { streamNamePrefixes: ['Invoice-'] },
  keysOf: (event) => {
    const decoded = decode(event);
    return decoded === undefined ? [] : [invoiceKey(decoded.data.invoiceId)];
  },
  initial: () => NOT_ISSUED,
  apply: (doc, recorded) => {
    const event = decode(recorded);
    if (event === undefined) return doc;
    switch (event.type) {
      case 'InvoiceIssued': {
        const d = event.data;
        return {
          ...NOT_ISSUED,
          invoiceId: d.invoiceId,
          customerId: d.customerId,
          salesRepId: d.salesRepId,
          issuedOn: d.issuedOn,
          dueOn: d.dueOn,
          currency: d.total.currency,
          totalMinor: d.total.amountMinor,
        };
      }
      case 'InvoicePaymentRecorded':
        return {
          ...doc,
          payments: [
            ...doc.payments,
            { on: event.data.receivedOn, amountMinor: event.data.amount.amountMinor },
          ],
        };
      case 'InvoicePaymentRefunded':
        return {
          ...doc,
          refunds: [
            ...doc.refunds,
            { on: event.data.refundedOn, amountMinor: event.data.amount.amountMinor },
          ],
        };
      case 'InvoiceWrittenOff':
        return {
          ...doc,
          writeOffs: [
            ...doc.writeOffs,
            { on: event.data.writtenOffOn, amountMinor: event.data.amount.amountMinor },
          ],
        };
      case 'InvoiceCancelled':
        return { ...doc, cancelledOn: event.data.cancelledOn };
      case 'InvoiceDisputed':
        return { ...doc, disputed: true };
      case 'InvoiceDisputeResolved':
        return { ...doc, disputed: false };
      case 'InvoiceCreditHeld':
        // Credit above what was owed belongs to the customer, not to this invoice's balance.
        return doc;
      case 'InvoiceBillingContactCorrected':
        // This document holds no personal data, so a corrected billing contact changes nothing.
        return doc;
    }
  },
};
