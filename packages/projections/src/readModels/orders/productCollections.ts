import { activeDocuments } from '../../store/activeDocuments.js';
import type { ReadModelStore } from '../../store/readModelStore.js';
import { splitByWeights } from '../profitability/productShares.js';
import { InvoiceDocument, invoiceKey } from '../receivables/invoiceDocument.js';
import { InvoiceProductsDocument } from './invoiceProductsProjection.js';

/** Money collected for one product on one day, and the rep the invoice credits. */
export interface ProductCollection {
  readonly productId: string;
  readonly sku: string;
  readonly productName: string;
  readonly on: string;
  readonly repId: string | null;
  readonly amount: { readonly amountMinor: number; readonly currency: string };
}

/**
 * Every payment (and, negative, every refund) on an invoice that bills order or contract lines,
 * split among its products in proportion to what it billed each (whole minor units, largest
 * remainder), on the day it was received or refunded.
 */
export const productCollections = async (
  readModels: ReadModelStore,
): Promise<ProductCollection[]> => {
  const billed = new Map<string, InvoiceProductsDocument>();
  for await (const { doc } of activeDocuments(
    readModels,
    'invoiceProducts',
    InvoiceProductsDocument,
  )) {
    billed.set(invoiceKey(doc.invoiceId), doc);
  }
  const collections: ProductCollection[] = [];
  for await (const { key, doc: invoice } of activeDocuments(
    readModels,
    'invoices',
    InvoiceDocument,
  )) {
    const products = billed.get(key)?.products;
    if (products === undefined) continue;
    const movements = [
      ...invoice.payments,
      ...invoice.refunds.map((refund) => ({ ...refund, amountMinor: -refund.amountMinor })),
    ];
    const weights = products.map((product) => product.totalMinor);
    for (const movement of movements) {
      splitByWeights(movement.amountMinor, weights).forEach((amountMinor, index) => {
        const product = products[index];
        if (product === undefined) return;
        collections.push({
          ...product,
          on: movement.on,
          repId: invoice.salesRepId,
          amount: { amountMinor, currency: invoice.currency },
        });
      });
    }
  }
  return collections;
};
