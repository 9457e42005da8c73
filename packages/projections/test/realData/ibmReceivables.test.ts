import { createReadStream } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { createInvoiceService, mapReceivablesRow, readCsvRecords } from '@clientele/domain';
import { createInMemoryEventStore } from '@clientele/eventstore';
import {
  createInMemoryReadModelStore,
  createProjectionRunner,
  invoicesProjection,
  receivablesReport,
} from '@clientele/projections';
import { expect, it } from 'vitest';
import { datasetUrl, datasetsUnavailable } from '../../../../test/support/datasets.js';
import { describeWhenAvailable } from '../../../../test/support/requireService.js';
import { administratorAccess, allowed } from '@clientele/projections/testing';
import { permitEveryoneInTests } from '@clientele/eventstore/testing';

const FILE = datasetUrl('ibm-accounts-receivable/WA_Fn-UseC_-Accounts-Receivable.csv');

/*
 * Expected figures computed independently with Python over the raw CSV (csv.DictReader, Decimal
 * amounts, dates parsed from M/D/YYYY), not by the projection code. As of 2013-06-30: invoices
 * dated by then (1,930 rows) total 115,444.59; those settled by then 110,324.74; the rest,
 * 5,119.85, is outstanding, of which 835.56 is past due (all 1–30 days) and 4,284.29 current;
 * 52 customers owe something, 7938-EVASK the most (301.34).
 */
describeWhenAvailable(
  'IBM accounts receivable, imported through the invoice handler',
  datasetsUnavailable(),
  () => {
    it('gives the aging at a chosen date that the raw rows give', async () => {
      const events = createInMemoryEventStore();
      const invoices = createInvoiceService(events, { authorize: permitEveryoneInTests() });
      const problems: string[] = [];
      for await (const record of readCsvRecords(createReadStream(FILE, { encoding: 'utf8' }))) {
        const mapped = mapReceivablesRow(record.values, record.lineNumber);
        if (E.isLeft(mapped)) {
          problems.push(`line ${record.lineNumber}: ${mapped.left.problems.join('; ')}`);
          continue;
        }
        for (const { command, context } of mapped.right) {
          const result = await invoices.handle(command, context);
          if (E.isLeft(result))
            problems.push(`line ${record.lineNumber}: ${JSON.stringify(result.left)}`);
        }
      }
      expect(problems).toEqual([]);
      const readModels = createInMemoryReadModelStore();
      await createProjectionRunner({
        events,
        readModels,
        projections: [invoicesProjection],
      }).catchUp();

      const rows = await allowed(
        receivablesReport(readModels, administratorAccess, { asOf: '2013-06-30' }),
      );
      const total = rows[rows.length - 1]!;
      expect(total.invoiced).toEqual({ USD: 11_544_459 });
      expect(total.paid).toEqual({ USD: 11_032_474 });
      expect(total.outstanding).toEqual({ USD: 511_985 });
      expect(total.overdue).toEqual({ USD: 83_556 });
      expect(total.aging).toEqual({
        current: { USD: 428_429 },
        '1-30': { USD: 83_556 },
        '31-60': {},
        '61-90': {},
        '90+': {},
      });
      const owing = rows.filter(
        (row) => row.customerId !== null && (row.outstanding['USD'] ?? 0) > 0,
      );
      expect(owing).toHaveLength(52);
      const largest = owing.reduce((a, b) =>
        (a.outstanding['USD'] ?? 0) >= (b.outstanding['USD'] ?? 0) ? a : b,
      );
      expect([largest.customerId, largest.outstanding]).toEqual([
        'ibm-ar-customer-7938-EVASK',
        { USD: 30_134 },
      ]);
    });
  },
);
