import * as t from 'io-ts';

const pattern = (name: string, regex: RegExp) => t.refinement(t.string, (s) => regex.test(s), name);

/** A date as the IBM sample writes it: `m/d/yyyy`, no zero padding. */
const UsDate = pattern('UsDate', /^\d{1,2}\/\d{1,2}\/\d{4}$/);

/**
 * One row of `WA_Fn-UseC_-Accounts-Receivable.csv`: an invoice that was settled. The derived
 * columns (`DaysToSettle`, `DaysLate`) and `PaperlessDate` are not used.
 */
export const ReceivablesRow = t.type(
  {
    countryCode: pattern('CountryCode', /^\d+$/),
    customerID: pattern('CustomerId', /^[0-9A-Z-]+$/),
    invoiceNumber: pattern('InvoiceNumber', /^\d+$/),
    InvoiceDate: UsDate,
    DueDate: UsDate,
    InvoiceAmount: pattern('DecimalAmount', /^\d+(\.\d{1,2})?$/),
    Disputed: t.keyof({ Yes: null, No: null }),
    SettledDate: UsDate,
    PaperlessBill: t.keyof({ Paper: null, Electronic: null }),
  },
  'ReceivablesRow',
);
/** One row of the IBM accounts-receivable sample. */
export type ReceivablesRow = t.TypeOf<typeof ReceivablesRow>;

/** `m/d/yyyy` as `yyyy-mm-dd` (still to be checked as a calendar day by the command codec). */
export const usDateToIso = (usDate: string): string => {
  const [month = '', day = '', year = ''] = usDate.split('/');
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
};

/** A decimal amount with up to two decimals as whole minor units, read as text (no floats). */
export const decimalToMinorUnits = (decimal: string): number => {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
};
