import { createInMemoryEventStore } from '@clientele/eventstore';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProjectionRunner } from '../../runner/projectionRunner.js';
import { createInMemoryReadModelStore } from '../../store/inMemoryReadModelStore.js';
import { appendHistory, type HistoryEntry } from '../../testing/domainHistory.js';
import { invoicesProjection } from './invoicesProjection.js';
import { daysSalesOutstanding, receivablesReport } from './receivablesReport.js';
import { administratorAccess, allowed } from '../../testing/readAccess.js';

const sale = (customerId: string) => ({ customerId, opportunityId: null, salesRepId: 'rep-1' });
const money = (amountMinor: number, currency: string) => ({ amountMinor, currency });
type Money = ReturnType<typeof money>;
/** An invoice and the customer it bills. */
const invoice = (invoiceId: string, customerId: string) => ({ invoiceId, customerId });
type Billed = ReturnType<typeof invoice>;
const issued = (
  { invoiceId, customerId }: Billed,
  total: Money,
  issuedOn: string,
  dueOn: string,
): HistoryEntry => ({
  stream: `Invoice-${invoiceId}`,
  type: 'InvoiceIssued',
  data: {
    invoiceId,
    issuedOn,
    dueOn,
    subtotal: total,
    tax: money(0, total.currency),
    total,
    labels: [],
    ...sale(customerId),
  },
  at: issuedOn,
});
const paid = (
  { invoiceId, customerId }: Billed,
  paymentId: string,
  amount: Money,
  on: string,
): HistoryEntry => ({
  stream: `Invoice-${invoiceId}`,
  type: 'InvoicePaymentRecorded',
  data: {
    invoiceId,
    paymentId,
    amount,
    receivedOn: on,
    ...sale(customerId),
  },
  at: on,
});

const readModels = createInMemoryReadModelStore();
beforeAll(async () => {
  const events = createInMemoryEventStore();
  await appendHistory(events, [
    issued(invoice('I3', 'C2'), money(200_00, 'USD'), '2025-11-01', '2025-12-01'),
    issued(invoice('I1', 'C1'), money(1000_00, 'EUR'), '2026-01-01', '2026-01-31'),
    paid(invoice('I3', 'C2'), 'P3', money(100_00, 'USD'), '2026-01-05'),
    {
      stream: 'Invoice-I3',
      type: 'InvoicePaymentRefunded',
      data: {
        invoiceId: 'I3',
        refundId: 'R3',
        paymentId: 'P3',
        amount: money(30_00, 'USD'),
        refundedOn: '2026-02-01',
        paymentReceivedOn: '2026-01-05',
        ...sale('C2'),
      },
      at: '2026-02-01',
    },
    issued(invoice('I4', 'C2'), money(300_00, 'USD'), '2026-02-01', '2026-03-01'),
    {
      stream: 'Invoice-I4',
      type: 'InvoiceCancelled',
      data: { invoiceId: 'I4', reason: 'duplicate', cancelledOn: '2026-02-02', ...sale('C2') },
      at: '2026-02-02',
    },
    paid(invoice('I1', 'C1'), 'P1', money(400_00, 'EUR'), '2026-02-10'),
    issued(invoice('I2', 'C1'), money(500_00, 'EUR'), '2026-03-01', '2026-03-31'),
    {
      stream: 'Invoice-I3',
      type: 'InvoiceWrittenOff',
      data: {
        invoiceId: 'I3',
        amount: money(50_00, 'USD'),
        reason: 'settled',
        writtenOffOn: '2026-03-15',
      },
      at: '2026-03-15',
    },
    issued(invoice('I5', 'C2'), money(100_00, 'EUR'), '2026-04-01', '2026-05-01'),
    paid(invoice('I1', 'C1'), 'P2', money(600_00, 'EUR'), '2026-04-05'),
  ]);
  await createProjectionRunner({ events, readModels, projections: [invoicesProjection] }).catchUp();
});

describe('receivables', () => {
  it('gives per customer and in total what was invoiced, paid, refunded, written off, outstanding and overdue', async () => {
    const rows = await allowed(
      receivablesReport(readModels, administratorAccess, { asOf: '2026-03-31' }),
    );
    expect(rows.map((r) => r.customerId)).toEqual(['C1', 'C2', null]);
    const total = rows[2]!;
    expect(total.invoiced).toEqual({ USD: 200_00, EUR: 1500_00 }); // I4 cancelled, I5 not yet issued
    expect(total.paid).toEqual({ USD: 100_00, EUR: 400_00 }); // P2 is after the report date
    expect(total.refunded).toEqual({ USD: 30_00, EUR: 0 });
    expect(total.writtenOff).toEqual({ USD: 50_00, EUR: 0 });
    expect(total.outstanding).toEqual({ USD: 80_00, EUR: 1100_00 });
    expect(total.overdue).toEqual({ USD: 80_00, EUR: 600_00 }); // I2 falls due on the report date itself
  });

  it('ages outstanding amounts by days past due on the report date', async () => {
    const [, , total] = await allowed(
      receivablesReport(readModels, administratorAccess, { asOf: '2026-03-31' }),
    );
    expect(total!.aging).toEqual({
      current: { EUR: 500_00 },
      '1-30': {},
      '31-60': { EUR: 600_00 }, // I1: 59 days past due
      '61-90': {},
      '90+': { USD: 80_00 }, // I3: 120 days past due
    });
  });

  it('counts a payment from the day it was received', async () => {
    const [c1] = await allowed(
      receivablesReport(readModels, administratorAccess, { asOf: '2026-04-06' }),
    );
    expect(c1!.outstanding).toEqual({ EUR: 500_00 });
    expect(c1!.aging['1-30']).toEqual({ EUR: 500_00 });
  });

  it('gives days sales outstanding per currency, null when nothing was invoiced in the window', async () => {
    expect(
      await allowed(
        daysSalesOutstanding(readModels, administratorAccess, { asOf: '2026-03-31', days: 90 }),
      ),
    ).toEqual({
      EUR: { numerator: 1100_00 * 90, denominator: 1500_00, value: 66 },
      USD: { numerator: 80_00 * 90, denominator: 0, value: null },
    });
  });
});
