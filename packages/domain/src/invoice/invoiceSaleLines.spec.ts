import * as E from 'fp-ts/lib/Either.js';
import { deciderSpec } from '@clientele/eventstore/testing';
import { describe, it } from 'vitest';
import { InvoiceCommand } from './commands.js';
import { invoiceDecider } from './decide.js';

const spec = deciderSpec(invoiceDecider);
const invoiceId = 'invoice-1';
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' }) as never;
const saleLine = (net: number, tax: number) => ({
  source: 'order',
  sourceId: 'so-1',
  lineId: 'l1',
  productId: 'seat',
  sku: 'SEAT-STD',
  productName: 'Seat',
  net: eur(net),
  tax: eur(tax),
  total: eur(net + tax),
});
const issue = (total: number, saleLines: object[]): InvoiceCommand => {
  const decoded = InvoiceCommand.decode({
    kind: 'IssueInvoice',
    invoiceId,
    customerId: 'customer-1',
    currency: 'EUR',
    issuedOn: '2026-03-02',
    dueOn: '2026-04-01',
    salesRepId: 'rep-1',
    total: eur(total),
    saleLines,
  });
  if (E.isLeft(decoded)) throw new Error('invalid command');
  return decoded.right;
};

describe('invoice sale lines', () => {
  it('bills order lines: subtotal and tax are the sums of the lines, the lines kept on the invoice', () => {
    const lines = [saleLine(10_000, 2_000), { ...saleLine(5_000, 0), lineId: 'l2' }];
    spec
      .given([])
      .when(issue(17_000, lines))
      .then([
        {
          type: 'InvoiceIssued',
          data: {
            invoiceId,
            customerId: 'customer-1',
            issuedOn: '2026-03-02' as never,
            dueOn: '2026-04-01' as never,
            subtotal: eur(15_000),
            tax: eur(2_000),
            total: eur(17_000),
            labels: [],
            opportunityId: null,
            salesRepId: 'rep-1',
            saleLines: lines as never,
          },
        },
      ]);
  });

  it('refuses sale lines that do not add up to the invoice total', () => {
    spec
      .given([])
      .when(issue(17_001, [saleLine(10_000, 2_000), { ...saleLine(5_000, 0), lineId: 'l2' }]))
      .thenFails({ kind: 'InvoiceSaleLinesMismatch', invoiceId });
  });
});
