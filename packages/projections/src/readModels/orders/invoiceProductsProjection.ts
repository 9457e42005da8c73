import * as t from 'io-ts';
import { InvoiceEvent } from '@clientele/domain';
import type { Projection } from '../../projection/projection.js';
import { domainEventDecoder } from '../domainEvent.js';

const decode = domainEventDecoder(InvoiceEvent);

/** What an invoice billing order or contract lines billed of each product. */
export const InvoiceProductsDocument = t.type(
  {
    invoiceId: t.string,
    currency: t.string,
    products: t.array(
      t.type({ productId: t.string, sku: t.string, productName: t.string, totalMinor: t.number }),
    ),
  },
  'InvoiceProductsDocument',
);
/** What an invoice billed of each product. */
export type InvoiceProductsDocument = t.TypeOf<typeof InvoiceProductsDocument>;

/**
 * `invoiceProducts`: one document per invoice issued with sale lines, what it billed of each
 * product. Its payments and refunds are in the `invoices` read model, with their days.
 */
export const invoiceProductsProjection: Projection<InvoiceProductsDocument> = {
  name: 'invoiceProducts',
  version: 1,
  filter: { streamNamePrefixes: ['Invoice-'], eventTypes: ['InvoiceIssued'] },
  keysOf: (recorded) => {
    const event = decode(recorded);
    return event?.type === 'InvoiceIssued' && event.data.saleLines !== undefined
      ? [event.data.invoiceId]
      : [];
  },
  initial: (invoiceId) => ({ invoiceId, currency: '', products: [] }),
  apply: (doc, recorded) => {
    const event = decode(recorded);
    if (event?.type !== 'InvoiceIssued') return doc;
    return {
      ...doc,
      currency: event.data.total.currency,
      products: (event.data.saleLines ?? []).map((line) => ({
        productId: line.productId,
        sku: line.sku,
        productName: line.productName,
        totalMinor: line.total.amountMinor,
      })),
    };
  },
};
