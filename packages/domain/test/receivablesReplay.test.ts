import { createReadStream } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryEventStore } from '@clientele/eventstore';
import { expect, it } from 'vitest';
import { readCsvRecords } from '../src/mappings/csv/readCsvRecords.js';
import { mapReceivablesRow } from '../src/mappings/ibmAccountsReceivable/receivablesMapping.js';
import { createInvoiceService } from '../src/invoice/invoiceService.js';
import { importReceivables } from '../src/mappings/ibmAccountsReceivable/importReceivables.js';
import { datasetUrl, datasetsUnavailable } from '../../../test/support/datasets.js';
import { describeWhenAvailable } from '../../../test/support/requireService.js';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const FILE = datasetUrl('ibm-accounts-receivable/WA_Fn-UseC_-Accounts-Receivable.csv');

/*
 * Expected figures computed independently with Python over the raw CSV (csv.DictReader,
 * Decimal for the amounts): 2,466 rows, 100 customers, 561 disputed, amounts summing to
 * 147,703.18.
 */
describeWhenAvailable('accounts-receivable replay', datasetsUnavailable(), () => {
  it('replays every invoice as an issue and a settlement through the handler, with exact counts', async () => {
    const store = createInMemoryEventStore();
    const invoices = createInvoiceService(store, { authorize: permitEveryoneInTests() });
    const problems: string[] = [];
    const counts: Record<string, number> = {};
    const customers = new Set<string>();
    let rows = 0;
    let invoicedMinor = 0;
    let paidMinor = 0;
    let disputed = 0;
    for await (const record of readCsvRecords(createReadStream(FILE, { encoding: 'utf8' }))) {
      rows += 1;
      const mapped = mapReceivablesRow(record.values, record.lineNumber);
      if (E.isLeft(mapped)) {
        problems.push(`line ${record.lineNumber}: ${mapped.left.problems.join('; ')}`);
        continue;
      }
      for (const { command, context } of mapped.right) {
        const result = await invoices.handle(command, context);
        if (E.isLeft(result)) {
          problems.push(`line ${record.lineNumber}: ${JSON.stringify(result.left)}`);
          continue;
        }
        for (const event of result.right.events) {
          counts[event.type] = (counts[event.type] ?? 0) + 1;
          if (event.type === 'InvoiceIssued') {
            invoicedMinor += event.data.total.amountMinor;
            customers.add(event.data.customerId);
            if (event.data.labels.includes('disputed')) disputed += 1;
          }
          if (event.type === 'InvoicePaymentRecorded') paidMinor += event.data.amount.amountMinor;
        }
      }
    }
    expect(problems).toEqual([]);
    expect(rows).toBe(2_466);
    expect(counts).toEqual({ InvoiceIssued: 2_466, InvoicePaymentRecorded: 2_466 });
    expect(customers.size).toBe(100);
    expect(disputed).toBe(561);
    expect(invoicedMinor).toBe(14_770_318);
    expect(paidMinor).toBe(14_770_318);
    const first = await invoices.load('ibm-ar-0000611365');
    expect(first).toMatchObject({ status: 'paid', dueOn: '2013-02-01', totalMinor: 5_594 });
  });

  it('imports through the shared import function, and importing the file again changes nothing', async () => {
    const invoices = createInvoiceService(createInMemoryEventStore(), {
      authorize: permitEveryoneInTests(),
    });
    const read = () => createReadStream(FILE, { encoding: 'utf8' });
    expect(await importReceivables(read(), invoices)).toEqual({
      rows: 2_466,
      commandsAccepted: 4_932,
      commandsUnchanged: 0,
      commandsSkipped: 0,
      rejected: [],
      events: { InvoiceIssued: 2_466, InvoicePaymentRecorded: 2_466 },
    });
    expect(await importReceivables(read(), invoices)).toEqual({
      rows: 2_466,
      commandsAccepted: 4_932,
      commandsUnchanged: 4_932,
      commandsSkipped: 0,
      rejected: [],
      events: {},
    });
  });

  it('reads amounts as text to the cent and names a malformed field', () => {
    const row = {
      countryCode: '391',
      customerID: '0379-NEVHP',
      invoiceNumber: '0000611365',
      InvoiceDate: '1/2/2013',
      DueDate: '2/1/2013',
      InvoiceAmount: '55.9',
      Disputed: 'No',
      SettledDate: '1/15/2013',
      PaperlessBill: 'Paper',
    };
    const mapped = mapReceivablesRow(row, 2, { currency: 'EUR' });
    expect(E.isRight(mapped) && mapped.right[0]?.command).toMatchObject({
      total: { amountMinor: 5_590, currency: 'EUR' },
      issuedOn: '2013-01-02',
      labels: ['country 391', 'paper'],
    });
    expect(mapReceivablesRow({ ...row, InvoiceAmount: '55,90' }, 9)).toEqual(
      E.left({ lineNumber: 9, problems: ['InvoiceAmount: expected DecimalAmount, got "55,90"'] }),
    );
  });
});
