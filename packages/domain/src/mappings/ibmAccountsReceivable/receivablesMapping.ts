import * as E from 'fp-ts/lib/Either.js';
import { v5 as uuidv5 } from 'uuid';
import type { DateOnly } from '../../shared/dates.js';
import type { InvoiceCommand } from '../../invoice/commands.js';
import type { MappedRow, RejectedRow } from '../mappedRow.js';
import { InvoiceCommand as InvoiceCommandCodec } from '../../invoice/commands.js';
import { formatZoned, zonedInstant } from '../../sla/zonedTime.js';
import { decodeRow } from '../mappedRow.js';
import { ReceivablesRow, usDateToIso, decimalToMinorUnits } from './receivablesRow.js';

/** Namespace of the command ids of receivables rows. */
const RECEIVABLES_NAMESPACE = 'b6f1f0e4-3f0c-4f53-8d5e-2a7c9e41d0a8';

/** Options of {@link mapReceivablesRow}. */
export interface ReceivablesMappingOptions {
  /** The sample states no currency; defaults to `USD`. */
  readonly currency?: string;
  /** The zone its dates are days in; defaults to `UTC`. */
  readonly timeZone?: string;
  readonly tenantId?: string | undefined;
}

/**
 * The mapping of the IBM accounts-receivable sample onto Invoice commands, shared by the replay
 * tests and `clientele import invoices --mapping ibm-ar`. Each row gives two commands: issue the
 * invoice (a total only: the sample has no lines, tax or opportunity) and record one payment of the
 * whole amount on the settled date. The `Disputed` flag carries no dates, so it becomes the label
 * `disputed` rather than invented dispute events; paper or electronic billing is a label too.
 * Command ids derive from the invoice number, so importing the file again changes nothing.
 */
export const mapReceivablesRow = (
  values: Readonly<Record<string, string>>,
  lineNumber: number,
  options: ReceivablesMappingOptions = {},
): E.Either<RejectedRow, readonly MappedRow<InvoiceCommand>[]> => {
  const currency = options.currency ?? 'USD';
  const timeZone = options.timeZone ?? 'UTC';
  return E.chain((row: ReceivablesRow) => {
    const invoiceId = `ibm-ar-${row.invoiceNumber}`;
    const amount = { amountMinor: decimalToMinorUnits(row.InvoiceAmount), currency };
    const issuedOn = usDateToIso(row.InvoiceDate);
    const receivedOn = usDateToIso(row.SettledDate);
    const context = (purpose: string, day: string) => ({
      commandId: uuidv5(`${row.invoiceNumber} ${purpose}`, RECEIVABLES_NAMESPACE),
      actor: { id: 'ibm-ar-import', role: 'finance' },
      occurredAt: formatZoned(zonedInstant(day as DateOnly, 0, timeZone), timeZone),
      tenantId: options.tenantId,
    });
    const issue = {
      kind: 'IssueInvoice',
      invoiceId,
      invoiceNumber: row.invoiceNumber,
      customerId: `ibm-ar-customer-${row.customerID}`,
      currency,
      issuedOn,
      dueOn: usDateToIso(row.DueDate),
      total: amount,
      labels: [
        `country ${row.countryCode}`,
        row.PaperlessBill.toLowerCase(),
        ...(row.Disputed === 'Yes' ? ['disputed'] : []),
      ],
    };
    const payment = {
      kind: 'RecordPayment',
      invoiceId,
      paymentId: `${invoiceId}-settlement`,
      amount,
      receivedOn,
    };
    return E.sequenceArray([
      E.map((command: InvoiceCommand) => ({
        lineNumber,
        command,
        context: context('issue', issuedOn),
      }))(decodeRow(InvoiceCommandCodec, issue, lineNumber)),
      E.map((command: InvoiceCommand) => ({
        lineNumber,
        command,
        context: context('settlement', receivedOn),
      }))(decodeRow(InvoiceCommandCodec, payment, lineNumber)),
    ]);
  })(decodeRow(ReceivablesRow, values, lineNumber));
};
